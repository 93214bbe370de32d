import { randomUUID } from 'node:crypto'
import { accessActions, purposes as PURPOSES, roles as ROLES } from '@medchain/contracts'
import { extractSearchParams } from '@medchain/fhir'
import { registerPatient } from '@medchain/sdk'
import type { FhirResource } from 'fhir/r4.js'
import { zeroAddress, zeroHash, type Address, type Hex } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import { type Caller, isClinician } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { recordIdOf, recordKey, type RecordKey } from '../internal/recordIds.ts'
import { patientOf } from './patientOf.ts'
import { searchParamRows } from './searchParamRows.ts'

/** Extension on a Patient carrying the pseudonym's encryption key, so that a hospital can register it. */
export const ENCRYPTION_KEY_EXTENSION = 'https://medchain.dev/fhir/StructureDefinition/encryption-public-key'

/** One resource to create or update. */
export type WriteRequest = { resource: FhirResource; method: 'create' | 'update'; ifMatch?: string | undefined }

/** A stored version, as the HTTP answer reports it. */
export type WriteResult = { resource: FhirResource; created: boolean; versionId: string; lastUpdated: string }

/** Only the hospital this gateway serves, or its clinicians, write records here. */
function requireWriter(ctx: GatewayContext, caller: Caller): void {
  const ours = (caller.kind === 'member' || caller.kind === 'individual') && caller.member.toLowerCase() === ctx.member.address.toLowerCase()
  if (!ours || (caller.roles & ROLES.HOSPITAL) === 0 || (caller.kind === 'individual' && !isClinician(caller))) {
    throw new GatewayError('Only this hospital and its clinicians write records at this gateway', { code: 'GATEWAY_FORBIDDEN_ROLE' })
  }
}

function encryptionKeyOf(resource: FhirResource): Hex | undefined {
  const extension = (resource as { extension?: { url?: string; valueString?: string }[] }).extension?.find((e) => e.url === ENCRYPTION_KEY_EXTENSION)
  const key = extension?.valueString
  return typeof key === 'string' && /^0x0[23][0-9a-fA-F]{64}$/.test(key) ? (key as Hex) : undefined
}

/** The encryption key of every patient the writes touch; registers new pseudonyms a Patient in the writes introduces. */
async function patientKeys(ctx: GatewayContext, requests: readonly { resource: FhirResource; patient: Address }[]): Promise<Map<string, Hex>> {
  const keys = new Map<string, Hex>()
  const introduced = new Map<string, Hex>()
  for (const { resource, patient } of requests) {
    const key = resource.resourceType === 'Patient' ? encryptionKeyOf(resource) : undefined
    if (key !== undefined) introduced.set(patient, key)
  }
  for (const patient of new Set(requests.map((r) => r.patient))) {
    if (patient === zeroAddress) continue
    const registered = await ctx.callers.patient(patient)
    if (registered.registrar !== zeroAddress) {
      keys.set(patient, registered.encryptionPublicKey)
      continue
    }
    const key = introduced.get(patient)
    if (key === undefined) {
      throw new GatewayError(`Patient/${patient} is not a registered pseudonym; register it with a Patient carrying the ${ENCRYPTION_KEY_EXTENSION} extension`, { code: 'GATEWAY_UNKNOWN_PATIENT' })
    }
    await registerPatient(ctx.client, { pseudonym: patient, encryptionPublicKey: key })
    keys.set(patient, key)
  }
  return keys
}

/** Runs `fn` holding the lock of every key, taken in sorted order so that writers cannot deadlock. */
async function withLocks<T>(ctx: GatewayContext, keys: readonly string[], fn: () => Promise<T>): Promise<T> {
  const sorted = [...new Set(keys)].sort()
  const take = (i: number): Promise<T> => (i === sorted.length ? fn() : ctx.locks.run(sorted[i] as string, () => take(i + 1)))
  return take(0)
}

/**
 * Creates and updates records as one unit: every resource is checked (patient registered or
 * introduced, custodian, If-Match) before anything is written, then all versions are sealed,
 * stored, anchored under one Merkle root and indexed together, and a WRITE entry is logged for each.
 * @throws GatewayError `GATEWAY_FORBIDDEN_ROLE`, `GATEWAY_UNKNOWN_PATIENT`, `GATEWAY_NOT_CUSTODIAN`,
 *   `GATEWAY_VERSION_CONFLICT`, `GATEWAY_GONE`
 */
export async function writeResources(ctx: GatewayContext, caller: Caller, requests: readonly WriteRequest[]): Promise<WriteResult[]> {
  requireWriter(ctx, caller)
  const prepared = requests.map(({ resource, method, ifMatch }) => {
    const id = method === 'create' && resource.id === undefined ? randomUUID() : (resource.id as string)
    const key = recordKey(resource.resourceType, id)
    return { resource: { ...resource, id } as FhirResource, key, method, ifMatch, patient: patientOf({ ...resource, id } as FhirResource) }
  })
  return withLocks(ctx, prepared.map((p) => p.key), async () => {
    const keys = await patientKeys(ctx, prepared)
    const lastUpdated = new Date().toISOString()
    const inputs = []
    const currents = await ctx.index.getCurrentRecords({ recordKeys: prepared.map((p) => p.key) })
    for (const item of prepared) {
      const current = currents.get(item.key)
      if (current !== undefined) {
        if (item.method === 'create') throw new GatewayError(`${item.key} already exists: update it instead`, { code: 'GATEWAY_VERSION_CONFLICT' })
        if (current.custodian.toLowerCase() !== ctx.member.address.toLowerCase()) throw new GatewayError(`${item.key} is held by another custodian`, { code: 'GATEWAY_NOT_CUSTODIAN' })
        if (current.erasedAt !== null) throw new GatewayError(`${item.key} was erased and cannot be updated`, { code: 'GATEWAY_GONE' })
        if (current.patient.toLowerCase() !== item.patient.toLowerCase()) throw new GatewayError(`${item.key} cannot move to another patient`, { code: 'GATEWAY_INVALID_REQUEST', expression: `${item.resource.resourceType}.subject` })
      }
      if (item.ifMatch !== undefined && item.ifMatch !== `W/"${current?.version ?? 0}"`) {
        throw new GatewayError(`${item.key} is at version ${current?.version ?? 0}, not ${item.ifMatch}`, { code: 'GATEWAY_VERSION_CONFLICT' })
      }
      const version = (current?.version ?? 0) + 1
      const resource = { ...item.resource, meta: { ...(item.resource.meta ?? {}), versionId: String(version), lastUpdated } } as FhirResource
      inputs.push({
        key: item.key as RecordKey,
        resource: resource as FhirResource & { resourceType: string } & Record<string, unknown>,
        patient: item.patient,
        patientKey: keys.get(item.patient),
        version,
        previousContentHash: current?.contentHash ?? zeroHash,
        lastUpdated,
        searchParams: searchParamRows(extractSearchParams(resource)),
        created: current === undefined,
      })
    }
    await ctx.writer.write(inputs)
    await ctx.audit.record(
      inputs.map((input) => ({
        accessor: caller.address,
        patient: input.patient,
        recordKey: input.key,
        recordId: recordIdOf(input.key),
        action: accessActions.WRITE,
        purpose: PURPOSES.TREATMENT,
        authorization: zeroHash,
        decision: AuditDecisions.ALLOWED,
      })),
    )
    return inputs.map((input) => ({ resource: input.resource, created: input.created, versionId: String(input.version), lastUpdated }))
  })
}
