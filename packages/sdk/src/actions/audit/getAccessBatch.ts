import { accessLogAbi } from '@medchain/contracts'
import { zeroAddress, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { AccessBatch } from '../../types.ts'

export type GetAccessBatchParameters = {
  root: Hex | Uint8Array
}

/** The batch, or undefined for a root never logged. */
export type GetAccessBatchReturnType = AccessBatch | undefined

/**
 * Reads a logged batch of access entries by its Merkle root.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getAccessBatch(client: MedchainClient, parameters: GetAccessBatchParameters): Promise<GetAccessBatchReturnType> {
  const root = assertBytes32('root', parameters.root)
  const { accessLog } = requireDeployment(client)
  const raw = await readContract(client, {
    address: accessLog,
    abi: accessLogAbi,
    functionName: 'getBatch',
    args: [root],
    context: 'AccessLog.getBatch',
  })
  if (raw.member === zeroAddress) return undefined
  return { root, member: raw.member, count: raw.count, firstAt: raw.firstAt, lastAt: raw.lastAt, loggedAt: raw.loggedAt }
}
