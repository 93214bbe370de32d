import { drugRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { batchEpc, unitEpc } from '../../encoding/epcisEvent.ts'
import { encodeGs1Value, normalizeGtin } from '../../encoding/gs1.ts'
import { unitIdOf } from '../../encoding/supplyIds.ts'
import { assertBytes32, assertBytes32Array } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { eventContext, type SupplyEventRecord } from '../../internal/supplyEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { SupplyEventOptions } from '../../supplyTypes.ts'

export type UnpackUnitParameters = SupplyEventOptions & {
  /** The batch the caller holds. */
  batchId: Hex
  /** The unit's product (the batch's GTIN) and serial. */
  gtin: string
  serial: string
  /** The unit's proof in the batch tree (from commissionBatch, batchTreeOf or a gateway). */
  proof: readonly Hex[]
}

export type UnpackUnitReturnType = ContractWriteResult<typeof drugRegistryAbi> & SupplyEventRecord & { unitId: Hex }

/**
 * Takes one unit out of a batch the caller holds (EPCIS AggregationEvent DELETE, unpacking);
 * from then on the unit moves on its own.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugInvalidProof, DrugUnitExists, DrugNotHolder...),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function unpackUnit(client: MedchainClient, parameters: UnpackUnitParameters): Promise<UnpackUnitReturnType> {
  const batchId = assertBytes32('batchId', parameters.batchId, { nonZero: true })
  const gtin = normalizeGtin('gtin', parameters.gtin)
  const serial = encodeGs1Value('serial', parameters.serial)
  const proof = assertBytes32Array('proof', parameters.proof, { maxLength: 64 })
  const { drugRegistry } = requireDeployment(client)
  const { context, record } = eventContext({ kind: 'unpack', epcs: [unitEpc(gtin, parameters.serial)], parent: batchEpc(batchId) }, parameters)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'unpackUnit',
    args: [batchId, serial, proof, context],
    context: 'DrugRegistry.unpackUnit',
  })
  return { ...result, ...record, unitId: unitIdOf(gtin, parameters.serial) }
}
