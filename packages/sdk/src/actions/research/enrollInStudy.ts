import { studyRegistryAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { StudyProof } from './studyCircuits.ts'

export type EnrollInStudyParameters = {
  studyId: bigint
  commitment: bigint
  nullifier: bigint
  /** Verified mode's class commitment; 0 in paillier mode. */
  classCommitment: bigint
  proof: StudyProof
}

export type EnrollInStudyReturnType = ContractWriteResult<typeof studyRegistryAbi>

/**
 * Enrolls with a Groth16 proof. The client's account must be the submitter the proof binds.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (StudyInvalidProof, StudyNullifierUsed,
 *   StudyUnknownCommitment, StudyClosed, StudyFull, StudyUnknown), `SDK_INVALID_ARGUMENT`,
 *   `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function enrollInStudy(client: MedchainClient, parameters: EnrollInStudyParameters): Promise<EnrollInStudyReturnType> {
  const { proof } = parameters
  const { studyRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: studyRegistry,
    abi: studyRegistryAbi,
    functionName: 'enroll',
    args: [
      assertUint('studyId', parameters.studyId, { min: 1n }),
      assertUint('commitment', parameters.commitment),
      assertUint('nullifier', parameters.nullifier),
      assertUint('classCommitment', parameters.classCommitment),
      [proof.a[0], proof.a[1]],
      [
        [proof.b[0][0], proof.b[0][1]],
        [proof.b[1][0], proof.b[1][1]],
      ],
      [proof.c[0], proof.c[1]],
    ],
    context: 'StudyRegistry.enroll',
  })
}
