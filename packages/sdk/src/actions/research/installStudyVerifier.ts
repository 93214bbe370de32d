import { studyRegistryAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import { studyCircuitId } from './studyCircuits.ts'

export type InstallStudyVerifierParameters = { circuit: string; verifier: Address }
export type InstallStudyVerifierReturnType = ContractWriteResult<typeof studyRegistryAbi>

/**
 * Installs the verifier of a ceremony's final key; the registry records the transcript hash the
 * verifier carries. REGULATOR members only.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumMissingRole, StudyInvalidParameters),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function installStudyVerifier(
  client: MedchainClient,
  parameters: InstallStudyVerifierParameters,
): Promise<InstallStudyVerifierReturnType> {
  const { studyRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: studyRegistry,
    abi: studyRegistryAbi,
    functionName: 'installVerifier',
    args: [studyCircuitId(parameters.circuit), assertAddress('verifier', parameters.verifier)],
    context: 'StudyRegistry.installVerifier',
  })
}
