import { type CryptoError, type NonceCache, createNonceCache, verifyRequest } from '@medchain/crypto'
import type { Address } from 'viem'
import { GatewayError } from '../errors.ts'
import type { TokenIssuer } from './tokens.ts'

/** The raw request as the authenticator needs it. */
export type AuthRequest = {
  method: string
  /** Path and query exactly as received. */
  url: string
  headers: Record<string, string | string[] | undefined>
  /** The raw body bytes the signature covers. */
  body: Uint8Array | undefined
}

/** How a caller proved who they are. */
export type Authentication = { address: Address; via: 'signature' | 'token' }

/** Options of {@link createAuthenticator}. */
export type CreateAuthenticatorOptions = {
  tokens: TokenIssuer
  /** This gateway's member address: signed requests must name it in x-medchain-audience. */
  audience: string
  /** Largest accepted clock skew of a signed request (default 300 s). */
  maxSkewMs?: number | undefined
  /** Nonces remembered at most (default 1,000,000): beyond that, fresh requests are refused rather than replays let through. */
  maxNonces?: number | undefined
  now?: () => number
}

const SIGNATURE_ERRORS: Record<string, ['GATEWAY_BAD_SIGNATURE' | 'GATEWAY_STALE_REQUEST' | 'GATEWAY_REPLAYED_REQUEST' | 'GATEWAY_UNAUTHENTICATED', string]> = {
  CRYPTO_MISSING_SIGNATURE_HEADER: ['GATEWAY_UNAUTHENTICATED', 'Request is not signed'],
  CRYPTO_BAD_SIGNATURE: ['GATEWAY_BAD_SIGNATURE', 'Request signature is invalid'],
  CRYPTO_INVALID_ARGUMENT: ['GATEWAY_BAD_SIGNATURE', 'Request signature is invalid'],
  CRYPTO_STALE_REQUEST: ['GATEWAY_STALE_REQUEST', 'Request timestamp is outside the accepted clock skew'],
  CRYPTO_REPLAYED_REQUEST: ['GATEWAY_REPLAYED_REQUEST', 'Request was already received (replayed nonce)'],
  CRYPTO_NONCE_CACHE_FULL: ['GATEWAY_REPLAYED_REQUEST', 'Too many recent requests to rule out a replay; retry shortly'],
}

/**
 * Authenticates a request by its `x-medchain-*` signature (EIP-191 over method, path, body hash,
 * timestamp, nonce and this gateway as audience; skew window; nonce remembered for the window so a
 * replay fails) or by a bearer token from a signed challenge.
 */
export function createAuthenticator({ tokens, audience, maxSkewMs = 300_000, maxNonces = 1_000_000, now = Date.now }: CreateAuthenticatorOptions) {
  const expected = audience.toLowerCase()
  const nonces: NonceCache = createNonceCache({ ttlMs: maxSkewMs * 2, maxEntries: maxNonces, now })
  return {
    /** @throws GatewayError (401 codes) */
    authenticate(request: AuthRequest): Authentication {
      const authorization = request.headers.authorization
      if (typeof authorization === 'string' && authorization.startsWith('Bearer ')) {
        return { address: tokens.verify(authorization.slice(7).trim()), via: 'token' }
      }
      let verified: ReturnType<typeof verifyRequest>
      try {
        verified = verifyRequest({
          method: request.method,
          path: request.url,
          body: request.body,
          headers: request.headers,
          now: now(),
          maxSkewMs,
        })
        // A request signed for another gateway (or for none) could be a replay by that gateway.
        if (verified.audience !== expected) {
          throw new GatewayError('Request is not addressed to this gateway: sign it with x-medchain-audience set to its member address', { code: 'GATEWAY_BAD_SIGNATURE' })
        }
        nonces.checkAndRemember(verified.signer, verified.nonce, verified.timestamp)
        return { address: verified.signer, via: 'signature' }
      } catch (error) {
        if (error instanceof GatewayError) throw error
        const [code, message] = SIGNATURE_ERRORS[(error as CryptoError).code] ?? ['GATEWAY_BAD_SIGNATURE', 'Request signature is invalid']
        throw new GatewayError(message, { code, details: (error as CryptoError).shortMessage, cause: error })
      }
    },
  }
}

/** What {@link createAuthenticator} returns. */
export type Authenticator = ReturnType<typeof createAuthenticator>
