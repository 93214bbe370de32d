import { deviceRegistryAbi } from '@medchain/contracts'
import { parseEventLogs, type Address, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { decodeContractError } from '../../decodeContractError.ts'
import { assertAddress } from '../../internal/assert.ts'
import { latestBlockNumber } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Device } from '../../supplyTypes.ts'
import { getDevice } from './getDevice.ts'

export type ListDevicesParameters = {
  /** The member whose devices to list (a hospital, usually). */
  holder: Address
  /** Only devices whose next maintenance or calibration is due before this unix second. */
  overdueAt?: bigint | number | undefined
  /** Only recalled devices (the device or its model). */
  recalled?: boolean | undefined
}

export type ListDevicesReturnType = Device[]

/**
 * The active devices a member holds now, read from the chain alone: candidates from the
 * registration and transfer events, each then read at one block. For a hospital's overdue
 * maintenance (`overdueAt: now`) and its recalled devices. A gateway answers the same from its
 * index without scanning logs.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function listDevices(client: MedchainClient, parameters: ListDevicesParameters): Promise<ListDevicesReturnType> {
  const holder = assertAddress('holder', parameters.holder)
  const overdueAt = parameters.overdueAt === undefined ? undefined : BigInt(parameters.overdueAt)
  const { deviceRegistry, deployedAtBlock } = requireDeployment(client)
  const blockNumber = await latestBlockNumber(client)
  let logs
  try {
    logs = await client.publicClient.getLogs({ address: deviceRegistry, fromBlock: deployedAtBlock, toBlock: blockNumber })
  } catch (error) {
    throw decodeContractError(error, { context: 'eth_getLogs' })
  }
  const candidates = new Set<Hex>()
  for (const log of parseEventLogs({ abi: deviceRegistryAbi, logs })) {
    if (log.eventName === 'DeviceRegistered' && log.args.manufacturer === holder) candidates.add(log.args.deviceId)
    if (log.eventName === 'DeviceTransferred' && log.args.to === holder) candidates.add(log.args.deviceId)
  }
  const devices = await Promise.all([...candidates].map((deviceId) => getDevice(client, { deviceId, blockNumber })))
  return devices.filter(
    (device): device is Device =>
      device !== undefined &&
      device.status === 'active' &&
      device.holder === holder &&
      (overdueAt === undefined || (device.nextServiceDue ?? 0n) < overdueAt) &&
      (parameters.recalled !== true || device.recalledAt !== undefined),
  )
}
