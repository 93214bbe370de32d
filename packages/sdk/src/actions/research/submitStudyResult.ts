import { studyRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type SubmitStudyResultParameters = { studyId: bigint; nullifier: bigint; resultHash: Hex }
export type SubmitStudyResultReturnType = ContractWriteResult<typeof studyRegistryAbi>

/**
 * Records the SHA-256 of the holder's result, sent to the institution off chain. Once, by the
 * account that enrolled.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (StudyNotSubmitter, StudyResultAlreadySubmitted,
 *   StudyUnknownEnrollment), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function submitStudyResult(client: MedchainClient, parameters: SubmitStudyResultParameters): Promise<SubmitStudyResultReturnType> {
  const { studyRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: studyRegistry,
    abi: studyRegistryAbi,
    functionName: 'submitResult',
    args: [
      assertUint('studyId', parameters.studyId, { min: 1n }),
      assertUint('nullifier', parameters.nullifier),
      assertBytes32('resultHash', parameters.resultHash, { nonZero: true }),
    ],
    context: 'StudyRegistry.submitResult',
  })
}
