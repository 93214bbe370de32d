import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import type { Address } from 'viem'
import { GatewayError } from '../errors.ts'

/** Issues and checks the gateway's short-lived bearer tokens; see {@link createTokenIssuer}. */
export type TokenIssuer = {
  /** A token for `subject`, valid `ttlSeconds` from now. */
  issue(subject: Address): { token: string; expiresAt: number }
  /**
   * The subject of a valid, unexpired token.
   * @throws GatewayError `GATEWAY_BAD_SIGNATURE`, `GATEWAY_TOKEN_EXPIRED`
   */
  verify(token: string): Address
}

/** Options of {@link createTokenIssuer}. */
export type CreateTokenIssuerOptions = {
  /** Token lifetime (default 900 s). */
  ttlSeconds?: number | undefined
  /** HMAC key; default 32 random bytes, so tokens die with the process (clients sign a new challenge). */
  secret?: Uint8Array | undefined
  now?: () => number
}

const TOKEN_RE = /^mc1\.([A-Za-z0-9_-]{1,200})\.([A-Za-z0-9_-]{43})$/

/**
 * Bearer tokens for clients that sign a challenge once instead of every request:
 * `mc1.<base64url payload>.<base64url HMAC-SHA256>`, payload `{ sub, exp }`. Checked in constant
 * time; stateless, so revoking one means waiting out its (short) lifetime.
 */
export function createTokenIssuer({ ttlSeconds = 900, secret = randomBytes(32), now = Date.now }: CreateTokenIssuerOptions = {}): TokenIssuer {
  const mac = (payload: string) => createHmac('sha256', secret).update(`mc1.${payload}`).digest()
  return {
    issue(subject) {
      const expiresAt = Math.floor(now() / 1000) + ttlSeconds
      const payload = Buffer.from(JSON.stringify({ sub: subject, exp: expiresAt })).toString('base64url')
      return { token: `mc1.${payload}.${mac(payload).toString('base64url')}`, expiresAt }
    },
    verify(token) {
      const match = TOKEN_RE.exec(token)
      const bad = () => new GatewayError('Bearer token is malformed or forged', { code: 'GATEWAY_BAD_SIGNATURE' })
      if (!match) throw bad()
      const [, payload, tag] = match as unknown as [string, string, string]
      if (!timingSafeEqual(mac(payload), Buffer.from(tag, 'base64url'))) throw bad()
      const { sub, exp } = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as { sub: Address; exp: number }
      if (Math.floor(now() / 1000) >= exp) throw new GatewayError('Bearer token has expired: sign a new challenge', { code: 'GATEWAY_TOKEN_EXPIRED' })
      return sub
    },
  }
}
