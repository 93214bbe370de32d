import type { SearchQuery } from '@medchain/fhir'
import { accessActions } from '@medchain/contracts'
import { decideAccess } from '../access/decideAccess.ts'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError, type GatewayErrorCode } from '../errors.ts'
import type { RecordKey } from '../internal/recordIds.ts'
import { purposeName, PURPOSE_HEADER } from '../http/requestContext.ts'
import type { ServedRecord } from '../records/readService.ts'
import { ON_BEHALF_OF_HEADER, type Peer } from './peerClient.ts'
import { openTransfer, type RecordTransfer } from './recordTransfer.ts'

/** A peer's refusal, passed on with its own code and message (the peer logged it). */
function peerError(peer: Peer, status: number, body: unknown): GatewayError {
  const issue = (body as { issue?: { diagnostics?: string; details?: { coding?: { code?: string }[] } }[] } | undefined)?.issue?.[0]
  const code = issue?.details?.coding?.[0]?.code as GatewayErrorCode | undefined
  const passOn: GatewayErrorCode[] = ['GATEWAY_ACCESS_DENIED', 'GATEWAY_GONE', 'GATEWAY_NOT_FOUND', 'GATEWAY_INTEGRITY_FAILED']
  if (code !== undefined && passOn.includes(code)) return new GatewayError(`${peer.name}: ${issue?.diagnostics ?? code}`, { code })
  return new GatewayError(`The gateway of ${peer.name} answered ${status}`, { code: 'GATEWAY_PEER_FAILED' })
}

const headersFor = (caller: Caller, purpose: number) => ({ [ON_BEHALF_OF_HEADER]: caller.address, [PURPOSE_HEADER]: purposeName(purpose) })

/**
 * Reads a record this gateway does not hold from the hospital that does: every peer is asked, the
 * custodian answers with the sealed record re-wrapped for this member, and it is checked against
 * the chain here and access decided again for its patient before it is served.
 */
export async function fetchPeerRecord(ctx: GatewayContext, caller: Caller, { key, version, purpose }: { key: RecordKey; version?: number | undefined; purpose: number }): Promise<ServedRecord> {
  const peers = await ctx.peers.hospitals()
  const path = `/peer/records/${key}${version === undefined ? '' : `?version=${version}`}`
  const answers = await Promise.allSettled(peers.map(async (peer) => ({ peer, ...(await ctx.peers.get(peer, path, headersFor(caller, purpose))) })))
  let failure: GatewayError | undefined
  for (const answer of answers) {
    if (answer.status === 'rejected') continue
    const { peer, status, body } = answer.value
    if (status === 404) continue
    if (status !== 200) {
      failure = peerError(peer, status, body)
      continue
    }
    const transfer = (body as { transfer: RecordTransfer }).transfer
    const resource = await openTransfer(ctx, transfer)
    const decision = await decideAccess({ caller, patient: transfer.leaf.patient, resourceType: transfer.leaf.resourceType, recordId: transfer.leaf.recordId, purpose }, ctx.oracle)
    if (!decision.allowed) throw new GatewayError(`Access refused: ${decision.reason}`, { code: 'GATEWAY_ACCESS_DENIED' })
    await ctx.audit.record([
      { accessor: caller.address, patient: transfer.leaf.patient, recordId: transfer.leaf.recordId, recordKey: key, action: accessActions.READ, purpose, authorization: decision.authorization, decision: AuditDecisions.ALLOWED, detail: { custodian: peer.address } },
    ])
    return { resource, versionId: String(transfer.leaf.version), lastUpdated: transfer.lastUpdated }
  }
  if (failure !== undefined) throw failure
  const unreachable = answers.filter((a) => a.status === 'rejected').length
  throw new GatewayError(`${key} is held by no reachable gateway${unreachable > 0 ? ` (${unreachable} unreachable)` : ''}`, { code: unreachable > 0 ? 'GATEWAY_PEER_FAILED' : 'GATEWAY_NOT_FOUND' })
}

/**
 * Runs a search at every other hospital's gateway on behalf of `caller` and opens what comes back.
 * A peer that refuses or fails is skipped (its refusal is in its own log); a peer answering with
 * a record that does not verify fails the whole search, since that is tampering, not absence.
 */
export async function searchPeers(ctx: GatewayContext, caller: Caller, query: SearchQuery, { purpose, count }: { purpose: number; count: number }): Promise<{ total: number; records: ServedRecord[] }> {
  const peers = await ctx.peers.hospitals()
  const params = new URLSearchParams(query.params)
  params.set('_count', String(Math.min(count, 1000)))
  const path = `/peer/search/${query.resourceType}?${params.toString()}`
  const answers = await Promise.allSettled(peers.map(async (peer) => ({ peer, ...(await ctx.peers.get(peer, path, headersFor(caller, purpose))) })))
  let total = 0
  const records: ServedRecord[] = []
  for (const answer of answers) {
    if (answer.status === 'rejected' || answer.value.status !== 200) continue
    const body = answer.value.body as { total: number; transfers: RecordTransfer[] }
    total += body.total
    for (const transfer of body.transfers) {
      records.push({ resource: await openTransfer(ctx, transfer), versionId: String(transfer.leaf.version), lastUpdated: transfer.lastUpdated })
    }
  }
  return { total, records }
}
