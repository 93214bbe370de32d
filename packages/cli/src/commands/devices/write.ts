// `medchain devices` commands that write to the DeviceRegistry, signed by --as.
import { readFile } from 'node:fs/promises'
import {
  decommissionDevice,
  DEVICE_DECOMMISSION_REASONS,
  installDevice,
  logDeviceUsage,
  recallDevice,
  recordDeviceService,
  registerDevice,
  reportDeviceIncident,
  transferDevice,
  type DeviceDecommissionReason,
  type IncidentSeverity,
  type MaintenanceKind,
} from '@medchain/sdk'
import type { Command } from 'commander'
import { keccak256, type Hex } from 'viem'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { println, type CliIo } from '../../io.ts'
import { absolute, parseAddress } from '../../options.ts'

const signed = (command: Command) => addConnectionOptions(command, { signs: true })
const done = (io: CliIo, what: string, hash: Hex) => {
  println(io.stdout, what)
  println(io.stdout, `  tx  ${hash}`)
}

/** keccak256 of a file's bytes: reports and logs stay with the member, their hash goes on chain. */
async function fileHash(io: CliIo, path: string): Promise<Hex> {
  return keccak256(await readFile(absolute(io, path)))
}

function parseDate(text: string): bigint {
  const time = /^\d{4}-\d\d-\d\d$/.test(text) ? Date.parse(`${text}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(time)) throw usageError(`--next-due expected a date YYYY-MM-DD, got ${JSON.stringify(text)}`)
  return BigInt(time / 1000)
}

export function registerDeviceWrites(devices: Command, io: CliIo): void {
  signed(devices.command('register').description('register a device by its UDI (manufacturer)'))
    .requiredOption('--di <gtin>', 'UDI device identifier (the model\'s GTIN)')
    .requiredOption('--pi <serial>', 'UDI production identifier (serial or lot)')
    .action(async (options: ConnectionOptions & { di: string; pi: string }, command: Command) => {
      const result = await registerDevice(await connect(io, command.optsWithGlobals()), { di: options.di, pi: options.pi })
      done(io, `Registered device ${result.deviceId}`, result.hash)
    })

  signed(devices.command('transfer <deviceId>').description('hand a device you hold to another member'))
    .requiredOption('--to <address>', 'a hospital, distributor or manufacturer')
    .action(async (deviceId: Hex, options: ConnectionOptions & { to: string }, command: Command) => {
      const to = parseAddress('--to', options.to)
      done(io, `Transferred ${deviceId} to ${to}`, (await transferDevice(await connect(io, command.optsWithGlobals()), { deviceId, to })).hash)
    })

  signed(devices.command('install <deviceId>').description('record where a device is installed'))
    .requiredOption('--location <label>', 'your location label (only its hash goes on chain)')
    .action(async (deviceId: Hex, options: ConnectionOptions & { location: string }, command: Command) => {
      done(io, `Installed ${deviceId}`, (await installDevice(await connect(io, command.optsWithGlobals()), { deviceId, location: options.location })).hash)
    })

  signed(devices.command('usage <deviceId>').description('log usage units, with the usage log file they summarise'))
    .requiredOption('--units <n>', 'usage units (hours, cycles)')
    .requiredOption('--log <file>', 'the usage log (its hash goes on chain)')
    .action(async (deviceId: Hex, options: ConnectionOptions & { units: string; log: string }, command: Command) => {
      const result = await logDeviceUsage(await connect(io, command.optsWithGlobals()), { deviceId, units: Number(options.units), logHash: await fileHash(io, options.log) })
      done(io, `Logged ${options.units} units on ${deviceId}`, result.hash)
    })

  signed(devices.command('service <deviceId>').description('record a maintenance or calibration (a registered technician signs)'))
    .requiredOption('--kind <kind>', 'maintenance or calibration')
    .requiredOption('--report <file>', 'the service report (its hash goes on chain)')
    .requiredOption('--next-due <date>', 'next service due, YYYY-MM-DD')
    .action(async (deviceId: Hex, options: ConnectionOptions & { kind: string; report: string; nextDue: string }, command: Command) => {
      if (options.kind !== 'maintenance' && options.kind !== 'calibration') throw usageError('--kind expected maintenance or calibration')
      const result = await recordDeviceService(await connect(io, command.optsWithGlobals()), {
        deviceId,
        kind: options.kind as MaintenanceKind,
        reportHash: await fileHash(io, options.report),
        nextServiceDue: parseDate(options.nextDue),
      })
      done(io, `Recorded ${options.kind} of ${deviceId}, next due ${options.nextDue}`, result.hash)
    })

  signed(devices.command('incident <deviceId>').description('report an incident'))
    .requiredOption('--severity <severity>', 'minor, serious or critical')
    .requiredOption('--report <file>', 'the incident report (its hash goes on chain)')
    .action(async (deviceId: Hex, options: ConnectionOptions & { severity: string; report: string }, command: Command) => {
      const result = await reportDeviceIncident(await connect(io, command.optsWithGlobals()), { deviceId, severity: options.severity as IncidentSeverity, reportHash: await fileHash(io, options.report) })
      done(io, `Reported a ${options.severity} incident on ${deviceId}`, result.hash)
    })

  signed(devices.command('recall [deviceId]').description('recall a device, or with --di a whole model (manufacturer or regulator)'))
    .option('--di <gtin>', 'recall every device of this model')
    .requiredOption('--reason-code <n>', 'non-zero reason code')
    .action(async (deviceId: Hex | undefined, options: ConnectionOptions & { di?: string; reasonCode: string }, command: Command) => {
      if ((deviceId === undefined) === (options.di === undefined)) throw usageError('give a <deviceId> or --di, not both')
      const client = await connect(io, command.optsWithGlobals())
      const reasonCode = Number(options.reasonCode)
      const result = options.di !== undefined ? await recallDevice(client, { di: options.di, reasonCode }) : await recallDevice(client, { deviceId: deviceId as Hex, reasonCode })
      done(io, `Recalled ${options.di !== undefined ? `model ${options.di}` : deviceId}`, result.hash)
    })

  signed(devices.command('decommission <deviceId>').description('take a device you hold out of service for good'))
    .requiredOption('--reason <reason>', Object.keys(DEVICE_DECOMMISSION_REASONS).join(', '))
    .action(async (deviceId: Hex, options: ConnectionOptions & { reason: string }, command: Command) => {
      const result = await decommissionDevice(await connect(io, command.optsWithGlobals()), { deviceId, reason: options.reason as DeviceDecommissionReason })
      done(io, `Decommissioned ${deviceId} (${options.reason})`, result.hash)
    })
}
