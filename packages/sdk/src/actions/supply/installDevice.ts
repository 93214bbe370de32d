import { deviceRegistryAbi } from '@medchain/contracts'
import { keccak256, stringToBytes, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32, assertNonEmptyString } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type InstallDeviceParameters = {
  deviceId: Hex
  /** The holder's own location label (site, department, room); only its hash goes on chain. */
  location: string
}

export type InstallDeviceReturnType = ContractWriteResult<typeof deviceRegistryAbi> & { locationHash: Hex }

/**
 * Records where the holder installed a device. The caller acts for the holder (the member or
 * one of its individuals) or is a technician of the manufacturer.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DeviceNotHolder, DeviceNotActive...),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function installDevice(client: MedchainClient, parameters: InstallDeviceParameters): Promise<InstallDeviceReturnType> {
  const deviceId = assertBytes32('deviceId', parameters.deviceId, { nonZero: true })
  const locationHash = keccak256(stringToBytes(assertNonEmptyString('location', parameters.location, 256)))
  const { deviceRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: deviceRegistry,
    abi: deviceRegistryAbi,
    functionName: 'installDevice',
    args: [deviceId, locationHash],
    context: 'DeviceRegistry.installDevice',
  })
  return { ...result, locationHash }
}
