import { bytesToHex, hashLeaf, hexToBytes, processProof } from '@medchain/crypto'
import { encodeRecordLeaf, type RecordLeaf } from '@medchain/sdk'
import type { Hex } from 'viem'
import type { BatchReader } from '../chain/batchRoots.ts'
import { GatewayError } from '../errors.ts'

/** Where a record version was anchored: a batch root and the leaf's inclusion proof. */
export type AnchorProof = { root: Hex; proof: readonly Hex[] }

/**
 * Checks a record version against the chain alone: its leaf (rebuilt from the fields the caller
 * is about to trust) must prove into `root`, and `root` must be anchored on chain by the leaf's
 * custodian. Nothing from the index or the store is trusted on its own.
 * @throws GatewayError `GATEWAY_INTEGRITY_FAILED` (the message says which check failed),
 *   `GATEWAY_CHAIN_UNAVAILABLE`
 */
export async function verifyAnchor(leaf: RecordLeaf, { root, proof }: AnchorProof, batches: BatchReader): Promise<void> {
  const subject = `${leaf.resourceType} record version ${leaf.version}`
  let computed: Hex
  try {
    computed = bytesToHex(processProof({ leaf: hashLeaf(encodeRecordLeaf(leaf)), proof: proof.map((node) => hexToBytes(node)) }))
  } catch (error) {
    throw new GatewayError(`${subject} carries a malformed anchor proof`, { code: 'GATEWAY_INTEGRITY_FAILED', cause: error })
  }
  if (computed !== root.toLowerCase()) {
    throw new GatewayError(`${subject} does not match its on-chain anchor: the stored fields or proof were altered`, { code: 'GATEWAY_INTEGRITY_FAILED' })
  }
  const batch = await batches(root)
  if (batch === undefined) throw new GatewayError(`${subject} names an anchor root that is not on chain`, { code: 'GATEWAY_INTEGRITY_FAILED' })
  if (batch.anchoredBy.toLowerCase() !== leaf.custodian.toLowerCase()) {
    throw new GatewayError(`${subject} names an anchor made by another member than its custodian`, { code: 'GATEWAY_INTEGRITY_FAILED' })
  }
}
