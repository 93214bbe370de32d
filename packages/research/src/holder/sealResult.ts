import { eciesEncrypt } from '@medchain/crypto'
import { ResearchError } from '../errors.ts'

/**
 * The associated data of a sealed result: it names the study and the enrollment, so a relay
 * cannot present one holder's sealed result as another enrollment's.
 */
export function studyResultAad(studyId: bigint, nullifier: bigint): Uint8Array {
  return new TextEncoder().encode(`medchain-study-result-v1:${studyId}:${nullifier}`)
}

export type SealStudyResultParameters = {
  /** The institution member's encryption key (33-byte compressed, on chain). */
  institutionPublicKey: `0x${string}`
  studyId: bigint
  nullifier: bigint
  /** The result bytes (encodeStudyResult). */
  bytes: Uint8Array
}

/**
 * Seals result bytes for the institution alone (ECIES, AES-256-GCM), as research-protocol.md
 * section 5 wants the class vector to travel: the relaying hospital forwards bytes it cannot
 * read. The chain records the SHA-256 of the sealed bytes.
 */
export function sealStudyResult(parameters: SealStudyResultParameters): Uint8Array {
  if (!/^0x0[23][0-9a-fA-F]{64}$/.test(parameters.institutionPublicKey)) {
    throw new ResearchError('"institutionPublicKey" expected a 33-byte compressed secp256k1 key', { code: 'RESEARCH_INVALID_ARGUMENT' })
  }
  return eciesEncrypt({
    recipientPublicKey: parameters.institutionPublicKey,
    plaintext: parameters.bytes,
    aad: studyResultAad(parameters.studyId, parameters.nullifier),
  })
}
