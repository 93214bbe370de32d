import { consortiumAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertString } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type UpdateGatewayParameters = {
  /** The calling member's new gateway base URL; empty to serve nothing. */
  gatewayUrl: string
}

export type UpdateGatewayReturnType = ContractWriteResult<typeof consortiumAbi>

/**
 * Sets the calling member's gateway URL.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumNotMember), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`,
 *   `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function updateGateway(client: MedchainClient, parameters: UpdateGatewayParameters): Promise<UpdateGatewayReturnType> {
  const gatewayUrl = assertString('gatewayUrl', parameters.gatewayUrl, 2048)
  const { consortium } = requireDeployment(client)
  return writeContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'updateGateway',
    args: [gatewayUrl],
    context: 'Consortium.updateGateway',
  })
}
