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
