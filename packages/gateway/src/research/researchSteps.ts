// The rules every research step through a gateway follows, as record accesses do: the caller
// must be the party the step is for, each step and each refusal lands in the access log (purpose
// research; never a value, an opening or a class), and a chain refusal names its custom error.
import { accessActions, individualKinds, purposes, roles as ROLES } from '@medchain/contracts'
import { formatRevert, isMedchainError } from '@medchain/sdk'
import { zeroHash, type Address } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError, type GatewayErrorCode } from '../errors.ts'

/** One research step as the access log names it. */
export type ResearchStep = 'attest' | 'list-attestations' | 'enroll' | 'submit-result' | 'publish' | 'read-ranges' | 'receive-result' | 'distribution'

/** Logs one research step (allowed, or refused with `decision`). */
export async function logResearch(
  ctx: GatewayContext,
  caller: Caller | { address: Address },
  entry: { step: ResearchStep; patient?: Address | undefined; action: number; decision?: number; reason?: string | undefined },
): Promise<void> {
  await ctx.audit.record([
    {
      accessor: caller.address,
      patient: entry.patient,
      action: entry.action,
      purpose: purposes.RESEARCH,
      authorization: zeroHash,
      decision: entry.decision ?? AuditDecisions.ALLOWED,
      detail: { research: entry.step, ...(entry.reason === undefined ? {} : { reason: entry.reason }) },
    },
  ])
}

/** Logs a refusal and returns the error to throw. */
export async function refuseResearch(
  ctx: GatewayContext,
  caller: Caller | { address: Address },
  step: ResearchStep,
  error: { code: GatewayErrorCode; message: string; decision: number; patient?: Address | undefined; cause?: unknown },
): Promise<GatewayError> {
  await logResearch(ctx, caller, { step, patient: error.patient, action: accessActions.REFUSE, decision: error.decision, reason: error.message })
  return new GatewayError(error.message, { code: error.code, cause: error.cause })
}

/** Whether the caller is the registered patient it claims to be. */
export async function requirePatient(ctx: GatewayContext, caller: Caller, step: ResearchStep): Promise<Address> {
  if (caller.kind === 'patient') return caller.address
  throw await refuseResearch(ctx, caller, step, { code: 'GATEWAY_FORBIDDEN_ROLE', message: `Only a registered patient may ${step.replace('-', ' ')} here`, decision: AuditDecisions.WRONG_ROLE })
}

/**
 * Whether the caller acts for this gateway's member, which holds `role`: the member itself or one
 * of its individuals of `kind`.
 */
export async function requireOwnStaff(ctx: GatewayContext, caller: Caller, step: ResearchStep, { role, kind }: { role: keyof typeof ROLES; kind: keyof typeof individualKinds }): Promise<void> {
  const own = (caller.kind === 'member' || caller.kind === 'individual') && caller.member.toLowerCase() === ctx.member.address.toLowerCase()
  const allowed = own && (caller.roles & ROLES[role]) !== 0 && (caller.kind === 'member' || caller.individualKind === individualKinds[kind])
  if (allowed) return
  const reason = own ? `${step} needs the ${role.toLowerCase()} role (the member or its ${kind.toLowerCase()}s)` : `only ${ctx.member.address} and its ${kind.toLowerCase()}s may ${step} here`
  throw await refuseResearch(ctx, caller, step, { code: 'GATEWAY_FORBIDDEN_ROLE', message: `Refused: ${reason}`, decision: AuditDecisions.WRONG_ROLE })
}

/**
 * Runs a StudyRegistry write; a contract refusal becomes `GATEWAY_RESEARCH_REFUSED` naming the
 * custom error, logged as a refusal. Success is logged by the caller, which knows what it did.
 * @throws GatewayError `GATEWAY_RESEARCH_REFUSED`; MedchainError (node failures)
 */
export async function chainStep<T>(ctx: GatewayContext, caller: Caller, step: ResearchStep, patient: Address | undefined, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if ((isMedchainError(error, 'SDK_CONTRACT_REVERTED') || isMedchainError(error, 'SDK_TRANSACTION_FAILED')) && error.revert !== undefined) {
      const revert = formatRevert(error.revert)
      throw await refuseResearch(ctx, caller, step, { code: 'GATEWAY_RESEARCH_REFUSED', message: `The study registry refused ${step}: ${revert}`, decision: AuditDecisions.RESEARCH_REFUSED, patient, cause: error })
    }
    throw error
  }
}

/** A research package error (bad study definition, malformed opening...) as a 4xx answer. */
export function fromResearchError(error: unknown, code: GatewayErrorCode = 'GATEWAY_INVALID_REQUEST'): unknown {
  if (error instanceof Error && ['ResearchError', 'PaillierError'].includes(error.name)) {
    return new GatewayError((error as Error & { shortMessage: string }).shortMessage, { code, cause: error })
  }
  return error
}
