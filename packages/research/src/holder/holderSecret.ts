import { hkdfSync } from 'node:crypto'
import type { PoseidonHash } from '@medchain/zk'
import { ResearchError } from '../errors.ts'

/**
 * The holder's research secret sk_U, derived from their patient key so that losing nothing new
 * is at stake: HKDF-SHA256 with a fixed context, 31 bytes (always a field element). A separate
 * derivation keeps the research identity unlinkable to the key's public address.
 */
export function deriveHolderSecret(patientPrivateKey: `0x${string}`): bigint {
  if (!/^0x[0-9a-fA-F]{64}$/.test(patientPrivateKey)) {
    throw new ResearchError('"patientPrivateKey" expected 32 bytes of hex', { code: 'RESEARCH_INVALID_ARGUMENT' })
  }
  const key = Buffer.from(patientPrivateKey.slice(2), 'hex')
  const derived = hkdfSync('sha256', key, 'medchain research', 'holder secret v1', 31)
  return BigInt(`0x${Buffer.from(derived).toString('hex')}`)
}

/** Poseidon(sk_U): what the holder gives a hospital so it can build their commitments. */
export function identityCommitmentOf(poseidon: PoseidonHash, secret: bigint): bigint {
  return poseidon([secret])
}

/** The nullifier Poseidon(sk_U, studyId): the same holder can enroll in a study once. */
export function nullifierOf(poseidon: PoseidonHash, secret: bigint, studyId: bigint): bigint {
  return poseidon([secret, studyId])
}
