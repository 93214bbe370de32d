import { drugRegistryAbi } from '@medchain/contracts'
import { zeroAddress, zeroHash } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { resolveItem } from '../../internal/supplyEvent.ts'
import type { DecommissionReason, DrugItem, DrugItemRef, DrugItemStatus } from '../../supplyTypes.ts'

export type GetDrugItemParameters = {
  /** A unit `{ gtin, serial }` or a batch `{ batchId }`. */
  item: DrugItemRef
  blockNumber?: bigint | undefined
}

/** The item, or undefined when the chain holds no state for it (unknown, or a unit still in its batch). */
export type GetDrugItemReturnType = DrugItem | undefined

const STATUSES: readonly (DrugItemStatus | undefined)[] = [undefined, 'active', 'in-transit', 'dispensed', 'decommissioned']
const REASONS: readonly (DecommissionReason | undefined)[] = [undefined, 'destroyed', 'stolen', 'sample']

/**
 * Reads a drug unit or batch as the DrugRegistry holds it. A unit never unpacked from its batch
 * has no state of its own: read its batch.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getDrugItem(client: MedchainClient, parameters: GetDrugItemParameters): Promise<GetDrugItemReturnType> {
  const { itemId } = resolveItem('item', parameters.item)
  const { drugRegistry } = requireDeployment(client)
  const raw = await readContract(client, { address: drugRegistry, abi: drugRegistryAbi, functionName: 'getItem', args: [itemId], blockNumber: parameters.blockNumber, context: 'DrugRegistry.getItem' })
  const status = STATUSES[raw.status]
  if (status === undefined) return undefined
  return {
    itemId,
    kind: raw.count > 0 ? 'batch' : 'unit',
    lotId: raw.lotId,
    holder: raw.holder,
    status,
    decommissionReason: REASONS[raw.reason],
    updatedAt: raw.updatedAt,
    pendingRecipient: raw.pendingRecipient === zeroAddress ? undefined : raw.pendingRecipient,
    count: raw.count,
    batchId: raw.batchId === zeroHash ? undefined : raw.batchId,
    patientCommitment: raw.patientCommitment === zeroHash ? undefined : raw.patientCommitment,
  }
}
