import { randomBytes } from 'node:crypto'
import { INDICATOR_SLOTS, getCircuit, type PoseidonHash } from '@medchain/zk'
import { leafOf, slotLeaves } from '../attestation/indicatorTree.ts'
import type { AttestationOpening } from '../attestation/createAttestation.ts'
import { verifyOpening } from '../attestation/verifyOpening.ts'
import { loincToField } from '../encoding/loincCode.ts'
import { ResearchError } from '../errors.ts'
import type { RangeOpening, StudyDocument } from '../study/studyDocument.ts'
import { rangeCommitmentOf, studyHashOf } from '../study/studyHash.ts'
import { identityCommitmentOf, nullifierOf } from './holderSecret.ts'
import { classOf, packClasses, type IndicatorClass } from './classes.ts'

export type PrepareEnrollmentParameters = {
  opening: AttestationOpening
  secret: bigint
  document: StudyDocument
  /** The account that will send the enrollment and the result: bound into the proof. */
  submitter: `0x${string}`
  /** Verified mode: the institution's range opening. */
  rangeOpening?: RangeOpening | undefined
  /**
   * Skip the eligibility pre-checks and let the circuit decide. Only for tests that show the
   * circuit itself refuses what the pre-checks would have caught.
   */
  skipChecks?: boolean | undefined
}

/** Everything an enrollment needs: the circuit input and the public values it will prove. */
export type PreparedEnrollment = {
  circuit: string
  input: Record<string, unknown>
  commitment: bigint
  nullifier: bigint
  studyHash: bigint
  /** The holder's encoded values, in study order: the Paillier mode needs them next. */
  values: bigint[]
  /** Verified mode: the classes the proof commits to, and the salt that opens the commitment. */
  classes?: IndicatorClass[] | undefined
  classSalt?: bigint | undefined
  classCommitment: bigint
}

/**
 * Builds the enrollment witness (research-protocol.md section 3). First checks, in the clear,
 * what the circuit will enforce (code present, fresh enough, plausible), so an ineligible
 * holder gets a clear reason instead of a failed proof; nothing of this leaves the holder.
 */
export function prepareEnrollment(poseidon: PoseidonHash, parameters: PrepareEnrollmentParameters): PreparedEnrollment {
  const { opening, secret, document } = parameters
  const circuit = getCircuit(document.circuit)
  const checked = !parameters.skipChecks
  if (checked) verifyOpening(poseidon, opening, identityCommitmentOf(poseidon, secret))
  if (checked && opening.measuredAt < document.notBefore) {
    throw new ResearchError('the attested measurement is older than the study accepts', { code: 'RESEARCH_STALE_MEASUREMENT' })
  }
  const slotCodes = opening.slots.map((slot) => slot.code)
  const selections = document.indicators.map((indicator) => {
    const slot = slotCodes.indexOf(indicator.code)
    if (slot < 0 && checked) {
      throw new ResearchError(`the attested set lacks ${indicator.code}`, { code: 'RESEARCH_MISSING_INDICATOR' })
    }
    const value = slot < 0 ? 0n : BigInt(opening.slots[slot]!.value)
    if (checked && (value < BigInt(indicator.plausibleLow) || value > BigInt(indicator.plausibleHigh))) {
      throw new ResearchError(`the attested ${indicator.code} is outside the study's plausible bounds`, { code: 'RESEARCH_IMPLAUSIBLE_VALUE' })
    }
    return { slot, value }
  })

  const size = circuit.indicators
  const pad = <T>(items: T[], filler: T) => [...items, ...new Array<T>(size - items.length).fill(filler)]
  const leaves = slotLeaves(opening.slots.map((slot) => leafOf(poseidon, loincToField(slot.code), BigInt(slot.value))))
  const selectors = pad(
    selections.map(({ slot }) => Array.from({ length: INDICATOR_SLOTS }, (_, i) => (i === slot ? 1n : 0n))),
    new Array<bigint>(INDICATOR_SLOTS).fill(0n),
  )
  const studyId = BigInt(document.studyId)
  const nullifier = nullifierOf(poseidon, secret, studyId)
  const values = selections.map((selection) => selection.value)

  let classes: IndicatorClass[] | undefined
  let classSalt: bigint | undefined
  let classCommitment = 0n
  const rangeLow = new Array<bigint>(size).fill(0n)
  const rangeHigh = new Array<bigint>(size).fill(0n)
  let rangeSalt = 0n
  if (document.mode === 'verified') {
    const rangeOpening = parameters.rangeOpening
    if (!rangeOpening || rangeOpening.ranges.length !== document.indicators.length) {
      throw new ResearchError('"rangeOpening" is required in verified mode, one range per indicator', { code: 'RESEARCH_INVALID_ARGUMENT' })
    }
    if (checked && rangeCommitmentOf(poseidon, rangeOpening, size) !== BigInt(document.rangeCommitment)) {
      throw new ResearchError('the range opening does not match the study', { code: 'RESEARCH_INVALID_STUDY' })
    }
    rangeOpening.ranges.forEach((range, j) => {
      rangeLow[j] = BigInt(range.low)
      rangeHigh[j] = BigInt(range.high)
    })
    rangeSalt = BigInt(rangeOpening.salt)
    classes = values.map((value, j) => classOf(value, rangeLow[j]!, rangeHigh[j]!))
    classSalt = BigInt(`0x${randomBytes(31).toString('hex')}`)
    classCommitment = poseidon([packClasses(classes), classSalt])
  }

  const input = {
    commitment: opening.commitment,
    studyHash: studyHashOf(poseidon, document),
    nullifier,
    submitter: BigInt(parameters.submitter),
    leaves,
    measuredAt: BigInt(opening.measuredAt),
    salt: BigInt(opening.salt),
    secret,
    studyId,
    notBefore: BigInt(document.notBefore),
    rangeCommitment: BigInt(document.rangeCommitment),
    codes: pad(document.indicators.map((indicator) => loincToField(indicator.code)), 0n),
    lower: pad(document.indicators.map((indicator) => BigInt(indicator.plausibleLow)), 0n),
    upper: pad(document.indicators.map((indicator) => BigInt(indicator.plausibleHigh)), 0n),
    values: pad(values, 0n),
    selectors,
    rangeLow,
    rangeHigh,
    rangeSalt,
    classSalt: classSalt ?? 0n,
  }
  return {
    circuit: circuit.name,
    input,
    commitment: BigInt(opening.commitment),
    nullifier,
    studyHash: input.studyHash,
    values,
    classes,
    classSalt,
    classCommitment,
  }
}
