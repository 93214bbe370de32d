import { recordRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertSmallUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type MarkRecordErasedParameters = {
  recordId: Hex
  /** Application-defined reason (uint16), e.g. a patient's erasure request. */
  reasonCode: number
}

export type MarkRecordErasedReturnType = ContractWriteResult<typeof recordRegistryAbi>

/**
 * Records that a record was crypto-shredded (its data keys destroyed off chain); the anchor stays and
 * the id can no longer be anchored. The caller acts for a hospital member: the custodian of a singly
 * anchored record, or any hospital for a record anchored only in batches (recorded as `erasedBy`).
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (RecordAlreadyErased, RecordNotCustodian...),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function markRecordErased(client: MedchainClient, parameters: MarkRecordErasedParameters): Promise<MarkRecordErasedReturnType> {
  const recordId = assertBytes32('recordId', parameters.recordId, { nonZero: true })
  const reasonCode = assertSmallUint('reasonCode', parameters.reasonCode, 16)
  const { recordRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: recordRegistry,
    abi: recordRegistryAbi,
    functionName: 'markErased',
    args: [recordId, reasonCode],
    context: 'RecordRegistry.markErased',
  })
}
