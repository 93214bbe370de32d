import { studyRegistryAbi } from '@medchain/contracts'
import { zeroAddress, type Address, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertUint } from '../../internal/assert.ts'
import { latestBlockNumber, readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { STUDY_CIRCUITS, type StudyCircuitName } from './studyCircuits.ts'

export type GetStudyParameters = { studyId: bigint }

export type Study = {
  studyId: bigint
  institution: Address
  circuit: StudyCircuitName
  verifier: Address
  studyHash: bigint
  documentHash: Hex
  capacity: number
  enrolled: number
  deadline: bigint
}

/**
 * Reads a published study, or undefined for an unknown id.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getStudy(client: MedchainClient, parameters: GetStudyParameters): Promise<Study | undefined> {
  const studyId = assertUint('studyId', parameters.studyId, { min: 1n })
  const { studyRegistry } = requireDeployment(client)
  const raw = await readContract(client, {
    address: studyRegistry,
    abi: studyRegistryAbi,
    functionName: 'study',
    args: [studyId],
    blockNumber: await latestBlockNumber(client),
    context: 'StudyRegistry.study',
  })
  if (raw.institution === zeroAddress) return undefined
  return { studyId, ...raw, circuit: STUDY_CIRCUITS[raw.circuit]! }
}
