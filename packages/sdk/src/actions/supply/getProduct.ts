import { drugRegistryAbi } from '@medchain/contracts'
import { zeroAddress } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { normalizeGtin } from '../../encoding/gs1.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { DrugProduct } from '../../supplyTypes.ts'

export type GetProductParameters = { gtin: string }

/** The product, or undefined for a GTIN never registered. */
export type GetProductReturnType = DrugProduct | undefined

/**
 * Reads a registered drug product.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getProduct(client: MedchainClient, parameters: GetProductParameters): Promise<GetProductReturnType> {
  const gtin = normalizeGtin('gtin', parameters.gtin)
  const { drugRegistry } = requireDeployment(client)
  const raw = await readContract(client, { address: drugRegistry, abi: drugRegistryAbi, functionName: 'getProduct', args: [BigInt(gtin)], context: 'DrugRegistry.getProduct' })
  if (raw.manufacturer === zeroAddress) return undefined
  return { gtin, manufacturer: raw.manufacturer, registeredAt: raw.registeredAt }
}
