import { deviceRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertSmallUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type LogDeviceUsageParameters = {
  deviceId: Hex
  /** Usage units to add (hours, cycles: the model's choice), at least 1. */
  units: number
  /** Hash (or Merkle root) of the usage log entries these units summarise, kept off chain. */
  logHash: Hex
}

export type LogDeviceUsageReturnType = ContractWriteResult<typeof deviceRegistryAbi>

/**
 * Adds usage to a device's running total; the caller acts for the holder.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DeviceNotHolder, DeviceInvalidUsage...),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function logDeviceUsage(client: MedchainClient, parameters: LogDeviceUsageParameters): Promise<LogDeviceUsageReturnType> {
  const deviceId = assertBytes32('deviceId', parameters.deviceId, { nonZero: true })
  const units = assertSmallUint('units', parameters.units, 32, { min: 1 })
  const logHash = assertBytes32('logHash', parameters.logHash, { nonZero: true })
  const { deviceRegistry } = requireDeployment(client)
  return writeContract(client, { address: deviceRegistry, abi: deviceRegistryAbi, functionName: 'logUsage', args: [deviceId, units, logHash], context: 'DeviceRegistry.logUsage' })
}
