// Values of supply request bodies, checked at the edge with messages naming the field.
import { isMedchainError, parseDigitalLink, type DigitalLink, type DrugItemRef } from '@medchain/sdk'
import type { FastifyRequest } from 'fastify'
import { isAddress, isHex, type Address, type Hex } from 'viem'
import { GatewayError } from '../errors.ts'
import type { Place } from './scanAlerts.ts'

const bad = (field: string, expected: string) => new GatewayError(`"${field}" expected ${expected}`, { code: 'GATEWAY_INVALID_REQUEST', expression: field })

export function stringField(body: Record<string, unknown>, field: string, { optional = false, max = 256 } = {}): string {
  const value = body[field]
  if (value === undefined && optional) return ''
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw bad(field, `a string of 1 to ${max} characters`)
  return value
}

export function addressField(body: Record<string, unknown>, field: string): Address {
  const value = body[field]
  if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw bad(field, 'an address (0x + 40 hex digits)')
  return value as Address
}

export function bytes32Field(value: unknown, field: string): Hex {
  if (typeof value !== 'string' || !isHex(value) || value.length !== 66) throw bad(field, '32 bytes as 0x + 64 hex digits')
  return value.toLowerCase() as Hex
}

export function intField(body: Record<string, unknown>, field: string, min: number, max: number): number {
  const value = body[field]
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw bad(field, `an integer in [${min}, ${max}]`)
  return value
}

/** `{ gtin, serial }` or `{ batchId }`. */
export function itemField(body: Record<string, unknown>, field = 'item'): DrugItemRef {
  const value = body[field]
  if (typeof value !== 'object' || value === null) throw bad(field, '{ gtin, serial } or { batchId }')
  const item = value as Record<string, unknown>
  if (item.batchId !== undefined) return { batchId: bytes32Field(item.batchId, `${field}.batchId`) }
  return { gtin: stringField(item, 'gtin', { max: 14 }), serial: stringField(item, 'serial', { max: 20 }) }
}

/** The Digital Link of a verify request (its whole path and query). */
export function requestDigitalLink(request: FastifyRequest, baseUrl: string): DigitalLink {
  try {
    return parseDigitalLink(new URL(request.raw.url ?? request.url, baseUrl))
  } catch (error) {
    if (!isMedchainError(error, 'SDK_INVALID_ARGUMENT')) throw error
    const part = /^"(\d\d)"/.exec(error.shortMessage)?.[1]
    throw new GatewayError(error.shortMessage, { code: 'GATEWAY_INVALID_DIGITAL_LINK', expression: part === undefined ? 'link' : `link.${part}`, cause: error })
  }
}

/** A place from `lat` and `lng` (query strings or JSON numbers), when both are there. */
export function placeOf(values: Record<string, unknown>): Place | undefined {
  if (values.lat === undefined && values.lng === undefined) return undefined
  const lat = Number(values.lat)
  const lng = Number(values.lng)
  if (!Number.isFinite(lat) || Math.abs(lat) > 90) throw bad('lat', 'a latitude in [-90, 90]')
  if (!Number.isFinite(lng) || Math.abs(lng) > 180) throw bad('lng', 'a longitude in [-180, 180]')
  return { lat, lng }
}

/** The EPCIS options a drug event body may carry: `eventTime` (ISO 8601) and `readPoint` (a GLN). */
export function eventOptions(body: Record<string, unknown>): { eventTime?: Date; readPoint?: string } {
  const options: { eventTime?: Date; readPoint?: string } = {}
  if (body.eventTime !== undefined) {
    const time = typeof body.eventTime === 'string' ? Date.parse(body.eventTime) : Number.NaN
    if (Number.isNaN(time)) throw bad('eventTime', 'an ISO 8601 time')
    options.eventTime = new Date(time)
  }
  if (body.readPoint !== undefined) options.readPoint = stringField(body, 'readPoint', { max: 13 })
  return options
}
