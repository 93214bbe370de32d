import { drugRegistryAbi } from '@medchain/contracts'
import type { Address, Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { eventContext, resolveItem, type SupplyEventRecord } from '../../internal/supplyEvent.ts'
import { requireWallet, writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { DrugItemRef, SupplyEventOptions } from '../../supplyTypes.ts'

export type ShipItemParameters = SupplyEventOptions & {
  /** A unit `{ gtin, serial }` or a batch `{ batchId }` the caller holds. */
  item: DrugItemRef
  /** The receiving member: a manufacturer, distributor, pharmacy or hospital. */
  to: Address
  /** Gas limit, skipping estimation. */
  gas?: bigint | undefined
}

export type ShipItemReturnType = ContractWriteResult<typeof drugRegistryAbi> & SupplyEventRecord & { itemId: Hex }

/**
 * Ships a unit or batch to another member (EPCIS shipping, in_transit); it is theirs once they
 * receive it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugNotHolder, DrugInvalidStatus,
 *   DrugInvalidRecipient, DrugLotRecalled, DrugEventAlreadyRecorded...), `SDK_INVALID_ARGUMENT`,
 *   `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function shipItem(client: MedchainClient, parameters: ShipItemParameters): Promise<ShipItemReturnType> {
  const { itemId, epc } = resolveItem('item', parameters.item)
  const to = assertAddress('to', parameters.to)
  const { drugRegistry } = requireDeployment(client)
  const source = requireWallet(client, 'DrugRegistry.shipItem').account.address
  const { context, record } = eventContext({ kind: 'ship', epcs: [epc], source, destination: to }, parameters)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'shipItem',
    args: [itemId, to, context],
    context: 'DrugRegistry.shipItem',
    gas: parameters.gas,
  })
  return { ...result, ...record, itemId }
}
