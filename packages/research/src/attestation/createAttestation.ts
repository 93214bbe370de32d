import { randomBytes } from 'node:crypto'
import { INDICATOR_SLOTS, SNARK_FIELD, TIME_BITS, hashMany, type PoseidonHash } from '@medchain/zk'
import { encodeFixedPoint } from '../encoding/fixedPoint.ts'
import { decimalsOf } from '../encoding/indicatorScales.ts'
import { loincToField } from '../encoding/loincCode.ts'
import { ResearchError } from '../errors.ts'
import type { IndicatorSnapshot } from './indicatorReadings.ts'
import { indicatorRoot, leafOf } from './indicatorTree.ts'

/**
 * What the holder keeps to prove things about an attestation: the encoded indicators in slot
 * order, the measurement time and the salt. It travels to the holder inside their encrypted
 * records; on chain there is only the commitment. Numbers are decimal strings (JSON-safe).
 */
export type AttestationOpening = {
  version: 1
  commitment: string
  measuredAt: number
  salt: string
  slots: { code: string; value: string }[]
}

export type CreateAttestationParameters = {
  snapshot: IndicatorSnapshot
  /** Poseidon(secret) of the holder, which they gave the hospital. */
  identityCommitment: bigint
  /** Fresh random salt unless given (tests). */
  salt?: bigint | undefined
}

/**
 * Builds the commitment C = Poseidon(root, measuredAt, salt, identityCommitment) a hospital
 * anchors for a patient (research-protocol.md section 1). Readings that cannot be encoded
 * (not LOINC, negative, too large) are left out; at most 32 readings are kept, by code order.
 */
export function createAttestation(poseidon: PoseidonHash, parameters: CreateAttestationParameters): { commitment: bigint; opening: AttestationOpening } {
  const { snapshot, identityCommitment } = parameters
  if (!Number.isSafeInteger(snapshot.measuredAt) || snapshot.measuredAt < 0 || snapshot.measuredAt >= 2 ** TIME_BITS) {
    throw new ResearchError('"measuredAt" expected unix seconds', { code: 'RESEARCH_INVALID_ARGUMENT' })
  }
  if (identityCommitment <= 0n || identityCommitment >= SNARK_FIELD) {
    throw new ResearchError('"identityCommitment" expected a non-zero field element', { code: 'RESEARCH_INVALID_ARGUMENT' })
  }
  const slots = encodable(snapshot)
    .sort((a, b) => (a.field < b.field ? -1 : 1))
    .slice(0, INDICATOR_SLOTS)
  const salt = parameters.salt ?? BigInt(`0x${randomBytes(31).toString('hex')}`)
  const root = indicatorRoot(poseidon, slots.map((slot) => leafOf(poseidon, slot.field, slot.value)))
  const commitment = hashMany(poseidon, [root, BigInt(snapshot.measuredAt), salt, identityCommitment])
  return {
    commitment,
    opening: {
      version: 1,
      commitment: commitment.toString(),
      measuredAt: snapshot.measuredAt,
      salt: salt.toString(),
      slots: slots.map((slot) => ({ code: slot.code, value: slot.value.toString() })),
    },
  }
}

function encodable(snapshot: IndicatorSnapshot): { code: string; field: bigint; value: bigint }[] {
  const out: { code: string; field: bigint; value: bigint }[] = []
  for (const reading of snapshot.readings) {
    try {
      out.push({ code: reading.code, field: loincToField(reading.code), value: encodeFixedPoint(reading.value, decimalsOf(reading.code)) })
    } catch (error) {
      if (!(error instanceof ResearchError)) throw error
    }
  }
  return out
}
