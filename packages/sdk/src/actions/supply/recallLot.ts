import { drugRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { encodeGs1Value, normalizeGtin } from '../../encoding/gs1.ts'
import { lotIdOf } from '../../encoding/supplyIds.ts'
import { assertSmallUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type RecallLotParameters = {
  gtin: string
  lot: string
  /** Non-zero, application-defined (e.g. 1 quality defect, 2 contamination, 3 labelling). */
  reasonCode: number
}

export type RecallLotReturnType = ContractWriteResult<typeof drugRegistryAbi> & { lotId: Hex }

/**
 * Recalls a lot: its units can no longer be dispensed, only shipped back to the manufacturer, and
 * scans answer "recalled lot". The caller is the product's manufacturer or a regulator.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugNotRecaller, DrugUnknownLot,
 *   DrugLotAlreadyRecalled...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function recallLot(client: MedchainClient, parameters: RecallLotParameters): Promise<RecallLotReturnType> {
  const gtin = normalizeGtin('gtin', parameters.gtin)
  const lot = encodeGs1Value('lot', parameters.lot)
  const reasonCode = assertSmallUint('reasonCode', parameters.reasonCode, 16, { min: 1 })
  const { drugRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'recallLot',
    args: [BigInt(gtin), lot, reasonCode],
    context: 'DrugRegistry.recallLot',
  })
  return { ...result, lotId: lotIdOf(gtin, parameters.lot) }
}
