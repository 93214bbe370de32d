import { drugRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { unitEpc } from '../../encoding/epcisEvent.ts'
import { encodeGs1Value, normalizeGtin, parseExpiry } from '../../encoding/gs1.ts'
import { batchTreeOf } from '../../encoding/supplyIds.ts'
import { MedchainError } from '../../errors.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { eventContext, type SupplyEventRecord } from '../../internal/supplyEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { SupplyEventOptions } from '../../supplyTypes.ts'

/** Most units in one batch (DrugRegistry.MAX_BATCH). */
export const MAX_BATCH_UNITS = 2000

export type CommissionBatchParameters = SupplyEventOptions & {
  gtin: string
  lot: string
  /** YYMMDD. */
  expiry: string | number
  /** The units' serials, 1 to {@link MAX_BATCH_UNITS}, in the order of the batch tree. */
  serials: readonly string[]
  /** Gas limit, skipping estimation (large batches: about 1,100 gas per unit plus 120,000). */
  gas?: bigint | undefined
}

export type CommissionBatchReturnType = ContractWriteResult<typeof drugRegistryAbi> &
  SupplyEventRecord & {
    /** The batch's id: the root of its units' tree. */
    batchId: Hex
    unitIds: Hex[]
    /** proofs[i] unpacks serials[i] (see unpackUnit). */
    proofs: Hex[][]
  }

/**
 * Commissions a batch (pallet, case) of units of one lot in one transaction: the chain stores
 * only the batch's Merkle root; the serials travel in the event, so any index can rebuild the
 * tree. The batch then moves as one item until units are unpacked from it.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugBatchExists, DrugInvalidBatchSize...),
 *   `SDK_INVALID_ARGUMENT` (names the serial at fault), `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function commissionBatch(client: MedchainClient, parameters: CommissionBatchParameters): Promise<CommissionBatchReturnType> {
  const gtin = normalizeGtin('gtin', parameters.gtin)
  const lot = encodeGs1Value('lot', parameters.lot)
  const expiry = parseExpiry('expiry', parameters.expiry)
  const { serials: given } = parameters
  if (!Array.isArray(given) || given.length === 0 || given.length > MAX_BATCH_UNITS) {
    throw new MedchainError(`"serials" expected 1 to ${MAX_BATCH_UNITS} serials`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  const serials = given.map((serial, i) => encodeGs1Value(`serials[${i}]`, serial))
  if (new Set(serials).size !== serials.length) throw new MedchainError('"serials" holds a serial twice', { code: 'SDK_INVALID_ARGUMENT' })
  const { drugRegistry } = requireDeployment(client)
  const tree = batchTreeOf(gtin, given)
  const { context, record } = eventContext({ kind: 'commission', epcs: given.map((serial) => unitEpc(gtin, serial)), lot: parameters.lot, expiry }, parameters)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'commissionBatch',
    args: [BigInt(gtin), lot, expiry, serials, context],
    context: 'DrugRegistry.commissionBatch',
    gas: parameters.gas,
  })
  return { ...result, ...record, ...tree }
}
