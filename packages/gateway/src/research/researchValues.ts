// Values of research request bodies, checked at the edge with messages naming the field. Numbers
// of the protocol (field elements, ids) travel as decimal strings: JSON numbers stop at 2^53.
import type { StudyProof } from '@medchain/sdk'
import { GatewayError } from '../errors.ts'

const bad = (field: string, expected: string) => new GatewayError(`"${field}" expected ${expected}`, { code: 'GATEWAY_INVALID_REQUEST', expression: field })

const DECIMAL = /^(0|[1-9]\d{0,77})$/

/** A uint256 given as a decimal string. */
export function uintValue(value: unknown, field: string, { min = 0n } = {}): bigint {
  if (typeof value !== 'string' || !DECIMAL.test(value)) throw bad(field, 'a decimal string')
  const number = BigInt(value)
  if (number < min || number >= 2n ** 256n) throw bad(field, `a decimal integer in [${min}, 2^256)`)
  return number
}

/** A study id from a URL path. */
export function studyIdParam(value: string): bigint {
  return uintValue(value, 'id', { min: 1n })
}

export function stringValue(body: Record<string, unknown>, field: string, max = 1000): string {
  const value = body[field]
  if (typeof value !== 'string' || value.length === 0 || value.length > max) throw bad(field, `a string of 1 to ${max} characters`)
  return value
}

export function numberValue(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw bad(field, 'a number')
  return value
}

export function intValue(value: unknown, field: string, min: number, max: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) throw bad(field, `an integer in [${min}, ${max}]`)
  return value
}

/** Bytes given as base64 (a sealed result). */
export function base64Value(value: unknown, field: string, maxBytes: number): Uint8Array {
  if (typeof value !== 'string' || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0 || value.length === 0) throw bad(field, 'base64')
  const bytes = Buffer.from(value, 'base64')
  if (bytes.length > maxBytes) throw new GatewayError(`"${field}" exceeds ${maxBytes} bytes`, { code: 'GATEWAY_PAYLOAD_TOO_LARGE', expression: field })
  return new Uint8Array(bytes)
}

/** A Groth16 proof in verifier layout: `{ a: [x, y], b: [[x1, x0], [y1, y0]], c: [x, y] }`, decimal strings. */
export function proofValue(value: unknown, field = 'proof'): StudyProof {
  const proof = value as { a?: unknown; b?: unknown; c?: unknown } | undefined
  const pair = (v: unknown, name: string): readonly [bigint, bigint] => {
    if (!Array.isArray(v) || v.length !== 2) throw bad(name, 'two decimal strings')
    return [uintValue(v[0], `${name}[0]`), uintValue(v[1], `${name}[1]`)]
  }
  if (typeof proof !== 'object' || proof === null || !Array.isArray(proof.b) || proof.b.length !== 2) throw bad(field, '{ a, b, c }')
  return { a: pair(proof.a, `${field}.a`), b: [pair(proof.b[0], `${field}.b[0]`), pair(proof.b[1], `${field}.b[1]`)], c: pair(proof.c, `${field}.c`) }
}
