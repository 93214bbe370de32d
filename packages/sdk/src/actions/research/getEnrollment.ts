import { studyRegistryAbi } from '@medchain/contracts'
import { zeroAddress, zeroHash, type Address, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertUint } from '../../internal/assert.ts'
import { latestBlockNumber, readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'

export type GetEnrollmentParameters = { studyId: bigint; nullifier: bigint }

export type Enrollment = {
  submitter: Address
  enrolledAt: bigint
  classCommitment: bigint
  /** Undefined until the holder submits. */
  resultHash: Hex | undefined
  acknowledged: boolean
}

/**
 * Reads an enrollment, or undefined when the nullifier has not enrolled in the study.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getEnrollment(client: MedchainClient, parameters: GetEnrollmentParameters): Promise<Enrollment | undefined> {
  const { studyRegistry } = requireDeployment(client)
  const raw = await readContract(client, {
    address: studyRegistry,
    abi: studyRegistryAbi,
    functionName: 'enrollment',
    args: [assertUint('studyId', parameters.studyId, { min: 1n }), assertUint('nullifier', parameters.nullifier)],
    blockNumber: await latestBlockNumber(client),
    context: 'StudyRegistry.enrollment',
  })
  if (raw.submitter === zeroAddress) return undefined
  return { ...raw, resultHash: raw.resultHash === zeroHash ? undefined : raw.resultHash }
}
