import { studyRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertSmallUint, assertUint, assertUint64 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import { studyCircuitId } from './studyCircuits.ts'

export type PublishStudyParameters = {
  studyId: bigint
  /** Circuit name: enroll8, enroll32, verified8 or verified32. */
  circuit: string
  studyHash: bigint
  /** SHA-256 of the study document stored off chain. */
  documentHash: Hex
  capacity: number
  /** Unix seconds. */
  deadline: bigint | number
}

export type PublishStudyReturnType = ContractWriteResult<typeof studyRegistryAbi>

/**
 * Publishes a study. The client's account is a RESEARCH member or one of its researchers.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (StudyAlreadyExists, StudyInvalidParameters,
 *   ConsortiumMissingRole), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function publishStudy(client: MedchainClient, parameters: PublishStudyParameters): Promise<PublishStudyReturnType> {
  const args = [
    assertUint('studyId', parameters.studyId, { min: 1n }),
    studyCircuitId(parameters.circuit),
    assertUint('studyHash', parameters.studyHash, { min: 1n }),
    assertBytes32('documentHash', parameters.documentHash, { nonZero: true }),
    assertSmallUint('capacity', parameters.capacity, 32, { min: 1 }),
    assertUint64('deadline', parameters.deadline),
  ] as const
  const { studyRegistry } = requireDeployment(client)
  return writeContract(client, { address: studyRegistry, abi: studyRegistryAbi, functionName: 'publish', args, context: 'StudyRegistry.publish' })
}
