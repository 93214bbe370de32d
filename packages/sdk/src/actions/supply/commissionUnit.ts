import { drugRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { unitEpc } from '../../encoding/epcisEvent.ts'
import { encodeGs1Value, normalizeGtin, parseExpiry } from '../../encoding/gs1.ts'
import { unitIdOf } from '../../encoding/supplyIds.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { eventContext, type SupplyEventRecord } from '../../internal/supplyEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { SupplyEventOptions } from '../../supplyTypes.ts'

export type CommissionUnitParameters = SupplyEventOptions & {
  gtin: string
  /** AI 21: 1-20 characters of GS1 set 82. */
  serial: string
  /** AI 10: 1-20 characters of GS1 set 82. */
  lot: string
  /** AI 17: YYMMDD (a number or six digits). */
  expiry: string | number
  /** Gas limit, skipping estimation. */
  gas?: bigint | undefined
}

export type CommissionUnitReturnType = ContractWriteResult<typeof drugRegistryAbi> & SupplyEventRecord & { unitId: Hex }

/**
 * Commissions one serialised unit of the caller's product (EPCIS ObjectEvent ADD,
 * commissioning); the caller holds it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugUnitExists, DrugNotManufacturer,
 *   DrugLotExpiryMismatch, DrugEventAlreadyRecorded...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`,
 *   `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function commissionUnit(client: MedchainClient, parameters: CommissionUnitParameters): Promise<CommissionUnitReturnType> {
  const gtin = normalizeGtin('gtin', parameters.gtin)
  const serial = encodeGs1Value('serial', parameters.serial)
  const lot = encodeGs1Value('lot', parameters.lot)
  const expiry = parseExpiry('expiry', parameters.expiry)
  const { drugRegistry } = requireDeployment(client)
  const { context, record } = eventContext({ kind: 'commission', epcs: [unitEpc(gtin, parameters.serial)], lot: parameters.lot, expiry }, parameters)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'commissionUnit',
    args: [BigInt(gtin), serial, lot, expiry, context],
    context: 'DrugRegistry.commissionUnit',
    gas: parameters.gas,
  })
  return { ...result, ...record, unitId: unitIdOf(gtin, parameters.serial) }
}
