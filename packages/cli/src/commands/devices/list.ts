import { getDevice, listDevices, type Device } from '@medchain/sdk'
import type { Command } from 'commander'
import type { Hex } from 'viem'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { CliError } from '../../errors.ts'
import { formatTime } from '../../format.ts'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'
import { parseAddress } from '../../options.ts'

const due = (device: Device) => (device.nextServiceDue === undefined ? 'never serviced' : formatTime(device.nextServiceDue))

/** `medchain devices list` and `show`. */
export function registerDeviceReads(devices: Command, io: CliIo): void {
  addConnectionOptions(devices.command('list').description('the active devices a member holds: all, overdue for service, or recalled'), { signs: false })
    .requiredOption('--holder <address>', 'the member (a hospital, usually)')
    .option('--overdue', 'only devices whose maintenance or calibration is due (never serviced included)')
    .option('--recalled', 'only recalled devices (the device or its model)')
    .option('--json', 'print JSON')
    .action(async (options: ConnectionOptions & { holder: string; overdue?: boolean; recalled?: boolean; json?: boolean }, command: Command) => {
      const holder = parseAddress('--holder', options.holder)
      const client = await connect(io, command.optsWithGlobals())
      const list = await listDevices(client, { holder, overdueAt: options.overdue ? BigInt(Math.floor(Date.now() / 1000)) : undefined, recalled: options.recalled })
      if (options.json) return println(io.stdout, toJson(list))
      if (list.length === 0) return println(io.stdout, 'No devices.')
      const rows = list.map((d) => [d.di, d.pi, due(d), d.recalledAt === undefined ? '-' : `recalled ${formatTime(d.recalledAt)}`, d.deviceId])
      println(io.stdout, formatTable(['DI', 'PI', 'NEXT SERVICE', 'RECALL', 'DEVICE ID'], rows))
    })

  addConnectionOptions(devices.command('show <deviceId>').description('a device as the chain holds it'), { signs: false })
    .option('--json', 'print JSON')
    .action(async (deviceId: Hex, options: ConnectionOptions & { json?: boolean }, command: Command) => {
      const device = await getDevice(await connect(io, command.optsWithGlobals()), { deviceId })
      if (device === undefined) throw new CliError(`No device ${deviceId}`, { code: 'CLI_NOT_FOUND' })
      if (options.json) return println(io.stdout, toJson(device))
      const rows = [
        ['UDI', `(01)${device.di}(21)${device.pi}`],
        ['status', device.status + (device.decommissionReason ? ` (${device.decommissionReason})` : '')],
        ['manufacturer', device.manufacturer],
        ['holder', device.holder],
        ['installed', device.installedAt === undefined ? '-' : formatTime(device.installedAt)],
        ['usage', String(device.usage)],
        ['next service', due(device)],
        ['incidents', String(device.incidents)],
        ['recall', device.recalledAt === undefined ? '-' : `${formatTime(device.recalledAt)} (reason ${device.recallReason})`],
      ]
      println(io.stdout, formatTable(['FIELD', 'VALUE'], rows).split('\n').slice(1).join('\n'))
    })
}
