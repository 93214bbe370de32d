import { consortiumAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type RevokeIndividualParameters = {
  /** An individual the calling member registered. */
  account: Address
}

export type RevokeIndividualReturnType = ContractWriteResult<typeof consortiumAbi>

/**
 * Revokes an individual the calling member registered.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumNotIndividualOwner), `SDK_INVALID_ARGUMENT`,
 *   `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function revokeIndividual(client: MedchainClient, parameters: RevokeIndividualParameters): Promise<RevokeIndividualReturnType> {
  const account = assertAddress('account', parameters.account)
  const { consortium } = requireDeployment(client)
  return writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'revokeIndividual',
    args: [account],
    context: 'Consortium.revokeIndividual',
  })
}
