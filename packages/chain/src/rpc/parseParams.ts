import { hexToBytes } from '@ethereumjs/util'
import type { BlockTag } from '../node/chainReader.ts'
import type { CallRequest } from '../node/callExecutor.ts'
import { invalidParams } from './rpcError.ts'

const QUANTITY = /^0x(0|[1-9a-f][0-9a-f]*)$/i
const DATA = /^0x([0-9a-f]{2})*$/i
const MAX_QUANTITY = 2n ** 256n - 1n

/** A hex quantity ("0x1a"), as EIP-1474 defines it: no leading zeros, at most 256 bits. */
export function parseQuantity(value: unknown, name: string): bigint {
  if (typeof value !== 'string' || !QUANTITY.test(value)) throw invalidParams(`"${name}" expected a hex quantity, got ${describe(value)}`)
  const parsed = BigInt(value)
  if (parsed > MAX_QUANTITY) throw invalidParams(`"${name}" exceeds 256 bits`)
  return parsed
}

/** Hex bytes ("0x..." with an even number of digits), optionally of an exact length. */
export function parseData(value: unknown, name: string, length?: number): Uint8Array {
  if (typeof value !== 'string' || !DATA.test(value)) throw invalidParams(`"${name}" expected hex data, got ${describe(value)}`)
  const bytes = hexToBytes(value as `0x${string}`)
  if (length !== undefined && bytes.length !== length) throw invalidParams(`"${name}" expected ${length} bytes, got ${bytes.length}`)
  return bytes
}

export function parseAddress(value: unknown, name: string): Uint8Array {
  return parseData(value, name, 20)
}

export function parseHash(value: unknown, name: string): Uint8Array {
  return parseData(value, name, 32)
}

/** A block number or tag; missing means "latest". EIP-1898 objects ({ blockNumber } / { blockHash }) give a number or hash. */
export function parseBlockTag(value: unknown, name = 'block'): BlockTag | { hash: Uint8Array } {
  if (value === undefined || value === null) return 'latest'
  if (typeof value === 'object') {
    const object = value as Record<string, unknown>
    if ('blockHash' in object) return { hash: parseHash(object.blockHash, `${name}.blockHash`) }
    if ('blockNumber' in object) return parseBlockTag(object.blockNumber, `${name}.blockNumber`)
  }
  if (value === 'latest' || value === 'earliest' || value === 'pending' || value === 'safe' || value === 'finalized') return value
  return parseQuantity(value, name)
}

/** The transaction-like object of eth_call and eth_estimateGas. */
export function parseCallRequest(value: unknown): CallRequest {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidParams('expected a call object')
  const object = value as Record<string, unknown>
  const input = object.input ?? object.data
  if (object.input !== undefined && object.data !== undefined && object.input !== object.data) {
    throw invalidParams('"input" and "data" differ')
  }
  return {
    ...(object.from != null ? { from: parseAddress(object.from, 'from') } : {}),
    ...(object.to != null ? { to: parseAddress(object.to, 'to') } : {}),
    ...(input != null ? { data: parseData(input, 'input') } : {}),
    ...(object.value != null ? { value: parseQuantity(object.value, 'value') } : {}),
    ...(object.gas != null ? { gas: parseQuantity(object.gas, 'gas') } : {}),
  }
}

/** The params array, checked for its length. */
export function paramsOf(params: unknown, min: number, max: number): unknown[] {
  const list = params === undefined || params === null ? [] : params
  if (!Array.isArray(list)) throw invalidParams('expected an array of params')
  if (list.length < min || list.length > max) {
    throw invalidParams(min === max ? `expected ${min} params, got ${list.length}` : `expected ${min} to ${max} params, got ${list.length}`)
  }
  return list
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value.length > 20 ? `a string of ${value.length} characters` : JSON.stringify(value)
  if (value === null) return 'null'
  if (Array.isArray(value)) return 'an array'
  return typeof value
}
