import { studyRegistryAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type AcknowledgeStudyResultParameters = { studyId: bigint; nullifier: bigint }
export type AcknowledgeStudyResultReturnType = ContractWriteResult<typeof studyRegistryAbi>

/**
 * The institution confirms it received the result recorded on chain, closing the share.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (StudyNotInstitution, StudyNoResult,
 *   StudyAlreadyAcknowledged), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function acknowledgeStudyResult(
  client: MedchainClient,
  parameters: AcknowledgeStudyResultParameters,
): Promise<AcknowledgeStudyResultReturnType> {
  const { studyRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: studyRegistry,
    abi: studyRegistryAbi,
    functionName: 'acknowledge',
    args: [assertUint('studyId', parameters.studyId, { min: 1n }), assertUint('nullifier', parameters.nullifier)],
    context: 'StudyRegistry.acknowledge',
  })
}
