import { canonicalJson } from '@medchain/crypto'
import { roles as ROLES } from '@medchain/contracts'
import {
  decommissionDevice,
  getDevice,
  installDevice,
  logDeviceUsage,
  recallDevice,
  registerDevice,
  reportDeviceIncident,
  transferDevice,
  type DeviceDecommissionReason,
  type IncidentSeverity,
} from '@medchain/sdk'
import type { FastifyInstance } from 'fastify'
import { keccak256, sha256, stringToBytes, type Address, type Hex } from 'viem'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { jsonBody } from '../http/fhirBody.ts'
import { addressField, bytes32Field, intField, stringField } from '../supply/requestValues.ts'
import { supplyWrite } from '../supply/supplyWrites.ts'

type DeviceParams = { Params: { deviceId: string } }

const jsonSafe = (value: unknown) => JSON.parse(JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v)))

/**
 * Device routes of the member's gateway: register, transfer, install, usage, incidents, recalls,
 * decommissioning (maintenance and calibration are signed by the technicians themselves, see the
 * SDK's recordDeviceService), a device with its history, and a holder's overdue or recalled
 * devices from the index.
 */
export function registerDeviceRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const answer = (result: { hash: Hex; receipt: { blockNumber: bigint } }, extra: Record<string, unknown> = {}) => ({ ...extra, transaction: result.hash, block: Number(result.receipt.blockNumber) })

  app.post('/supply/devices', async (request, reply) => {
    const body = jsonBody(request)
    const args = { di: stringField(body, 'di', { max: 14 }), pi: stringField(body, 'pi', { max: 20 }) }
    const result = await supplyWrite(ctx, request.caller, { operation: 'registerDevice', roles: ['MANUFACTURER'], run: () => registerDevice(ctx.client, args) })
    return reply.code(201).send(answer(result, { deviceId: result.deviceId }))
  })

  app.post<DeviceParams>('/supply/devices/:deviceId/transfer', async (request) => {
    const deviceId = bytes32Field(request.params.deviceId, 'deviceId')
    const to = addressField(jsonBody(request), 'to')
    const result = await supplyWrite(ctx, request.caller, { operation: 'transferDevice', roles: ['MANUFACTURER', 'DISTRIBUTOR', 'HOSPITAL'], itemId: deviceId, run: () => transferDevice(ctx.client, { deviceId, to }) })
    return answer(result)
  })

  app.post<DeviceParams>('/supply/devices/:deviceId/install', async (request) => {
    const deviceId = bytes32Field(request.params.deviceId, 'deviceId')
    const location = stringField(jsonBody(request), 'location')
    const result = await supplyWrite(ctx, request.caller, { operation: 'installDevice', roles: ['HOSPITAL', 'MANUFACTURER'], itemId: deviceId, run: () => installDevice(ctx.client, { deviceId, location }) })
    return answer(result, { locationHash: result.locationHash })
  })

  app.post<DeviceParams>('/supply/devices/:deviceId/usage', async (request) => {
    const deviceId = bytes32Field(request.params.deviceId, 'deviceId')
    const body = jsonBody(request)
    const units = intField(body, 'units', 1, 2 ** 32 - 1)
    if (!Array.isArray(body.entries) || body.entries.length === 0) throw new GatewayError('"entries" expected the usage log entries (a non-empty array)', { code: 'GATEWAY_INVALID_REQUEST', expression: 'entries' })
    // The log stays with the member; its hash (over canonical JSON) goes on chain.
    const logHash = sha256(stringToBytes(canonicalJson(body.entries)))
    const result = await supplyWrite(ctx, request.caller, { operation: 'logUsage', roles: ['HOSPITAL'], itemId: deviceId, run: () => logDeviceUsage(ctx.client, { deviceId, units, logHash }) })
    return answer(result, { logHash })
  })

  app.post<DeviceParams>('/supply/devices/:deviceId/incidents', async (request, reply) => {
    const deviceId = bytes32Field(request.params.deviceId, 'deviceId')
    const body = jsonBody(request)
    const severity = stringField(body, 'severity', { max: 16 }) as IncidentSeverity
    const reportHash = keccak256(stringToBytes(stringField(body, 'report', { max: 100_000 })))
    const result = await supplyWrite(ctx, request.caller, { operation: 'reportIncident', roles: ['HOSPITAL', 'MANUFACTURER', 'REGULATOR'], itemId: deviceId, run: () => reportDeviceIncident(ctx.client, { deviceId, severity, reportHash }) })
    return reply.code(201).send(answer(result, { reportHash }))
  })

  app.post<DeviceParams>('/supply/devices/:deviceId/recall', async (request, reply) => {
    const deviceId = bytes32Field(request.params.deviceId, 'deviceId')
    const reasonCode = intField(jsonBody(request), 'reasonCode', 1, 65_535)
    const result = await supplyWrite(ctx, request.caller, { operation: 'recallDevice', roles: ['MANUFACTURER', 'REGULATOR'], itemId: deviceId, run: () => recallDevice(ctx.client, { deviceId, reasonCode }) })
    return reply.code(201).send(answer(result))
  })

  app.post<{ Params: { di: string } }>('/supply/device-models/:di/recall', async (request, reply) => {
    const reasonCode = intField(jsonBody(request), 'reasonCode', 1, 65_535)
    const result = await supplyWrite(ctx, request.caller, { operation: 'recallModel', roles: ['MANUFACTURER', 'REGULATOR'], run: () => recallDevice(ctx.client, { di: request.params.di, reasonCode }) })
    return reply.code(201).send(answer(result))
  })

  app.post<DeviceParams>('/supply/devices/:deviceId/decommission', async (request) => {
    const deviceId = bytes32Field(request.params.deviceId, 'deviceId')
    const reason = stringField(jsonBody(request), 'reason', { max: 16 }) as DeviceDecommissionReason
    const result = await supplyWrite(ctx, request.caller, { operation: 'decommissionDevice', roles: ['MANUFACTURER', 'DISTRIBUTOR', 'HOSPITAL'], itemId: deviceId, run: () => decommissionDevice(ctx.client, { deviceId, reason }) })
    return answer(result)
  })

  app.get<DeviceParams>('/supply/devices/:deviceId', async (request) => {
    const deviceId = bytes32Field(request.params.deviceId, 'deviceId')
    await ctx.supply.sync()
    const device = await getDevice(ctx.client, { deviceId })
    if (device === undefined) throw new GatewayError('No device of that id', { code: 'GATEWAY_NOT_FOUND' })
    return { device: jsonSafe(device), history: await ctx.index.listSupplyEvents({ itemIds: [deviceId] }) }
  })

  // A member lists its own devices; a regulator any member's.
  app.get('/supply/devices', async (request) => {
    const caller = request.caller
    if (caller.kind !== 'member' && caller.kind !== 'individual') throw new GatewayError('Only members and their individuals list devices', { code: 'GATEWAY_FORBIDDEN_ROLE' })
    const query = request.query as Record<string, string>
    const holder = (query.holder === undefined ? caller.member : addressField(query, 'holder')) as Address
    if (holder.toLowerCase() !== caller.member.toLowerCase() && (caller.roles & ROLES.REGULATOR) === 0) {
      throw new GatewayError("Only a regulator lists another member's devices", { code: 'GATEWAY_FORBIDDEN_ROLE' })
    }
    await ctx.supply.sync()
    const devices = await ctx.index.listSupplyDevices({ holder, overdueAt: query.overdue === 'true' ? new Date() : undefined, recalled: query.recalled === 'true' })
    return { holder, devices }
  })
}
