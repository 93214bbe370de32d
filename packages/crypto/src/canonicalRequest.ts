import { sha256 } from './sha256.ts';
import { assertSafeInteger, assertString } from './assert.ts';
import { bytesToHex, utf8ToBytes } from './bytes.ts';
import { CryptoError } from './errors.ts';
import { isAddress } from './isAddress.ts';
import { REQUEST_NONCE_RE } from './requestSignatureHeaders.ts';

/** Options of {@link canonicalRequest}. */
export type CanonicalRequestOptions = {
  /** HTTP method, any case; upper-cased in the canonical string. */
  method: string;
  /** The raw request-target: path and query exactly as sent (Node's `req.url`), ASCII only. */
  path: string;
  /** Request body bytes; strings are UTF-8; absent means empty. */
  body?: Uint8Array | string | undefined;
  /** Unix time in milliseconds. */
  timestamp: number;
  /** 16 bytes as lowercase `0x` hex. */
  nonce: string;
  /** The addressed gateway's member address; given, the string is protocol v2 and binds it. */
  audience?: string | undefined;
};

function invalid(message: string): CryptoError {
  return new CryptoError(message, { code: 'CRYPTO_INVALID_ARGUMENT' });
}

/**
 * The string a request signature covers (protocol `medchain-request-v1`):
 * `medchain-request-v1\n{METHOD}\n{path}\n{sha256 hex of body}\n{timestamp}\n{nonce}`, or with an
 * audience (v2) the same with `medchain-request-v2` and a last line, the lowercase audience address.
 * Every field is validated to a single unambiguous spelling so that no two requests share it.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function canonicalRequest({ method, path, body, timestamp, nonce, audience }: CanonicalRequestOptions): string {
  assertString('method', method);
  if (!/^[A-Za-z]{1,16}$/.test(method)) throw invalid('"method" expected 1 to 16 ASCII letters');
  assertString('path', path, { maxLength: 16384 });
  // Visible ASCII only: a request-target never holds spaces or raw non-ASCII (they are
  // percent-encoded), and no line break may forge extra canonical lines.
  if (!/^\/[\x21-\x7e]*$/.test(path)) throw invalid('"path" expected "/" followed by visible ASCII characters');
  let bodyBytes: Uint8Array;
  if (body === undefined) bodyBytes = new Uint8Array(0);
  else if (typeof body === 'string') bodyBytes = utf8ToBytes(body);
  else if (body instanceof Uint8Array) bodyBytes = body;
  else throw invalid('"body" expected Uint8Array, string or undefined');
  assertSafeInteger('timestamp', timestamp, { min: 0 });
  assertString('nonce', nonce);
  if (!REQUEST_NONCE_RE.test(nonce)) throw invalid('"nonce" expected 16 bytes as lowercase 0x hex');
  const bodyHash = bytesToHex(sha256(bodyBytes)).slice(2);
  if (audience === undefined) return ['medchain-request-v1', method.toUpperCase(), path, bodyHash, String(timestamp), nonce].join('\n');
  if (!isAddress(audience)) throw invalid('"audience" expected a 20-byte 0x address');
  return ['medchain-request-v2', method.toUpperCase(), path, bodyHash, String(timestamp), nonce, audience.toLowerCase()].join('\n');
}
