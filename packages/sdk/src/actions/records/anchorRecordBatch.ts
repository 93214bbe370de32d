import { recordRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertSmallUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type AnchorRecordBatchParameters = {
  /** Gas limit, skipping estimation (the write costs the same every time). */
  gas?: bigint | undefined
  /** Root of a Merkle batch of {@link encodeRecordLeaf} leaves (e.g. `createMerkleBatch().seal().root`). */
  root: Hex | Uint8Array
  /** Number of leaves, at least 1. */
  count: number
}

export type AnchorRecordBatchReturnType = ContractWriteResult<typeof recordRegistryAbi>

/**
 * Anchors the root of a batch of records in one transaction. Same callers as {@link anchorRecord};
 * each leaf's `custodian` must be the caller's member for {@link verifyBatchedRecord} to accept it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (RecordBatchAlreadyAnchored, RecordInvalidBatch,
 *   ConsortiumMissingRole...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function anchorRecordBatch(client: MedchainClient, parameters: AnchorRecordBatchParameters): Promise<AnchorRecordBatchReturnType> {
  const root = assertBytes32('root', parameters.root, { nonZero: true })
  const count = assertSmallUint('count', parameters.count, 32, { min: 1 })
  const { recordRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: recordRegistry,
    abi: recordRegistryAbi,
    functionName: 'anchorBatch',
    args: [root, count],
    context: 'RecordRegistry.anchorBatch',
    gas: parameters.gas,
  })
}
