import { accessDecisions } from '@medchain/contracts'
import { MedchainError } from './errors.ts'

/** The outcome of a consent check, by name (AccessDecisions.sol); `allowed` or why access is refused. */
export type AccessDecision =
  | 'allowed'
  | 'noConsent'
  | 'revoked'
  | 'notStarted'
  | 'expired'
  | 'wrongPurpose'
  | 'outOfScope'
  | 'granteeNotMember'

/** Decision names by on-chain code. */
const DECISIONS: Record<number, AccessDecision> = {
  [accessDecisions.ALLOWED]: 'allowed',
  [accessDecisions.NO_CONSENT]: 'noConsent',
  [accessDecisions.REVOKED]: 'revoked',
  [accessDecisions.NOT_STARTED]: 'notStarted',
  [accessDecisions.EXPIRED]: 'expired',
  [accessDecisions.WRONG_PURPOSE]: 'wrongPurpose',
  [accessDecisions.OUT_OF_SCOPE]: 'outOfScope',
  [accessDecisions.GRANTEE_NOT_MEMBER]: 'granteeNotMember',
}

/**
 * The name of an AccessDecisions code.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for an unknown code
 */
export function accessDecisionName(code: number): AccessDecision {
  const name = Number.isSafeInteger(code) ? DECISIONS[code] : undefined
  if (name === undefined) throw new MedchainError(`"code" expected an AccessDecisions code (0-7), got ${code}`, { code: 'SDK_INVALID_ARGUMENT' })
  return name
}

/**
 * The AccessDecisions code of a decision name, as access-log entries record it.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for an unknown name
 */
export function accessDecisionCode(name: AccessDecision): number {
  const entry = Object.entries(DECISIONS).find(([, candidate]) => candidate === name)
  if (!entry) throw new MedchainError(`"decision" is not a decision name: ${JSON.stringify(name)}`, { code: 'SDK_INVALID_ARGUMENT' })
  return Number(entry[0])
}
