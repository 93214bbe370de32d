import { accessActions } from '@medchain/contracts'
import type { SearchQuery } from '@medchain/fhir'
import type { RecordVersion } from '@medchain/index'
import type { FhirResource } from 'fhir/r4.js'
import { zeroAddress, zeroHash, type Address } from 'viem'
import { type AccessAnswer, decideAccess } from '../access/decideAccess.ts'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError, isGatewayError } from '../errors.ts'
import { recordIdOf, recordKey, type RecordKey } from '../internal/recordIds.ts'
import { fetchPeerRecord, searchPeers } from '../peers/peerReads.ts'
import { openStored } from './openStored.ts'
import { toIndexSearch } from './toIndexSearch.ts'

/** A resource served, with the version facts its HTTP answer carries. */
export type ServedRecord = { resource: FhirResource; versionId: string; lastUpdated: string }

/**
 * The access decision for one known record: directory resources are open to every member and
 * patient; the rest go through decideAccess with the record's custodian.
 */
export function decideRecordAccess(ctx: GatewayContext, caller: Caller, row: Pick<RecordVersion, 'patient' | 'resourceType' | 'recordId' | 'custodian'>, purpose: number): Promise<AccessAnswer> {
  if (row.patient === zeroAddress) {
    return Promise.resolve(
      caller.kind === 'unknown'
        ? { allowed: false, decision: AuditDecisions.NOT_MEMBER, authorization: zeroHash, reason: 'the caller is not a consortium member or patient' }
        : { allowed: true, basis: 'custodian', authorization: zeroHash },
    )
  }
  return decideAccess({ caller, patient: row.patient, resourceType: row.resourceType, recordId: row.recordId, purpose, custodian: row.custodian }, ctx.oracle)
}

/** Logs a refusal and throws the matching error. */
export async function refuse(ctx: GatewayContext, caller: Caller, target: { patient: Address; key?: RecordKey; action: number }, purpose: number, answer: Extract<AccessAnswer, { allowed: false }>): Promise<never> {
  await ctx.audit.record([
    {
      accessor: caller.address,
      patient: target.patient,
      recordId: target.key === undefined ? undefined : recordIdOf(target.key),
      recordKey: target.key,
      action: accessActions.REFUSE,
      purpose,
      authorization: answer.authorization,
      decision: answer.decision,
      detail: { attempted: target.action, reason: answer.reason },
    },
  ])
  throw new GatewayError(`Access refused: ${answer.reason}`, { code: answer.decision === AuditDecisions.NOT_MEMBER ? 'GATEWAY_NOT_MEMBER' : 'GATEWAY_ACCESS_DENIED' })
}

/** Opens a local row, logging integrity failures and erasures as refusals before rethrowing. */
async function openLogged(ctx: GatewayContext, caller: Caller, row: RecordVersion, purpose: number): Promise<FhirResource> {
  try {
    return await openStored(ctx, row)
  } catch (error) {
    if (isGatewayError(error, 'GATEWAY_GONE') || isGatewayError(error, 'GATEWAY_INTEGRITY_FAILED')) {
      await ctx.audit.record([
        {
          accessor: caller.address,
          patient: row.patient,
          recordId: row.recordId,
          recordKey: row.recordKey,
          action: accessActions.REFUSE,
          purpose,
          authorization: zeroHash,
          decision: error.code === 'GATEWAY_GONE' ? AuditDecisions.ERASED : AuditDecisions.INTEGRITY_FAILED,
          detail: { attempted: accessActions.READ, reason: error.shortMessage },
        },
      ])
    }
    throw error
  }
}

/**
 * Reads one record (current or a given version): from this gateway's store when it is the
 * custodian, else from the custodian's gateway. Every serve and every refusal is logged.
 * @throws GatewayError `GATEWAY_NOT_FOUND`, `GATEWAY_ACCESS_DENIED`, `GATEWAY_NOT_MEMBER`,
 *   `GATEWAY_GONE`, `GATEWAY_INTEGRITY_FAILED`, `GATEWAY_PEER_FAILED`
 */
export async function readRecord(ctx: GatewayContext, caller: Caller, { type, id, version, purpose }: { type: string; id: string; version?: number | undefined; purpose: number }): Promise<ServedRecord> {
  const key = recordKey(type, id)
  const row = version === undefined ? await ctx.index.getCurrentRecord({ recordKey: key }) : await ctx.index.getRecordVersion({ recordKey: key, version })
  if (row === undefined) {
    if (caller.kind === 'patient' || caller.kind === 'unknown') throw new GatewayError(`${key} is not held by this gateway`, { code: 'GATEWAY_NOT_FOUND' })
    return fetchPeerRecord(ctx, caller, { key, version, purpose })
  }
  const answer = await decideRecordAccess(ctx, caller, row, purpose)
  if (!answer.allowed) return refuse(ctx, caller, { patient: row.patient, key, action: accessActions.READ }, purpose, answer)
  const resource = await openLogged(ctx, caller, row, purpose)
  await ctx.audit.record([
    { accessor: caller.address, patient: row.patient, recordId: row.recordId, recordKey: key, action: accessActions.READ, purpose, authorization: answer.authorization, decision: AuditDecisions.ALLOWED, detail: { basis: answer.basis } },
  ])
  return { resource, versionId: String(row.version), lastUpdated: row.lastUpdated }
}

