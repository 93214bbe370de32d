import { consortiumAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import { individualKindToValue, type IndividualKind } from '../../roles.ts'

export type RegisterIndividualParameters = {
  /** The individual's own account. */
  account: Address
  /** Clinicians need a hospital member, researchers a research member, technicians a hospital or manufacturer. */
  kind: IndividualKind
}

export type RegisterIndividualReturnType = ContractWriteResult<typeof consortiumAbi>

/**
 * Registers an individual acting for the calling member.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumInvalidIndividualKind,
 *   ConsortiumIndividualAlreadyRegistered), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function registerIndividual(client: MedchainClient, parameters: RegisterIndividualParameters): Promise<RegisterIndividualReturnType> {
  const account = assertAddress('account', parameters.account)
  const kind = individualKindToValue(parameters.kind)
  const { consortium } = requireDeployment(client)
  return writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'registerIndividual',
    args: [account, kind],
    context: 'Consortium.registerIndividual',
  })
}
