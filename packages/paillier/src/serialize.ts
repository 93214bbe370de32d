import { describeType } from './assert.ts';
import { byteLength, gcd } from './bigint.ts';
import type { PaillierCiphertext } from './ciphertext.ts';
import { keyFingerprint } from './context.ts';
import { PaillierError } from './errors.ts';
import { type PaillierKeyPair, type PaillierPrivateKey, type PaillierPublicKey, keyPairFromPrimes, publicKeyFromModulus } from './keys.ts';

// JSON-safe, versioned, canonical forms: one string per value, so a content-addressed blob of
// ciphertexts hashes the same wherever it is made. Integers are lowercase hex: "0x" and no
// leading zeros in keys; ciphertexts fixed-width (the byte length of n^2) behind a tag naming
// the format version and the key's fingerprint, so a ciphertext pasted under the wrong key is
// refused before any arithmetic.

/** Version written in every serialized key and ciphertext. */
export const PAILLIER_SERIALIZATION_VERSION = 1;

/** A public key as JSON. */
export type SerializedPaillierPublicKey = { kind: 'paillier-public-key'; version: 1; n: string };
/** A private key as JSON: the primes, with n to check them against. Secret: store encrypted. */
export type SerializedPaillierPrivateKey = { kind: 'paillier-private-key'; version: 1; n: string; p: string; q: string };

const CIPHERTEXT_PREFIX = 'paillier-ct-v1';
const CANONICAL_HEX = /^0x(0|[1-9a-f][0-9a-f]*)$/;

function badEncoding(message: string): PaillierError {
  return new PaillierError(message, { code: 'PAILLIER_BAD_ENCODING' });
}

function hex(value: bigint): string {
  return `0x${value.toString(16)}`;
}

function parseHex(name: string, value: unknown): bigint {
  if (typeof value !== 'string') throw badEncoding(`"${name}" expected a hex string, got ${describeType(value)}`);
  if (value.length > 2 + 2048 || !CANONICAL_HEX.test(value)) throw badEncoding(`"${name}" expected canonical lowercase 0x-hex`);
  return BigInt(value);
}

function parseEnvelope(value: unknown, kind: string, fields: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badEncoding(`expected a ${kind} object, got ${describeType(value)}`);
  }
  const record = value as Record<string, unknown>;
  if (record.kind !== kind) throw badEncoding(`"kind" expected "${kind}"`);
  if (record.version !== PAILLIER_SERIALIZATION_VERSION) {
    throw badEncoding(`"version" expected ${PAILLIER_SERIALIZATION_VERSION}, got ${String(record.version)}`);
  }
  const extra = Object.keys(record).filter((key) => key !== 'kind' && key !== 'version' && !fields.includes(key));
  if (extra.length > 0) throw badEncoding(`unexpected field "${extra[0]}" in ${kind}`);
  return record;
}

/** The JSON form of a public key. */
export function serializePublicKey(publicKey: PaillierPublicKey): SerializedPaillierPublicKey {
  return { kind: 'paillier-public-key', version: 1, n: hex(publicKey.n) };
}

/**
 * Parses and checks a public key (2048 or 3072-bit odd n without small factors).
 * @throws PaillierError `PAILLIER_BAD_ENCODING`, `PAILLIER_UNSUPPORTED_KEY_SIZE`, `PAILLIER_INVALID_KEY`
 */
export function parsePublicKey(value: unknown): PaillierPublicKey {
  const record = parseEnvelope(value, 'paillier-public-key', ['n']);
  return publicKeyFromModulus(parseHex('n', record.n));
}

/** The JSON form of a private key (contains the primes). */
export function serializePrivateKey(privateKey: PaillierPrivateKey): SerializedPaillierPrivateKey {
  return { kind: 'paillier-private-key', version: 1, n: hex(privateKey.publicKey.n), p: hex(privateKey.p), q: hex(privateKey.q) };
}

/**
 * Parses and checks a private key: p and q prime, of one size, p*q = n, gcd(n, phi) = 1.
 * @throws PaillierError `PAILLIER_BAD_ENCODING`, `PAILLIER_UNSUPPORTED_KEY_SIZE`, `PAILLIER_INVALID_KEY`
 */
export function parsePrivateKey(value: unknown): PaillierKeyPair {
  const record = parseEnvelope(value, 'paillier-private-key', ['n', 'p', 'q']);
  const n = parseHex('n', record.n);
  const pair = keyPairFromPrimes(parseHex('p', record.p), parseHex('q', record.q));
  if (pair.publicKey.n !== n) throw new PaillierError('"n" does not equal p*q', { code: 'PAILLIER_INVALID_KEY' });
  return pair;
}

function ciphertextHexLength(publicKey: PaillierPublicKey): number {
  return 2 * byteLength(publicKey.nSquared);
}

/** The string form of a ciphertext: `paillier-ct-v1:<key fingerprint>:<fixed-width hex>`. */
export function serializeCiphertext(publicKey: PaillierPublicKey, ciphertext: PaillierCiphertext): string {
  const body = ciphertext.toString(16).padStart(ciphertextHexLength(publicKey), '0');
  return `${CIPHERTEXT_PREFIX}:${keyFingerprint(publicKey)}:${body}`;
}

/**
 * Parses a ciphertext made under `publicKey` and checks it is in Z*_{n^2}.
 * @throws PaillierError `PAILLIER_BAD_ENCODING`, `PAILLIER_KEY_MISMATCH`, `PAILLIER_INVALID_CIPHERTEXT`
 */
export function parseCiphertext(publicKey: PaillierPublicKey, value: unknown): PaillierCiphertext {
  if (typeof value !== 'string') throw badEncoding(`ciphertext expected a string, got ${describeType(value)}`);
  const parts = value.split(':');
  if (parts.length !== 3 || parts[0] !== CIPHERTEXT_PREFIX) throw badEncoding(`ciphertext expected "${CIPHERTEXT_PREFIX}:<fingerprint>:<hex>"`);
  const [, fingerprint, body] = parts as [string, string, string];
  if (fingerprint !== keyFingerprint(publicKey)) {
    throw new PaillierError('ciphertext was made under another public key (fingerprint differs)', { code: 'PAILLIER_KEY_MISMATCH' });
  }
  const expected = ciphertextHexLength(publicKey);
  if (body.length !== expected) {
    throw new PaillierError(`ciphertext expected ${expected} hex digits, got ${body.length}`, { code: 'PAILLIER_INVALID_CIPHERTEXT' });
  }
  if (!/^[0-9a-f]+$/.test(body)) throw badEncoding('ciphertext expected lowercase hex digits');
  const c = BigInt(`0x${body}`);
  if (c === 0n || c >= publicKey.nSquared) {
    throw new PaillierError('ciphertext must lie in [1, n^2)', { code: 'PAILLIER_INVALID_CIPHERTEXT' });
  }
  if (gcd(publicKey.n, c) !== 1n) {
    throw new PaillierError('ciphertext is not in Z*_{n^2} (shares a factor with n)', { code: 'PAILLIER_INVALID_CIPHERTEXT' });
  }
  return c as PaillierCiphertext;
}
