import { deviceRegistryAbi } from '@medchain/contracts'
import type { Address, Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress, assertBytes32 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type TransferDeviceParameters = {
  deviceId: Hex
  /** A hospital, distributor or manufacturer member. */
  to: Address
}

export type TransferDeviceReturnType = ContractWriteResult<typeof deviceRegistryAbi>

/**
 * Hands a device the caller holds to another member; its installation is cleared.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DeviceNotHolder, DeviceInvalidRecipient,
 *   DeviceNotActive...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function transferDevice(client: MedchainClient, parameters: TransferDeviceParameters): Promise<TransferDeviceReturnType> {
  const deviceId = assertBytes32('deviceId', parameters.deviceId, { nonZero: true })
  const to = assertAddress('to', parameters.to)
  const { deviceRegistry } = requireDeployment(client)
  return writeContract(client, { address: deviceRegistry, abi: deviceRegistryAbi, functionName: 'transferDevice', args: [deviceId, to], context: 'DeviceRegistry.transferDevice' })
}
