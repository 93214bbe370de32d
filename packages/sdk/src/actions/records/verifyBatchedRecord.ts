import { recordRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { toRecordLeafStruct } from '../../encoding/recordLeaf.ts'
import { assertBytes32, assertBytes32Array } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { RecordLeaf } from '../../types.ts'

export type VerifyBatchedRecordParameters = {
  root: Hex | Uint8Array
  leaf: RecordLeaf
  /** The leaf's Merkle proof, e.g. `createMerkleBatch().seal().proofs[i]`. */
  proof: readonly (Hex | Uint8Array)[]
}

/** True iff the batch is anchored, names the leaf's custodian, and the proof holds. */
export type VerifyBatchedRecordReturnType = boolean

/**
 * Checks on chain that a record was anchored in a batch. Says nothing of erasure: see {@link getErasure}.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function verifyBatchedRecord(client: MedchainClient, parameters: VerifyBatchedRecordParameters): Promise<VerifyBatchedRecordReturnType> {
  const root = assertBytes32('root', parameters.root)
  const leaf = toRecordLeafStruct(parameters.leaf)
  const proof = assertBytes32Array('proof', parameters.proof, { maxLength: 256 })
  const { recordRegistry } = requireDeployment(client)
  return readContract(client, {
    address: recordRegistry,
    abi: recordRegistryAbi,
    functionName: 'verifyBatchedRecord',
    args: [root, leaf, proof],
    context: 'RecordRegistry.verifyBatchedRecord',
  })
}
