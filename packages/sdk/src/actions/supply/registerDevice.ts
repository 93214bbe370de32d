import { deviceRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { encodeGs1Value, normalizeGtin } from '../../encoding/gs1.ts'
import { deviceIdOf } from '../../encoding/supplyIds.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type RegisterDeviceParameters = {
  /** UDI device identifier: the model's GTIN. */
  di: string
  /** UDI production identifier: serial (or lot), 1-20 characters of GS1 set 82. */
  pi: string
}

export type RegisterDeviceReturnType = ContractWriteResult<typeof deviceRegistryAbi> & { deviceId: Hex }

/**
 * Registers a device to the caller, a manufacturer member, who holds it. The first device of a
 * DI binds that model to the caller.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DeviceExists, DeviceModelOwned,
 *   ConsortiumMissingRole...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function registerDevice(client: MedchainClient, parameters: RegisterDeviceParameters): Promise<RegisterDeviceReturnType> {
  const di = normalizeGtin('di', parameters.di)
  const pi = encodeGs1Value('pi', parameters.pi)
  const { deviceRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: deviceRegistry,
    abi: deviceRegistryAbi,
    functionName: 'registerDevice',
    args: [BigInt(di), pi],
    context: 'DeviceRegistry.registerDevice',
  })
  return { ...result, deviceId: deviceIdOf(di, parameters.pi) }
}
