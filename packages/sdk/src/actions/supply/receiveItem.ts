import { drugRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { eventContext, resolveItem, type SupplyEventRecord } from '../../internal/supplyEvent.ts'
import { requireWallet, writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { DrugItemRef, SupplyEventOptions } from '../../supplyTypes.ts'

export type ReceiveItemParameters = SupplyEventOptions & {
  /** A unit or batch shipped to the caller. */
  item: DrugItemRef
  gas?: bigint | undefined
}

export type ReceiveItemReturnType = ContractWriteResult<typeof drugRegistryAbi> & SupplyEventRecord & { itemId: Hex }

/**
 * Receives an item shipped to the caller (EPCIS receiving); the caller becomes its holder.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugWrongRecipient, DrugInvalidStatus,
 *   DrugUnknownItem...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function receiveItem(client: MedchainClient, parameters: ReceiveItemParameters): Promise<ReceiveItemReturnType> {
  const { itemId, epc } = resolveItem('item', parameters.item)
  const { drugRegistry } = requireDeployment(client)
  const destination = requireWallet(client, 'DrugRegistry.receiveItem').account.address
  // The sender is part of the EPCIS document: the current holder, as the chain has it.
  const item = await readContract(client, { address: drugRegistry, abi: drugRegistryAbi, functionName: 'getItem', args: [itemId], context: 'DrugRegistry.getItem' })
  const { context, record } = eventContext({ kind: 'receive', epcs: [epc], source: item.holder, destination }, parameters)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'receiveItem',
    args: [itemId, context],
    context: 'DrugRegistry.receiveItem',
    gas: parameters.gas,
  })
  return { ...result, ...record, itemId }
}
