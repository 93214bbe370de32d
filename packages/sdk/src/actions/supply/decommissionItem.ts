import { decommissionReasons, drugRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { eventContext, resolveItem, type SupplyEventRecord } from '../../internal/supplyEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { DecommissionReason, DrugItemRef, SupplyEventOptions } from '../../supplyTypes.ts'

export type DecommissionItemParameters = SupplyEventOptions & {
  item: DrugItemRef
  reason: DecommissionReason
}

export type DecommissionItemReturnType = ContractWriteResult<typeof drugRegistryAbi> & SupplyEventRecord & { itemId: Hex }

const REASONS: Record<DecommissionReason, number> = {
  destroyed: decommissionReasons.DESTROYED,
  stolen: decommissionReasons.STOLEN,
  sample: decommissionReasons.SAMPLE,
}

/**
 * Takes a unit or batch the caller holds out of the supply chain: destroyed, stolen (also while
 * in transit, by its sender) or kept as a sample. Its verification then says custody is broken.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugNotHolder, DrugInvalidStatus...),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function decommissionItem(client: MedchainClient, parameters: DecommissionItemParameters): Promise<DecommissionItemReturnType> {
  const { itemId, epc } = resolveItem('item', parameters.item)
  const reason = REASONS[parameters.reason]
  if (reason === undefined) throw new MedchainError(`"reason" expected one of ${Object.keys(REASONS).join(', ')}`, { code: 'SDK_INVALID_ARGUMENT' })
  const { drugRegistry } = requireDeployment(client)
  const { context, record } = eventContext({ kind: 'decommission', epcs: [epc], reason }, parameters)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'decommissionItem',
    args: [itemId, reason, context],
    context: 'DrugRegistry.decommissionItem',
  })
  return { ...result, ...record, itemId }
}
