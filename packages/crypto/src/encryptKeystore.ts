import { randomBytes, randomUUID } from 'node:crypto';
import { assertBytes, assertSafeInteger, assertString } from './assert.ts';
import { bytesToHex } from './bytes.ts';
import { deriveKeystoreKey } from './deriveKeystoreKey.ts';
import { CryptoError } from './errors.ts';
import { keystoreAes128Ctr, keystoreMac } from './keystoreCipher.ts';
import { KEYSTORE_DEFAULT_SCRYPT, KEYSTORE_LIMITS, type Keystore } from './keystoreTypes.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import { type PrivateKey, toPrivateKeyBytes } from './toPrivateKeyBytes.ts';

/** Options of {@link encryptKeystore}. */
export type EncryptKeystoreOptions = {
  privateKey: PrivateKey;
  /** UTF-8 encoded as is (no Unicode normalization), like geth. Must not be empty. */
  passphrase: string;
  /** scrypt cost, a power of two in [2, 2^20]; default 2^17. Lower it only in tests. */
  scryptN?: number;
  /** scrypt block size; default 8. */
  scryptR?: number;
  /** scrypt parallelism; default 1. */
  scryptP?: number;
  /** Fixed KDF salt (default: 32 random bytes). For reproducing test vectors only. */
  salt?: Uint8Array;
  /** Fixed AES-CTR IV (default: 16 random bytes). For reproducing test vectors only. */
  iv?: Uint8Array;
  /** Fixed keystore id (default: random UUID v4). */
  id?: string;
};

/**
 * Encrypts a private key into a Web3 Secret Storage v3 keystore (scrypt + AES-128-CTR +
 * keccak256 MAC) that geth, ethers and wallets can import.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`, `CRYPTO_INVALID_ARGUMENT`
 */
export async function encryptKeystore(options: EncryptKeystoreOptions): Promise<Keystore> {
  const {
    passphrase,
    scryptN = KEYSTORE_DEFAULT_SCRYPT.n,
    scryptR = KEYSTORE_DEFAULT_SCRYPT.r,
    scryptP = KEYSTORE_DEFAULT_SCRYPT.p,
    id = randomUUID(),
  } = options;
  const key = toPrivateKeyBytes(options.privateKey);
  assertString('passphrase', passphrase, { nonEmpty: true });
  assertSafeInteger('scryptN', scryptN, { min: 2, max: KEYSTORE_LIMITS.scryptMaxN });
  if ((scryptN & (scryptN - 1)) !== 0) {
    throw new CryptoError('"scryptN" expected a power of two', { code: 'CRYPTO_INVALID_ARGUMENT' });
  }
  assertSafeInteger('scryptR', scryptR, { min: 1, max: KEYSTORE_LIMITS.scryptMaxRTimesP });
  assertSafeInteger('scryptP', scryptP, { min: 1, max: Math.floor(KEYSTORE_LIMITS.scryptMaxRTimesP / scryptR) });
  assertSafeInteger('scryptN * scryptR', scryptN * scryptR, { max: KEYSTORE_LIMITS.scryptMaxMemoryBytes / 128 });
  assertSafeInteger('scryptN * scryptR * scryptP', scryptN * scryptR * scryptP, { max: KEYSTORE_LIMITS.scryptMaxCost });
  const salt = options.salt ?? randomBytes(32);
  assertBytes('salt', salt);
  if (salt.length < 1 || salt.length > KEYSTORE_LIMITS.saltMaxBytes) {
    throw new CryptoError(`"salt" expected 1 to ${KEYSTORE_LIMITS.saltMaxBytes} bytes, got ${salt.length}`, {
      code: 'CRYPTO_INVALID_ARGUMENT',
    });
  }
  const iv = options.iv ?? randomBytes(16);
  assertBytes('iv', iv, 16);
  assertString('id', id, { nonEmpty: true, maxLength: 128 });

  const derivedKey = await deriveKeystoreKey(passphrase, { kdf: 'scrypt', n: scryptN, r: scryptR, p: scryptP, salt });
  const ciphertext = keystoreAes128Ctr(derivedKey, iv, key);
  const mac = keystoreMac(derivedKey, ciphertext);
  const address = privateKeyToAddress(key).slice(2).toLowerCase();
  derivedKey.fill(0);
  key.fill(0);
  const hex = (bytes: Uint8Array) => bytesToHex(bytes).slice(2);
  return {
    address,
    crypto: {
      cipher: 'aes-128-ctr',
      cipherparams: { iv: hex(iv) },
      ciphertext: hex(ciphertext),
      kdf: 'scrypt',
      kdfparams: { dklen: 32, n: scryptN, p: scryptP, r: scryptR, salt: hex(salt) },
      mac: hex(mac),
    },
    id,
    version: 3,
  };
}
