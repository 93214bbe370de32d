import { pbkdf2, type ScryptOptions, scrypt } from 'node:crypto';
import { promisify } from 'node:util';
import { scryptAsync } from '@noble/hashes/scrypt.js';
import { utf8ToBytes } from './bytes.ts';

const pbkdf2Node = promisify(pbkdf2);

function scryptNode(password: Uint8Array, salt: Uint8Array, options: ScryptOptions): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, 32, options, (error, key) => (error ? reject(error) : resolve(new Uint8Array(key))));
  });
}

/** Validated KDF parameters of a keystore, salt decoded. */
export type KeystoreKdf =
  | { kdf: 'scrypt'; n: number; r: number; p: number; salt: Uint8Array }
  | { kdf: 'pbkdf2'; c: number; salt: Uint8Array };

/**
 * Derives the 32-byte keystore key from a passphrase (UTF-8, unnormalized, as geth does).
 * Parameters must already be within `KEYSTORE_LIMITS`: this function does not re-check them.
 */
export async function deriveKeystoreKey(passphrase: string, params: KeystoreKdf): Promise<Uint8Array> {
  const password = utf8ToBytes(passphrase);
  if (params.kdf === 'pbkdf2') {
    return new Uint8Array(await pbkdf2Node(password, params.salt, params.c, 32, 'sha256'));
  }
  const { n, r, p, salt } = params;
  // OpenSSL (behind node:crypto) enforces RFC 7914's N < 2^(16r), which geth and ethers do not,
  // so keystores with r = 1 and N >= 2^16 (the spec's own test vector) need the JS fallback.
  if (n >= 2 ** (16 * r)) return scryptAsync(password, salt, { N: n, r, p, dkLen: 32, maxmem: 2 ** 31 });
  // OpenSSL counts 128 * r * (N + p + 2) bytes against maxmem.
  const maxmem = 128 * r * (n + p + 2) + 1024 * 1024;
  return scryptNode(password, salt, { N: n, r, p, maxmem });
}
