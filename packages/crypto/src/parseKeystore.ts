import { hexToBytes } from './bytes.ts';
import type { KeystoreKdf } from './deriveKeystoreKey.ts';
import { CryptoError } from './errors.ts';
import { KEYSTORE_LIMITS } from './keystoreTypes.ts';

/** A structurally valid v3 keystore, hex fields decoded. */
export type ParsedKeystore = {
  kdf: KeystoreKdf;
  iv: Uint8Array;
  ciphertext: Uint8Array;
  mac: Uint8Array;
  /** Lowercase hex without `0x`, when the keystore states one. */
  address: string | undefined;
};

type Json = Record<string, unknown>;

function bad(field: string, problem: string): CryptoError {
  return new CryptoError(`"${field}" ${problem}`, { code: 'CRYPTO_BAD_KEYSTORE' });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function object(parent: Json, key: string, field: string): Json {
  const value = parent[key];
  if (!isObject(value)) throw bad(field, 'expected an object');
  return value;
}

// Hex in keystores has no 0x in the spec; some writers add one, which we tolerate.
function hex(parent: Json, key: string, field: string, length: { min: number; max: number }): Uint8Array {
  const value = parent[key];
  if (typeof value !== 'string') throw bad(field, 'expected a hex string');
  const digits = value.startsWith('0x') ? value.slice(2) : value;
  if (!/^(?:[0-9a-fA-F]{2})*$/.test(digits)) throw bad(field, 'expected hex of whole bytes');
  const bytes = digits.length / 2;
  if (bytes < length.min || bytes > length.max) {
    const expected = length.min === length.max ? `${length.min}` : `${length.min} to ${length.max}`;
    throw bad(field, `expected ${expected} bytes, got ${bytes}`);
  }
  return hexToBytes(`0x${digits}`);
}

function integer(parent: Json, key: string, field: string, min: number, max: number): number {
  const value = parent[key];
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max) {
    throw bad(field, `expected an integer in [${min}, ${max}]`);
  }
  return value;
}

const SALT = { min: 1, max: KEYSTORE_LIMITS.saltMaxBytes };

function parseKdf(crypto: Json): KeystoreKdf {
  const params = object(crypto, 'kdfparams', 'crypto.kdfparams');
  if (params.dklen !== 32) throw bad('crypto.kdfparams.dklen', 'expected 32');
  const salt = hex(params, 'salt', 'crypto.kdfparams.salt', SALT);
  if (crypto.kdf === 'pbkdf2') {
    if (params.prf !== 'hmac-sha256') throw bad('crypto.kdfparams.prf', 'expected "hmac-sha256"');
    const c = integer(params, 'c', 'crypto.kdfparams.c', 1, KEYSTORE_LIMITS.pbkdf2MaxIterations);
    return { kdf: 'pbkdf2', c, salt };
  }
  if (crypto.kdf !== 'scrypt') throw bad('crypto.kdf', 'expected "scrypt" or "pbkdf2"');
  const n = integer(params, 'n', 'crypto.kdfparams.n', 2, KEYSTORE_LIMITS.scryptMaxN);
  if ((n & (n - 1)) !== 0) throw bad('crypto.kdfparams.n', 'expected a power of two');
  const r = integer(params, 'r', 'crypto.kdfparams.r', 1, KEYSTORE_LIMITS.scryptMaxRTimesP);
  const p = integer(params, 'p', 'crypto.kdfparams.p', 1, KEYSTORE_LIMITS.scryptMaxRTimesP);
  if (r * p > KEYSTORE_LIMITS.scryptMaxRTimesP) {
    throw bad('crypto.kdfparams', `expected r * p <= ${KEYSTORE_LIMITS.scryptMaxRTimesP}, got ${r * p}`);
  }
  if (128 * n * r > KEYSTORE_LIMITS.scryptMaxMemoryBytes) {
    throw bad('crypto.kdfparams', `expected 128 * n * r <= ${KEYSTORE_LIMITS.scryptMaxMemoryBytes} bytes of memory`);
  }
  if (n * r * p > KEYSTORE_LIMITS.scryptMaxCost) {
    throw bad('crypto.kdfparams', `expected n * r * p <= ${KEYSTORE_LIMITS.scryptMaxCost}, got ${n * r * p}`);
  }
  return { kdf: 'scrypt', n, r, p, salt };
}

/**
 * Validates an untrusted v3 keystore (object or JSON text) field by field, bounding every KDF
 * parameter, before any expensive work happens.
 * @throws CryptoError `CRYPTO_BAD_KEYSTORE` naming the first offending field.
 */
export function parseKeystore(keystore: unknown): ParsedKeystore {
  let root: unknown = keystore;
  if (typeof keystore === 'string') {
    try {
      root = JSON.parse(keystore);
    } catch {
      throw bad('keystore', 'is not valid JSON');
    }
  }
  if (!isObject(root)) throw bad('keystore', 'expected an object');
  if (root.version !== 3) throw bad('version', 'expected 3');
  if (root.id !== undefined && typeof root.id !== 'string') throw bad('id', 'expected a string');
  // Some wallets (MyEtherWallet) write "Crypto".
  const crypto = object(root, root.crypto === undefined && isObject(root.Crypto) ? 'Crypto' : 'crypto', 'crypto');
  if (crypto.cipher !== 'aes-128-ctr') throw bad('crypto.cipher', 'expected "aes-128-ctr"');
  const cipherparams = object(crypto, 'cipherparams', 'crypto.cipherparams');
  const iv = hex(cipherparams, 'iv', 'crypto.cipherparams.iv', { min: 16, max: 16 });
  const ciphertext = hex(crypto, 'ciphertext', 'crypto.ciphertext', { min: 32, max: 32 });
  const mac = hex(crypto, 'mac', 'crypto.mac', { min: 32, max: 32 });
  const kdf = parseKdf(crypto);
  let address: string | undefined;
  if (root.address !== undefined) {
    if (typeof root.address !== 'string' || !/^(?:0x)?[0-9a-fA-F]{40}$/.test(root.address)) {
      throw bad('address', 'expected 20-byte hex');
    }
    address = root.address.replace(/^0x/, '').toLowerCase();
  }
  return { kdf, iv, ciphertext, mac, address };
}
