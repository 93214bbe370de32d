import { secp256k1 } from '@noble/curves/secp256k1.js';
import { assertString } from './assert.ts';
import { bytesToHex, equalBytes } from './bytes.ts';
import { deriveKeystoreKey } from './deriveKeystoreKey.ts';
import { CryptoError } from './errors.ts';
import { keystoreAes128Ctr, keystoreMac } from './keystoreCipher.ts';
import type { Keystore } from './keystoreTypes.ts';
import { parseKeystore } from './parseKeystore.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import type { Hex } from './types.ts';

/** Options of {@link decryptKeystore}. */
export type DecryptKeystoreOptions = {
  /** A v3 keystore, as an object or its JSON text; treated as untrusted input. */
  keystore: Keystore | string;
  passphrase: string;
};

/**
 * Decrypts a Web3 Secret Storage v3 keystore (scrypt or PBKDF2-HMAC-SHA256) and returns the
 * private key. The keystore is fully validated, KDF costs bounded, before deriving anything.
 * @throws CryptoError `CRYPTO_BAD_KEYSTORE` (malformed; names the field), `CRYPTO_BAD_PASSPHRASE`
 *   (MAC mismatch, compared in constant time), `CRYPTO_INVALID_ARGUMENT`
 */
export async function decryptKeystore({ keystore, passphrase }: DecryptKeystoreOptions): Promise<Hex> {
  assertString('passphrase', passphrase);
  const parsed = parseKeystore(keystore);
  const derivedKey = await deriveKeystoreKey(passphrase, parsed.kdf);
  const macMatches = equalBytes(keystoreMac(derivedKey, parsed.ciphertext), parsed.mac);
  if (!macMatches) {
    derivedKey.fill(0);
    throw new CryptoError('Keystore MAC mismatch: wrong passphrase', { code: 'CRYPTO_BAD_PASSPHRASE' });
  }
  const key = keystoreAes128Ctr(derivedKey, parsed.iv, parsed.ciphertext);
  derivedKey.fill(0);
  if (!secp256k1.utils.isValidSecretKey(key)) {
    key.fill(0);
    throw new CryptoError('"crypto.ciphertext" does not decrypt to a valid secp256k1 private key', {
      code: 'CRYPTO_BAD_KEYSTORE',
    });
  }
  if (parsed.address !== undefined && privateKeyToAddress(key).slice(2).toLowerCase() !== parsed.address) {
    key.fill(0);
    throw new CryptoError('"address" does not match the decrypted private key', { code: 'CRYPTO_BAD_KEYSTORE' });
  }
  const privateKey = bytesToHex(key);
  key.fill(0);
  return privateKey;
}
