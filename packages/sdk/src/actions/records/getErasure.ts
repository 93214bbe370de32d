import { recordRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { RecordErasure } from '../../types.ts'

export type GetErasureParameters = {
  recordId: Hex
}

/** The erasure marker, or undefined for a record not marked erased. */
export type GetErasureReturnType = RecordErasure | undefined

/**
 * Reads whether (and by whom, when, why) a record was marked erased. For a batched record, check
 * that `erasedBy` is the leaf's custodian: any hospital may mark an id it has no anchor for.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getErasure(client: MedchainClient, parameters: GetErasureParameters): Promise<GetErasureReturnType> {
  const recordId = assertBytes32('recordId', parameters.recordId)
  const { recordRegistry } = requireDeployment(client)
  const raw = await readContract(client, {
    address: recordRegistry,
    abi: recordRegistryAbi,
    functionName: 'getErasure',
    args: [recordId],
    context: 'RecordRegistry.getErasure',
  })
  if (raw.erasedAt === 0n) return undefined
  return { recordId, erasedBy: raw.erasedBy, erasedAt: raw.erasedAt, reasonCode: raw.reasonCode }
}
