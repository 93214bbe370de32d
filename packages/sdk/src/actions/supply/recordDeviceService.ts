import { deviceRegistryAbi, maintenanceKinds } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertBytes32, assertUint64 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { MaintenanceKind } from '../../supplyTypes.ts'

export type RecordDeviceServiceParameters = {
  deviceId: Hex
  kind: MaintenanceKind
  /** Hash of the service report, kept off chain. */
  reportHash: Hex
  /** Unix seconds of the next maintenance or calibration due; in the future. */
  nextServiceDue: bigint | number
}

export type RecordDeviceServiceReturnType = ContractWriteResult<typeof deviceRegistryAbi>

const KINDS: Record<MaintenanceKind, number> = { maintenance: maintenanceKinds.MAINTENANCE, calibration: maintenanceKinds.CALIBRATION }

/**
 * Records a maintenance or calibration. The caller must be a technician registered with the
 * consortium by the device's holder or manufacturer (registerIndividual, kind technician).
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (ConsortiumNotIndividual for anyone else,
 *   DeviceNotServicer, DeviceInvalidDueDate...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`,
 *   `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function recordDeviceService(client: MedchainClient, parameters: RecordDeviceServiceParameters): Promise<RecordDeviceServiceReturnType> {
  const deviceId = assertBytes32('deviceId', parameters.deviceId, { nonZero: true })
  const kind = KINDS[parameters.kind]
  if (kind === undefined) throw new MedchainError('"kind" expected maintenance or calibration', { code: 'SDK_INVALID_ARGUMENT' })
  const reportHash = assertBytes32('reportHash', parameters.reportHash, { nonZero: true })
  const nextServiceDue = assertUint64('nextServiceDue', parameters.nextServiceDue)
  const { deviceRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: deviceRegistry,
    abi: deviceRegistryAbi,
    functionName: 'recordService',
    args: [deviceId, kind, reportHash, nextServiceDue],
    context: 'DeviceRegistry.recordService',
  })
}
