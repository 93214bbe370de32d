import { studyRegistryAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress, assertUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type AttestIndicatorsParameters = {
  /** Poseidon commitment to the patient's measured indicators (@medchain/research createAttestation). */
  commitment: bigint
  patient: Address
}

export type AttestIndicatorsReturnType = ContractWriteResult<typeof studyRegistryAbi>

/**
 * Anchors a hospital's commitment to a patient's measured indicators. The client's account is a
 * HOSPITAL member or one of its clinicians.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumNotMember, StudyAlreadyAttested,
 *   StudyInvalidCommitment), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function attestIndicators(client: MedchainClient, parameters: AttestIndicatorsParameters): Promise<AttestIndicatorsReturnType> {
  const commitment = assertUint('commitment', parameters.commitment, { min: 1n })
  const patient = assertAddress('patient', parameters.patient)
  const { studyRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: studyRegistry,
    abi: studyRegistryAbi,
    functionName: 'attest',
    args: [commitment, patient],
    context: 'StudyRegistry.attest',
  })
}
