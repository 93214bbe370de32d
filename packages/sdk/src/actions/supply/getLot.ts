import { drugRegistryAbi } from '@medchain/contracts'
import { zeroAddress, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { decodeGs1Value, expiryToUnix } from '../../encoding/gs1.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { DrugLot } from '../../supplyTypes.ts'

export type GetLotParameters = {
  /** lotIdOf(gtin, lot). */
  lotId: Hex
  blockNumber?: bigint | undefined
}

/** The lot, or undefined when never commissioned. */
export type GetLotReturnType = DrugLot | undefined

/**
 * Reads a lot: its product, number, expiry and recall.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getLot(client: MedchainClient, parameters: GetLotParameters): Promise<GetLotReturnType> {
  const lotId = assertBytes32('lotId', parameters.lotId)
  const { drugRegistry } = requireDeployment(client)
  const raw = await readContract(client, { address: drugRegistry, abi: drugRegistryAbi, functionName: 'getLot', args: [lotId], blockNumber: parameters.blockNumber, context: 'DrugRegistry.getLot' })
  if (raw.manufacturer === zeroAddress) return undefined
  return {
    lotId,
    gtin: raw.gtin.toString().padStart(14, '0'),
    lot: decodeGs1Value(raw.lot),
    expiry: raw.expiry,
    expiresAt: expiryToUnix(raw.expiry),
    manufacturer: raw.manufacturer,
    recalledAt: raw.recalledAt === 0n ? undefined : raw.recalledAt,
    recallReason: raw.recallReason,
  }
}
