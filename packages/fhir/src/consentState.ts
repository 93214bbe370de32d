import { assertUint64 } from './assert.ts';

/** The state of a consent at one moment. */
export type ConsentState = 'active' | 'revoked' | 'not-started' | 'expired';

/** The time fields of an on-chain consent, in unix seconds; `revokedAt` 0 when not revoked. */
export type ConsentTimes = { start: number | bigint; expiry: number | bigint; revokedAt: number | bigint };

/**
 * The state of a consent at `now` (unix seconds), checked in the contract's order: revoked
 * (revokedAt set and not after now), not started (now < start), expired (now >= expiry: the
 * expiry second itself is outside), else active. Purpose, scope and grantee membership are the
 * contract's to check per access; this is for display and for the FHIR Consent status.
 */
export function consentState({ start, expiry, revokedAt }: ConsentTimes, now: number | bigint): ConsentState {
  for (const [name, value] of [['start', start], ['expiry', expiry], ['revokedAt', revokedAt], ['now', now]] as const) {
    assertUint64(name, value);
  }
  const t = BigInt(now);
  if (BigInt(revokedAt) !== 0n && BigInt(revokedAt) <= t) return 'revoked';
  if (t < BigInt(start)) return 'not-started';
  if (t >= BigInt(expiry)) return 'expired';
  return 'active';
}
