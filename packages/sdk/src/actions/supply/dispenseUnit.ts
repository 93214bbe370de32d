import { drugRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { unitEpc } from '../../encoding/epcisEvent.ts'
import { encodeGs1Value, normalizeGtin } from '../../encoding/gs1.ts'
import { unitIdOf } from '../../encoding/supplyIds.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { commitmentOrZero, eventContext, type SupplyEventRecord } from '../../internal/supplyEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { SupplyEventOptions } from '../../supplyTypes.ts'

export type DispenseUnitParameters = SupplyEventOptions & {
  gtin: string
  serial: string
  /**
   * Links the dispense to the patient's MedicationDispense record without naming the patient:
   * keccak256(abi.encode(recordId, salt)), see dispenseCommitment. Default none.
   */
  patientCommitment?: Hex | undefined
  gas?: bigint | undefined
}

export type DispenseUnitReturnType = ContractWriteResult<typeof drugRegistryAbi> & SupplyEventRecord & { unitId: Hex }

/**
 * Dispenses a unit the caller's member holds (EPCIS dispensing). The caller is a pharmacy or
 * hospital member, or a clinician of one; a recalled or expired lot is refused.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DrugNotDispenser, DrugNotHolder, DrugLotRecalled,
 *   DrugExpired, DrugInvalidStatus...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function dispenseUnit(client: MedchainClient, parameters: DispenseUnitParameters): Promise<DispenseUnitReturnType> {
  const gtin = normalizeGtin('gtin', parameters.gtin)
  encodeGs1Value('serial', parameters.serial)
  const patientCommitment = commitmentOrZero(parameters.patientCommitment)
  const unitId = unitIdOf(gtin, parameters.serial)
  const { drugRegistry } = requireDeployment(client)
  const { context, record } = eventContext({ kind: 'dispense', epcs: [unitEpc(gtin, parameters.serial)], patientCommitment }, parameters)
  const result = await writeContract(client, {
    address: drugRegistry,
    abi: drugRegistryAbi,
    functionName: 'dispenseUnit',
    args: [unitId, patientCommitment, context],
    context: 'DrugRegistry.dispenseUnit',
    gas: parameters.gas,
  })
  return { ...result, ...record, unitId }
}
