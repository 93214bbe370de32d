import { drugRegistryAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { normalizeGtin } from '../../encoding/gs1.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type RegisterProductParameters = {
  /** GTIN-8/12/13/14 with a valid check digit. */
  gtin: string
}

export type RegisterProductReturnType = ContractWriteResult<typeof drugRegistryAbi> & { gtin: string }

/**
 * Registers a drug product (GTIN) to the caller, a manufacturer member.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugProductExists, ConsortiumMissingRole...),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function registerProduct(client: MedchainClient, parameters: RegisterProductParameters): Promise<RegisterProductReturnType> {
  const gtin = normalizeGtin('gtin', parameters.gtin)
  const { drugRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'registerProduct',
    args: [BigInt(gtin)],
    context: 'DrugRegistry.registerProduct',
  })
  return { ...result, gtin }
}
