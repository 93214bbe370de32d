// The rules every supply write through a gateway follows, as record writes do: the caller acts
// for this gateway's member (whose key signs the transaction), holds the role the operation
// needs, and every write and every refusal lands in the access log.
import { accessActions, purposes, roles as ROLES } from '@medchain/contracts'
import { formatRevert, isMedchainError } from '@medchain/sdk'
import { zeroHash, type Hex } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'

export type RoleName = keyof typeof ROLES

/** What one write is: its audit label, the roles allowed (any of), and the item it concerns. */
export type SupplyWrite<T> = { operation: string; roles: readonly RoleName[]; itemId?: Hex | undefined; run: () => Promise<T> }

async function log(ctx: GatewayContext, caller: Caller, write: { operation: string; itemId?: Hex | undefined }, action: number, decision: number, reason?: string) {
  await ctx.audit.record([
    {
      accessor: caller.address,
      patient: undefined,
      recordId: write.itemId,
      action,
      purpose: purposes.OPERATIONS,
      authorization: zeroHash,
      decision,
      detail: { supply: write.operation, ...(reason === undefined ? {} : { reason }) },
    },
  ])
}

/**
 * Runs a supply write for `caller` after checking it acts for this gateway's member with one of
 * `roles`; a contract refusal becomes GATEWAY_SUPPLY_REFUSED naming the custom error.
 * @throws GatewayError `GATEWAY_FORBIDDEN_ROLE`, `GATEWAY_SUPPLY_REFUSED`, `GATEWAY_INVALID_REQUEST`...
 */
export async function supplyWrite<T>(ctx: GatewayContext, caller: Caller, write: SupplyWrite<T>): Promise<T> {
  const own = (caller.kind === 'member' || caller.kind === 'individual') && caller.member.toLowerCase() === ctx.member.address.toLowerCase()
  const allowed = own && write.roles.some((role) => (caller.roles & ROLES[role]) !== 0)
  if (!allowed) {
    const reason = own ? `${write.operation} needs the ${write.roles.join(' or ')} role` : `only ${ctx.member.address} and its individuals write through this gateway`
    await log(ctx, caller, write, accessActions.REFUSE, AuditDecisions.WRONG_ROLE, reason)
    throw new GatewayError(`Refused: ${reason}`, { code: 'GATEWAY_FORBIDDEN_ROLE' })
  }
  try {
    const result = await write.run()
    await log(ctx, caller, write, accessActions.WRITE, AuditDecisions.ALLOWED)
    return result
  } catch (error) {
    if (isMedchainError(error, 'SDK_CONTRACT_REVERTED') && error.revert !== undefined) {
      const revert = formatRevert(error.revert)
      await log(ctx, caller, write, accessActions.REFUSE, AuditDecisions.SUPPLY_REFUSED, revert)
      throw new GatewayError(`The chain refused ${write.operation}: ${revert}`, { code: 'GATEWAY_SUPPLY_REFUSED', cause: error })
    }
    throw error
  }
}
