import { purposes as PURPOSES, roles as ROLES } from '@medchain/contracts'
import { zeroHash, type Address, type Hex } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import { type Caller, isClinician } from '../chain/callers.ts'

/** What an access is about. */
export type AccessQuestion = {
  caller: Caller
  patient: Address
  resourceType: string
  /** The record's on-chain id; zero for a search over the patient's records. */
  recordId: Hex
  /** One purpose bit (ConsentRegistry Purposes). */
  purpose: number
  /** The record's custodian when the record is known here. */
  custodian?: Address | undefined
}

/** Why an access was allowed: the basis an audit entry records. */
export type AccessBasis = 'self' | 'custodian' | 'consent' | 'break-glass'

/** The answer: allowed on a basis (with the consent or break-glass id), or refused with a decision code. */
export type AccessAnswer =
  | { allowed: true; basis: AccessBasis; authorization: Hex }
  | { allowed: false; decision: number; authorization: Hex; reason: string }

/** The chain's answers the decision needs; see createChainAccessOracle. */
export type AccessOracle = {
  /** ConsentRegistry.findAuthorization at wall-clock time `at` (unix seconds). */
  consent(question: { patient: Address; accessor: Address; purpose: number; resourceType: string; recordId: Hex; at: number }): Promise<{ consentId: Hex; decision: number }>
  /** EmergencyAccess: the accessor's break-glass to the patient open at `at`, or zero. */
  breakGlass(question: { patient: Address; accessor: Address; at: number }): Promise<Hex>
}

const REASONS: Record<number, string> = {
  [AuditDecisions.NO_CONSENT]: 'the patient has given no consent covering this access',
  [AuditDecisions.REVOKED]: 'the patient revoked the consent',
  [AuditDecisions.NOT_STARTED]: 'the consent has not started yet',
  [AuditDecisions.EXPIRED]: 'the consent has expired',
  [AuditDecisions.WRONG_PURPOSE]: 'the consent does not cover this purpose of use',
  [AuditDecisions.OUT_OF_SCOPE]: 'the consent does not cover this resource type or record',
  [AuditDecisions.GRANTEE_NOT_MEMBER]: 'the grantee is no longer a consortium member',
  [AuditDecisions.NOT_MEMBER]: 'the caller is not a consortium member, an individual of one, or this patient',
  [AuditDecisions.WRONG_ROLE]: 'only a hospital member or its clinicians read patient records',
}

/** The refusal text of a decision code, for OperationOutcomes and AuditEvents. */
export function refusalReason(decision: number): string {
  return REASONS[decision] ?? 'access refused'
}

/**
 * Decides one access, in this order: a patient reading their own records; the custodian hospital
 * (or its clinicians) reading what it holds; a patient consent on chain; for the emergency purpose,
 * an open break-glass of this clinician. Everything but the first two is asked of the chain at the
 * current time.
 */
export async function decideAccess(question: AccessQuestion, oracle: AccessOracle, now = Date.now()): Promise<AccessAnswer> {
  const { caller, patient } = question
  const refuse = (decision: number, authorization: Hex = zeroHash): AccessAnswer => ({ allowed: false, decision, authorization, reason: refusalReason(decision) })
  if (caller.kind === 'patient') {
    return caller.address.toLowerCase() === patient.toLowerCase()
      ? { allowed: true, basis: 'self', authorization: zeroHash }
      : refuse(AuditDecisions.NO_CONSENT)
  }
  if (caller.kind === 'unknown') return refuse(AuditDecisions.NOT_MEMBER)
  if ((caller.roles & ROLES.HOSPITAL) === 0 || (caller.kind === 'individual' && !isClinician(caller))) {
    // Research institutions learn -1/0/1 through the research protocol, never records.
    return refuse(AuditDecisions.WRONG_ROLE)
  }
  if (question.custodian !== undefined && question.custodian.toLowerCase() === caller.member.toLowerCase()) {
    return { allowed: true, basis: 'custodian', authorization: zeroHash }
  }
  const at = Math.floor(now / 1000)
  const consent = await oracle.consent({ patient, accessor: caller.address, purpose: question.purpose, resourceType: question.resourceType, recordId: question.recordId, at })
  if (consent.decision === AuditDecisions.ALLOWED) return { allowed: true, basis: 'consent', authorization: consent.consentId }
  if (question.purpose === PURPOSES.EMERGENCY && caller.kind === 'individual') {
    const accessId = await oracle.breakGlass({ patient, accessor: caller.address, at })
    if (accessId !== zeroHash) return { allowed: true, basis: 'break-glass', authorization: accessId }
  }
  return refuse(consent.decision, consent.consentId)
}
