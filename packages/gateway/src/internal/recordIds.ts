import { keccak256, stringToBytes, type Hex } from 'viem'
import { GatewayError } from '../errors.ts'

const ID_RE = /^[A-Za-z0-9\-.]{1,64}$/

/** A record's key at the gateway: `ResourceType/id`, the FHIR relative reference. */
export type RecordKey = `${string}/${string}`

/** The key of resource `type` with logical id `id`. @throws GatewayError `GATEWAY_INVALID_REQUEST` */
export function recordKey(type: string, id: string): RecordKey {
  if (!/^[A-Z][A-Za-z]{1,63}$/.test(type)) throw new GatewayError(`"${type.slice(0, 64)}" is not a FHIR resource type`, { code: 'GATEWAY_INVALID_REQUEST' })
  if (!ID_RE.test(id)) throw new GatewayError('Resource id must be 1 to 64 of [A-Za-z0-9-.]', { code: 'GATEWAY_INVALID_REQUEST', expression: `${type}.id` })
  return `${type}/${id}`
}

/**
 * The on-chain record id of a record key: keccak256 of the key. Logical ids are UUIDs or
 * pseudonyms, but hashing keeps even a badly chosen id (a medical record number) off the chain.
 */
export function recordIdOf(key: RecordKey): Hex {
  return keccak256(stringToBytes(key))
}
