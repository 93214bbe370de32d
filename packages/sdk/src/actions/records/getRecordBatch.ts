import { recordRegistryAbi } from '@medchain/contracts'
import { zeroAddress, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { RecordBatch } from '../../types.ts'

export type GetRecordBatchParameters = {
  root: Hex | Uint8Array
}

/** The batch, or undefined for a root never anchored. */
export type GetRecordBatchReturnType = RecordBatch | undefined

/**
 * Reads an anchored batch of records by its Merkle root.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getRecordBatch(client: MedchainClient, parameters: GetRecordBatchParameters): Promise<GetRecordBatchReturnType> {
  const root = assertBytes32('root', parameters.root)
  const { recordRegistry } = requireDeployment(client)
  const raw = await readContract(client, {
    address: recordRegistry,
    abi: recordRegistryAbi,
    functionName: 'getBatch',
    args: [root],
    context: 'RecordRegistry.getBatch',
  })
  if (raw.custodian === zeroAddress) return undefined
  return { root, custodian: raw.custodian, count: raw.count, anchoredAt: raw.anchoredAt }
}
