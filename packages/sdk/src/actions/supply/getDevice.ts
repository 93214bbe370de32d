import { deviceRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { decodeGs1Value } from '../../encoding/gs1.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Device, DeviceDecommissionReason } from '../../supplyTypes.ts'

export type GetDeviceParameters = { deviceId: Hex; blockNumber?: bigint | undefined }

/** The device, or undefined when never registered. */
export type GetDeviceReturnType = Device | undefined

const REASONS: readonly (DeviceDecommissionReason | undefined)[] = [undefined, 'end-of-life', 'defective', 'recalled', 'lost']
const orUndefined = <T>(value: T, zero: T): T | undefined => (value === zero ? undefined : value)

/**
 * Reads a device; `recalledAt` includes a recall of its whole model.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getDevice(client: MedchainClient, parameters: GetDeviceParameters): Promise<GetDeviceReturnType> {
  const deviceId = assertBytes32('deviceId', parameters.deviceId)
  const { deviceRegistry } = requireDeployment(client)
  const raw = await readContract(client, { address: deviceRegistry, abi: deviceRegistryAbi, functionName: 'getDevice', args: [deviceId], blockNumber: parameters.blockNumber, context: 'DeviceRegistry.getDevice' })
  if (raw.status === 0) return undefined
  return {
    deviceId,
    di: raw.di.toString().padStart(14, '0'),
    pi: decodeGs1Value(raw.pi),
    manufacturer: raw.manufacturer,
    registeredAt: raw.registeredAt,
    holder: raw.holder,
    status: raw.status === 1 ? 'active' : 'decommissioned',
    decommissionReason: REASONS[raw.decommissionReason],
    installedAt: orUndefined(raw.installedAt, 0n),
    location: orUndefined(raw.location, `0x${'00'.repeat(32)}` as Hex),
    usage: raw.usage,
    lastServicedAt: orUndefined(raw.lastServicedAt, 0n),
    nextServiceDue: orUndefined(raw.nextServiceDue, 0n),
    incidents: raw.incidents,
    recalledAt: orUndefined(raw.recalledAt, 0n),
    recallReason: raw.recallReason,
  }
}
