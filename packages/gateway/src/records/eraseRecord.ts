import { accessActions, purposes as PURPOSES, roles as ROLES } from '@medchain/contracts'
import { markRecordErased } from '@medchain/sdk'
import { zeroHash } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { recordKey } from '../internal/recordIds.ts'

/** On-chain reason code of an erasure: the text stays at the custodian. */
export const ERASURE_REASON_CODE = 1

/**
 * Erases a record by crypto-shredding: the data keys of every version are destroyed (the
 * ciphertext stays, unreadable), the chain records the erasure next to the anchor, and reads
 * answer 410 Gone with the reason from then on. Only the custodian hospital, at the patient's or
 * its own request, may erase.
 * @throws GatewayError `GATEWAY_FORBIDDEN_ROLE`, `GATEWAY_NOT_FOUND`, `GATEWAY_GONE`
 */
export async function eraseRecord(ctx: GatewayContext, caller: Caller, { type, id, reason }: { type: string; id: string; reason: string }): Promise<void> {
  const key = recordKey(type, id)
  if (typeof reason !== 'string' || reason.length === 0 || reason.length > 200) throw new GatewayError('"reason" expected 1 to 200 characters', { code: 'GATEWAY_INVALID_REQUEST' })
  const ours = caller.kind === 'member' && caller.address.toLowerCase() === ctx.member.address.toLowerCase() && (caller.roles & ROLES.HOSPITAL) !== 0
  if (!ours) throw new GatewayError('Only the custodian hospital erases its records', { code: 'GATEWAY_FORBIDDEN_ROLE' })
  await ctx.locks.run(key, async () => {
    const versions = await ctx.index.listHistory({ recordKey: key })
    const current = versions[0]
    if (current === undefined) throw new GatewayError(`${key} is not held by this gateway`, { code: 'GATEWAY_NOT_FOUND' })
    if (current.erasedAt !== null) throw new GatewayError(`${key} was already erased on ${current.erasedAt}`, { code: 'GATEWAY_GONE' })
    for (const version of versions) await ctx.keys.shred(version.contentHash, reason)
    await markRecordErased(ctx.client, { recordId: current.recordId, reasonCode: ERASURE_REASON_CODE })
    await ctx.index.markErased({ recordKey: key, reason })
    await ctx.audit.record([
      { accessor: caller.address, patient: current.patient, recordId: current.recordId, recordKey: key, action: accessActions.ERASE, purpose: PURPOSES.OPERATIONS, authorization: zeroHash, decision: AuditDecisions.ALLOWED },
    ])
  })
}
