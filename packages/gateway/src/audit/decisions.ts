import { accessDecisions } from '@medchain/contracts'

/**
 * Decision codes of access-log entries: the ConsentRegistry's AccessDecisions (0-7), then refusals
 * only a gateway can see (8 and up). Stable: they are hashed into on-chain Merkle roots.
 */
export const AuditDecisions = {
  ...accessDecisions,
  NOT_MEMBER: 8,
  BAD_SIGNATURE: 9,
  REPLAYED_REQUEST: 10,
  STALE_REQUEST: 11,
  ERASED: 12,
  INTEGRITY_FAILED: 13,
  WRONG_ROLE: 14,
  BREAK_GLASS_EXPIRED: 15,
} as const

/** Names of every decision code, as AuditEvents show them. */
export const AUDIT_DECISION_NAMES: Readonly<Record<number, string>> = {
  [accessDecisions.ALLOWED]: 'allowed',
  [accessDecisions.NO_CONSENT]: 'no-consent',
  [accessDecisions.REVOKED]: 'revoked',
  [accessDecisions.NOT_STARTED]: 'not-started',
  [accessDecisions.EXPIRED]: 'expired',
  [accessDecisions.WRONG_PURPOSE]: 'wrong-purpose',
  [accessDecisions.OUT_OF_SCOPE]: 'out-of-scope',
  [accessDecisions.GRANTEE_NOT_MEMBER]: 'grantee-not-member',
  8: 'not-member',
  9: 'bad-signature',
  10: 'replayed-request',
  11: 'stale-request',
  12: 'erased',
  13: 'integrity-failed',
  14: 'wrong-role',
  15: 'break-glass-expired',
}
