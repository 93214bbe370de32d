import type { Command } from 'commander'
import type { CliIo } from '../../io.ts'
import { registerDeviceReads } from './list.ts'
import { registerDeviceWrites } from './write.ts'

/** `medchain devices ...`: medical equipment by UDI, from registration to decommissioning. */
export function registerDevices(program: Command, io: CliIo): void {
  const devices = program.command('devices').description('medical devices by UDI: transfers, installation, usage, service, incidents, recalls')
  registerDeviceWrites(devices, io)
  registerDeviceReads(devices, io)
}
