// Follows the supply contracts' events into the index, on demand: every supply route first
// catches up to the chain head, so answers are as fresh as the chain, with no background loop.
import type { RecordIndex, SupplyDeviceInput } from '@medchain/index'
import { getDevice, type Deployment, type MedchainClient } from '@medchain/sdk'
import type { Hex, Log } from 'viem'
import { GatewayError } from '../errors.ts'
import { supplyLogRows } from './logRows.ts'

const CURSOR = 'supply'
/** Blocks per eth_getLogs; halved while the node says a range holds too many logs. */
const RANGE = 5000n

/** Options of {@link createSupplyFollower}. */
export type CreateSupplyFollowerOptions = { index: RecordIndex; client: MedchainClient; deployment: Deployment }

/**
 * The supply follower: `sync()` reads DrugRegistry and DeviceRegistry logs from the index's
 * cursor to the head and writes units, trail events and device states with the cursor in one
 * transaction, so a crash leaves all or none. Concurrent calls share one catch-up.
 */
export function createSupplyFollower({ index, client, deployment }: CreateSupplyFollowerOptions) {
  const { publicClient } = client
  let synced = -1n
  let running: Promise<void> | undefined

  const chain = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      throw new GatewayError(`The chain node did not answer (${what})`, { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })
    }
  }

  async function logsBetween(from: bigint, to: bigint): Promise<Log[]> {
    const logs: Log[] = []
    let range = RANGE
    for (let start = from; start <= to; ) {
      const end = start + range - 1n < to ? start + range - 1n : to
      try {
        logs.push(...(await publicClient.getLogs({ address: [deployment.drugRegistry, deployment.deviceRegistry], fromBlock: start, toBlock: end })))
        start = end + 1n
      } catch (error) {
        if (range === 1n) throw new GatewayError('The chain node did not answer (eth_getLogs)', { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })
        range /= 2n
      }
    }
    return logs
  }

  async function deviceStates(ids: Iterable<Hex>, block: bigint): Promise<SupplyDeviceInput[]> {
    const iso = (seconds: bigint | undefined) => (seconds === undefined ? null : new Date(Number(seconds) * 1000).toISOString())
    const devices = await Promise.all([...ids].map((deviceId) => chain('DeviceRegistry.getDevice', () => getDevice(client, { deviceId, blockNumber: block }))))
    return devices.flatMap((d) =>
      d === undefined
        ? []
        : [{ deviceId: d.deviceId, di: d.di, pi: d.pi, manufacturer: d.manufacturer, holder: d.holder, status: d.status, installed: d.installedAt !== undefined, usage: Number(d.usage), incidents: d.incidents, lastServicedAt: iso(d.lastServicedAt), nextServiceDue: iso(d.nextServiceDue), recalledAt: iso(d.recalledAt), block: Number(block) }],
    )
  }

  async function catchUp(): Promise<void> {
    const head = await chain('eth_blockNumber', () => publicClient.getBlockNumber({ cacheTime: 0 }))
    if (head <= synced) return
    const cursor = await index.getCursor({ name: CURSOR })
    const from = cursor === undefined ? deployment.deployedAtBlock : BigInt(cursor.block) + 1n
    if (from > head) {
      synced = head
      return
    }
    const rows = supplyLogRows(await logsBetween(from, head))
    const block = await chain('eth_getBlockByNumber', () => publicClient.getBlock({ blockNumber: head }))
    const devices = await deviceStates(rows.devices, head)
    await index.transaction(async (tx) => {
      if (rows.units.length > 0) await tx.insertSupplyUnits(rows.units)
      if (rows.events.length > 0) await tx.appendSupplyEvents(rows.events)
      if (devices.length > 0) await tx.upsertSupplyDevices(devices)
      for (const recall of rows.modelRecalls) await tx.markDeviceModelRecalled({ di: recall.di, recalledAt: new Date(Number(block.timestamp) * 1000) })
      await tx.setCursor({ name: CURSOR, block: Number(head), hash: block.hash })
    })
    synced = head
  }

  return {
    /** Brings the index up to the chain head (resolves at once when it is there already). */
    async sync(): Promise<void> {
      while (running !== undefined) await running.catch(() => {})
      running = catchUp()
      try {
        await running
      } finally {
        running = undefined
      }
    },
  }
}

/** What {@link createSupplyFollower} returns. */
export type SupplyFollower = ReturnType<typeof createSupplyFollower>
