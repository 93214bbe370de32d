import { canonicalJson, type EnvelopeRecipient, sealEnvelope, utf8ToBytes } from '@medchain/crypto'
import type { RecordLeaf } from '@medchain/sdk'
import type { BlobInput, WrappedKeys } from '@medchain/store'
import type { Address, Hex } from 'viem'
import { recordIdOf, type RecordKey } from '../internal/recordIds.ts'
import type { SenderPool } from './senderPool.ts'

/** Reader ids under which a record's data key is wrapped. */
export const READERS = { patient: 'patient', custodian: 'custodian' } as const

/** One record version to seal. */
export type SealInput = {
  key: RecordKey
  /** The resource with its id and meta (versionId, lastUpdated) already set. */
  resource: { resourceType: string; id?: string } & Record<string, unknown>
  /** The patient pseudonym, or the zero address for directory resources (Organization, Practitioner...). */
  patient: Address
  /** The patient's encryption key; undefined for directory resources, which only the custodian can open. */
  patientKey: Hex | undefined
  version: number
  previousContentHash: Hex
}

/** A sealed record version: what the store keeps and what the chain anchors. */
export type SealedRecord = { blob: BlobInput; keys: WrappedKeys; leaf: RecordLeaf }

/**
 * Canonicalises a resource (RFC 8785, so equal resources hash equally), encrypts it under a fresh
 * data key, wraps that key for the patient and the custodian, and builds its anchor leaf.
 */
export function sealRecord(input: SealInput, custodian: { address: Address; publicKey: Hex }, senders: SenderPool): SealedRecord {
  const plaintext = utf8ToBytes(canonicalJson(input.resource))
  const recipients: EnvelopeRecipient[] = [{ id: READERS.custodian, sender: senders.to(custodian.publicKey) }]
  if (input.patientKey !== undefined) recipients.push({ id: READERS.patient, sender: senders.to(input.patientKey) })
  const sealed = sealEnvelope({ plaintext, recipients })
  return {
    blob: { hash: sealed.ciphertextHash, bytes: sealed.ciphertext },
    keys: Object.fromEntries(sealed.wrappedKeys.map(({ id, wrappedKey }) => [id, wrappedKey])),
    leaf: {
      recordId: recordIdOf(input.key),
      patient: input.patient,
      custodian: custodian.address,
      resourceType: input.resource.resourceType,
      contentHash: sealed.ciphertextHash,
      version: input.version,
      previousContentHash: input.previousContentHash,
    },
  }
}
