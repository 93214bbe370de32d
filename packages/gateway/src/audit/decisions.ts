import { accessDecisions } from '@medchain/contracts'

/**
 * Decision codes of access-log entries: the ConsentRegistry's AccessDecisions (0-7), then refusals
 * only a gateway can see (8 and up; 16: a supply event the chain refused; 17: a research step refused). Stable: they are hashed into on-chain Merkle roots.
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
  SUPPLY_REFUSED: 16,
  RESEARCH_REFUSED: 17,
} as const
