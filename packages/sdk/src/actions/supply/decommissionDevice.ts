import { deviceDecommissionReasons, deviceRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'
import type { DeviceDecommissionReason } from '../../supplyTypes.ts'

export type DecommissionDeviceParameters = { deviceId: Hex; reason: DeviceDecommissionReason }

export type DecommissionDeviceReturnType = ContractWriteResult<typeof deviceRegistryAbi>

/** On-chain codes of decommissioning reasons. */
export const DEVICE_DECOMMISSION_REASONS: Record<DeviceDecommissionReason, number> = {
  'end-of-life': deviceDecommissionReasons.END_OF_LIFE,
  defective: deviceDecommissionReasons.DEFECTIVE,
  recalled: deviceDecommissionReasons.RECALLED,
  lost: deviceDecommissionReasons.LOST,
}

/**
 * Takes a device the caller holds out of service for good.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DeviceNotHolder, DeviceNotActive...),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function decommissionDevice(client: MedchainClient, parameters: DecommissionDeviceParameters): Promise<DecommissionDeviceReturnType> {
  const deviceId = assertBytes32('deviceId', parameters.deviceId, { nonZero: true })
  const reason = DEVICE_DECOMMISSION_REASONS[parameters.reason]
  if (reason === undefined) throw new MedchainError(`"reason" expected one of ${Object.keys(DEVICE_DECOMMISSION_REASONS).join(', ')}`, { code: 'SDK_INVALID_ARGUMENT' })
  const { deviceRegistry } = requireDeployment(client)
  return writeContract(client, { address: deviceRegistry, abi: deviceRegistryAbi, functionName: 'decommissionDevice', args: [deviceId, reason], context: 'DeviceRegistry.decommissionDevice' })
}
