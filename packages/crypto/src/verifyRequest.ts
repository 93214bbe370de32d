import { assertSafeInteger } from './assert.ts';
import { canonicalRequest } from './canonicalRequest.ts';
import { checksumAddress } from './checksumAddress.ts';
import { CryptoError } from './errors.ts';
import { isAddress } from './isAddress.ts';
import { type RequestHeaders, readHeader, readOptionalHeader } from './readHeader.ts';
import { recoverMessageAddress } from './recoverMessageAddress.ts';
import { REQUEST_SIGNATURE_HEADERS as H, REQUEST_NONCE_RE } from './requestSignatureHeaders.ts';
import type { Address, Hex } from './types.ts';

/** Options of {@link verifyRequest}. */
export type VerifyRequestOptions = {
  method: string;
  /** The raw request-target as received (Node's `req.url`), path and query. */
  path: string;
  /** The raw body bytes as received; absent means empty. */
  body?: Uint8Array | string | undefined;
  headers: RequestHeaders;
  /** Current unix time in milliseconds; default `Date.now()`. */
  now?: number;
  /** Largest accepted |now - timestamp| in milliseconds; default 300000 (5 minutes). */
  maxSkewMs?: number;
};

/** What a valid request signature establishes. */
export type VerifyRequestReturnType = {
  /** EIP-55 checksummed address that signed the request. */
  signer: Address;
  timestamp: number;
  nonce: string;
  /** The lowercase audience address the request was signed for (protocol v2), if any. */
  audience: string | undefined;
};

function bad(message: string, cause?: unknown): CryptoError {
  const details = cause instanceof CryptoError ? cause.shortMessage : undefined;
  return new CryptoError(message, { code: 'CRYPTO_BAD_SIGNATURE', details, cause });
}

/**
 * Verifies the `x-medchain-*` signature headers of a request against its method, path and body.
 * Freshness is checked before the (costlier) signature recovery. Replay detection is left to
 * the caller: feed the result to a nonce cache (see `createNonceCache`) with `ttlMs >= maxSkewMs`.
 * @throws CryptoError `CRYPTO_MISSING_SIGNATURE_HEADER`, `CRYPTO_BAD_SIGNATURE`,
 *   `CRYPTO_STALE_REQUEST`, `CRYPTO_INVALID_ARGUMENT` (bad method, path, now or maxSkewMs)
 */
export function verifyRequest(options: VerifyRequestOptions): VerifyRequestReturnType {
  const { method, path, body, headers, now = Date.now(), maxSkewMs = 300_000 } = options;
  assertSafeInteger('now', now, { min: 0 });
  assertSafeInteger('maxSkewMs', maxSkewMs, { min: 0 });
  const signerHeader = readHeader(headers, H.signer);
  const timestampHeader = readHeader(headers, H.timestamp);
  const nonce = readHeader(headers, H.nonce);
  const signature = readHeader(headers, H.signature);
  const audience = readOptionalHeader(headers, H.audience);
  if (audience !== undefined && !isAddress(audience)) throw bad(`"${H.audience}" expected a 20-byte 0x address`);

  if (!isAddress(signerHeader)) throw bad(`"${H.signer}" expected a 20-byte 0x address with a valid checksum`);
  if (!/^\d{1,15}$/.test(timestampHeader)) throw bad(`"${H.timestamp}" expected unix milliseconds as decimal digits`);
  if (!REQUEST_NONCE_RE.test(nonce)) throw bad(`"${H.nonce}" expected 16 bytes as lowercase 0x hex`);
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) throw bad(`"${H.signature}" expected 65 bytes as 0x hex`);

  const timestamp = Number(timestampHeader);
  const skew = now - timestamp;
  if (Math.abs(skew) > maxSkewMs) {
    throw new CryptoError('Request timestamp is outside the accepted clock-skew window', {
      code: 'CRYPTO_STALE_REQUEST',
      details: `timestamp ${timestamp} is ${Math.abs(skew)} ms ${skew > 0 ? 'behind' : 'ahead of'} now (${now}); max skew ${maxSkewMs} ms`,
    });
  }
  const message = canonicalRequest({ method, path, body, timestamp, nonce, audience });
  let recovered: Address;
  try {
    recovered = recoverMessageAddress({ message, signature: signature as Hex });
  } catch (cause) {
    throw bad(`"${H.signature}" is not a valid signature`, cause);
  }
  const signer = checksumAddress(signerHeader);
  if (recovered !== signer) throw bad(`"${H.signature}" was not made by "${H.signer}" over this request`);
  return { signer, timestamp, nonce, audience: audience?.toLowerCase() };
}
