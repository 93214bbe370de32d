import { accessLogAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertBytes32, assertSmallUint, assertUint64 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type LogAccessBatchParameters = {
  /** Gas limit, skipping estimation (the write costs the same every time). */
  gas?: bigint | undefined
  /** Root of a Merkle batch of {@link encodeAccessEntry} leaves. */
  root: Hex | Uint8Array
  /** Number of entries, at least 1. */
  count: number
  /** Earliest entry `accessedAt` (unix seconds). */
  firstAt: bigint | number
  /** Latest entry `accessedAt`, at least `firstAt`. */
  lastAt: bigint | number
}

export type LogAccessBatchReturnType = ContractWriteResult<typeof accessLogAbi>

/**
 * Logs the root of a batch of access entries from the client's account, an active member (its
 * gateway's organisation key). Every entry's `member` must be that account for
 * {@link verifyAccessEntry} to accept it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumNotMember, AccessLogBatchAlreadyLogged,
 *   AccessLogInvalidBatch), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function logAccessBatch(client: MedchainClient, parameters: LogAccessBatchParameters): Promise<LogAccessBatchReturnType> {
  const root = assertBytes32('root', parameters.root, { nonZero: true })
  const count = assertSmallUint('count', parameters.count, 32, { min: 1 })
  const firstAt = assertUint64('firstAt', parameters.firstAt)
  const lastAt = assertUint64('lastAt', parameters.lastAt)
  if (firstAt > lastAt) throw new MedchainError(`"firstAt" (${firstAt}) must not be after "lastAt" (${lastAt})`, { code: 'SDK_INVALID_ARGUMENT' })
  const { accessLog } = requireDeployment(client)
  return writeContract(client, {
    address: accessLog,
    abi: accessLogAbi,
    functionName: 'logBatch',
    args: [root, count, firstAt, lastAt],
    context: 'AccessLog.logBatch',
    gas: parameters.gas,
  })
}