/** A page of search results across this gateway and, where consent allows, its peers. */
export type SearchResult = { total: number; records: ServedRecord[] }

/**
 * Searches one resource type. This gateway answers for the records it holds (its own clinicians
 * always, others under consent); with consent (or an open break-glass) for a patient, the other
 * hospitals' gateways are asked too and their answers verified against the chain.
 * @throws GatewayError `GATEWAY_ACCESS_DENIED` when the caller may see nothing, `GATEWAY_INVALID_REQUEST`
 */
export async function searchRecords(ctx: GatewayContext, caller: Caller, query: SearchQuery, purpose: number): Promise<SearchResult> {
  const { patient, options } = toIndexSearch(query)
  const subject = patient ?? (caller.kind === 'patient' ? caller.address : undefined)
  const directory = query.resourceType !== 'Patient' && subject === undefined
  if (subject === undefined && !(caller.kind !== 'patient' && caller.kind !== 'unknown' && caller.member.toLowerCase() === ctx.member.address.toLowerCase()) && !directory) {
    throw new GatewayError('A search of patient records names the patient (patient=Patient/0x...)', { code: 'GATEWAY_INVALID_REQUEST', expression: 'patient' })
  }
  const scoped = { ...options, patient: subject }
  // Beyond this gateway: only with an on-chain basis for this patient and type.
  let remote: AccessAnswer | undefined
  if (subject !== undefined && caller.kind !== 'patient') {
    remote = await decideAccess({ caller, patient: subject, resourceType: query.resourceType, recordId: zeroHash, purpose }, ctx.oracle)
  }
  const own = caller.kind !== 'patient' && caller.kind !== 'unknown' && caller.member.toLowerCase() === ctx.member.address.toLowerCase()
  const localAllowed = own || (caller.kind === 'patient' && subject?.toLowerCase() === caller.address.toLowerCase()) || remote?.allowed === true
  if (!localAllowed) {
    if (remote !== undefined && !remote.allowed) return refuse(ctx, caller, { patient: subject as Address, action: accessActions.SEARCH }, purpose, remote)
    return refuse(ctx, caller, { patient: subject ?? zeroAddress, action: accessActions.SEARCH }, purpose, { allowed: false, decision: AuditDecisions.NO_CONSENT, authorization: zeroHash, reason: 'no access to these records' })
  }
  const needed = options.offset === undefined ? options.count : options.offset + options.count
  const local = await ctx.index.searchRecords({ ...scoped, count: options.count === 0 ? 0 : needed, offset: 0 })
  // The caller's own hospital holds nothing for this patient and the chain allows nothing more:
  // that is a refusal, not an empty result.
  if (local.total === 0 && remote !== undefined && !remote.allowed) {
    return refuse(ctx, caller, { patient: subject as Address, action: accessActions.SEARCH }, purpose, remote)
  }
  const served: ServedRecord[] = []
  const entries = []
  for (const row of local.rows) {
    const resource = await openLogged(ctx, caller, row, purpose)
    served.push({ resource, versionId: String(row.version), lastUpdated: row.lastUpdated })
    entries.push({ accessor: caller.address, patient: row.patient, recordId: row.recordId, recordKey: row.recordKey, action: accessActions.READ, purpose, authorization: remote?.authorization ?? zeroHash, decision: AuditDecisions.ALLOWED })
  }
  let total = local.total
  if (remote?.allowed === true && caller.kind !== 'patient' && caller.kind !== 'unknown') {
    const peers = await searchPeers(ctx, caller, query, { purpose, count: options.count === 0 ? 0 : needed })
    total += peers.total
    for (const record of peers.records) {
      served.push(record)
      entries.push({ accessor: caller.address, patient: subject, recordId: recordIdOf(`${record.resource.resourceType}/${record.resource.id}` as RecordKey), recordKey: `${record.resource.resourceType}/${record.resource.id}`, action: accessActions.READ, purpose, authorization: remote.authorization, decision: AuditDecisions.ALLOWED })
    }
  }
  const start = options.offset ?? 0
  const page = entries.slice(start, start + options.count)
  if (page.length > 0) await ctx.audit.record(page)
  return { total, records: served.slice(start, start + options.count) }
}
