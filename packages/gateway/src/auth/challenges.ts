import { generateChallenge, verifyChallenge } from '@medchain/crypto'
import type { Address } from 'viem'
import { GatewayError } from '../errors.ts'

/** Options of {@link createChallengeStore}. */
export type CreateChallengeStoreOptions = {
  /** What signers bind their answer to: this gateway's base URL, so an answer is useless elsewhere. */
  audience: string
  /** How long a challenge may be answered (default 120 s). */
  ttlMs?: number | undefined
  /** Outstanding challenges at most (default 100,000); the oldest are dropped first. */
  maxOutstanding?: number | undefined
  now?: () => number
}

/**
 * Single-use sign-in challenges: `issue` hands out a random challenge, `redeem` accepts one
 * signed answer per challenge within its lifetime and returns the signer.
 */
export function createChallengeStore({ audience, ttlMs = 120_000, maxOutstanding = 100_000, now = Date.now }: CreateChallengeStoreOptions) {
  const outstanding = new Map<string, number>()
  return {
    audience,
    issue(): { challenge: string; audience: string; expiresAt: number } {
      if (outstanding.size >= maxOutstanding) outstanding.delete(outstanding.keys().next().value as string)
      const challenge = generateChallenge()
      const expiresAt = now() + ttlMs
      outstanding.set(challenge, expiresAt)
      return { challenge, audience, expiresAt }
    },
    /** @throws GatewayError `GATEWAY_BAD_SIGNATURE` (unknown, used or expired challenge; wrong signer) */
    redeem({ challenge, signature, address }: { challenge: string; signature: `0x${string}`; address: Address }): Address {
      const expiresAt = outstanding.get(challenge)
      outstanding.delete(challenge)
      if (expiresAt === undefined || expiresAt < now()) {
        throw new GatewayError('Challenge is unknown, already used or expired: ask for a new one', { code: 'GATEWAY_BAD_SIGNATURE' })
      }
      try {
        return verifyChallenge({ challenge, audience, signature, address })
      } catch (error) {
        throw new GatewayError('Challenge signature is invalid or not from the given address', { code: 'GATEWAY_BAD_SIGNATURE', cause: error })
      }
    },
  }
}

/** What {@link createChallengeStore} returns. */
export type ChallengeStore = ReturnType<typeof createChallengeStore>
