import { secp256k1 } from '@noble/curves/secp256k1.js';
import { AES_GCM, decryptAesGcm, encryptAesGcm } from './aesGcm.ts';
import { assertBytes, assertSafeInteger } from './assert.ts';
import { bytesToHex, concatBytes } from './bytes.ts';
import { ECIES } from './ecies.ts';
import { deriveEciesKey } from './eciesKdf.ts';
import { CryptoError } from './errors.ts';
import { type PrivateKey, toPrivateKeyBytes } from './toPrivateKeyBytes.ts';
import { isValidPublicKeyBytes, type PublicKey, toPublicKeyBytes } from './toPublicKeyBytes.ts';

// ECIES sessions: one ECDH per ephemeral key instead of one per message. A secp256k1 ECDH costs
// ~1-3 ms in pure JS on this hardware, and importing records wraps two data keys per resource,
// so per-message ECDH caps an import near 300 resources/s. The payloads are ordinary ECIES
// payloads (eciesDecrypt opens them); a session only reuses one ephemeral key for up to
// `maxUses` messages to one recipient, each with a fresh random GCM nonce, far below GCM's
// 2^32 random-nonce bound. What a reused ephemeral key reveals: that the payloads sharing it
// were made by the same sender session, which the holder of the wrapped keys knows anyway.

/** Options of {@link createEciesSender}. */
export type CreateEciesSenderOptions = {
  recipientPublicKey: PublicKey;
  /** Messages per ephemeral key before a new one is drawn (default 65,536). */
  maxUses?: number | undefined;
};

/** Encrypts many messages to one recipient; see {@link createEciesSender}. */
export type EciesSender = {
  /** The recipient's 33-byte compressed public key. */
  readonly recipientPublicKey: Uint8Array;
  /** Same output format as `eciesEncrypt`. @throws CryptoError `CRYPTO_INVALID_ARGUMENT` */
  encrypt(plaintext: Uint8Array, aad?: Uint8Array): Uint8Array;
};

/**
 * Creates an ECIES sender to one recipient that reuses its ephemeral key (and the derived AES
 * key) for up to `maxUses` messages.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function createEciesSender({ recipientPublicKey, maxUses = 65_536 }: CreateEciesSenderOptions): EciesSender {
  const recipient = toPublicKeyBytes(recipientPublicKey, 'recipientPublicKey');
  assertSafeInteger('maxUses', maxUses, { min: 1, max: 2 ** 24 });
  let ephemeralPublicKey: Uint8Array = new Uint8Array(0);
  let key: Uint8Array = new Uint8Array(0);
  let uses = maxUses;
  const refresh = () => {
    const ephemeral = secp256k1.utils.randomSecretKey();
    ephemeralPublicKey = secp256k1.getPublicKey(ephemeral, true);
    key.fill(0);
    key = deriveEciesKey(ephemeral, recipient, concatBytes(ephemeralPublicKey, recipient));
    ephemeral.fill(0);
    uses = 0;
  };
  return {
    recipientPublicKey: recipient,
    encrypt(plaintext, aad) {
      assertBytes('plaintext', plaintext);
      if (aad !== undefined) assertBytes('aad', aad);
      if (uses >= maxUses) refresh();
      uses += 1;
      const sealed = encryptAesGcm({ key, plaintext, aad });
      return concatBytes(ephemeralPublicKey, sealed.nonce, sealed.ciphertext);
    },
  };
}

/** Options of {@link createEciesReceiver}. */
export type CreateEciesReceiverOptions = {
  privateKey: PrivateKey;
  /** Derived keys kept, one per ephemeral key seen (default 4,096). */
  cacheSize?: number | undefined;
};

/** Decrypts ECIES payloads for one private key; see {@link createEciesReceiver}. */
export type EciesReceiver = {
  /** The receiver's 33-byte compressed public key. */
  readonly publicKey: Uint8Array;
  /**
   * Same contract as `eciesDecrypt`.
   * @throws CryptoError `CRYPTO_DECRYPTION_FAILED`, `CRYPTO_INVALID_ARGUMENT`
   */
  decrypt(payload: Uint8Array, aad?: Uint8Array): Uint8Array;
  /** Wipes every cached key; the receiver stays usable. */
  clear(): void;
};

/**
 * Creates an ECIES receiver that caches the key derived from each ephemeral public key, so the
 * payloads of one sender session cost one ECDH in all. The cache holds secrets: it lives as long
 * as the private key it came from is in memory anyway.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`, `CRYPTO_INVALID_ARGUMENT`
 */
export function createEciesReceiver({ privateKey, cacheSize = 4096 }: CreateEciesReceiverOptions): EciesReceiver {
  const secret = toPrivateKeyBytes(privateKey);
  assertSafeInteger('cacheSize', cacheSize, { min: 1, max: 1 << 20 });
  const publicKey = secp256k1.getPublicKey(secret, true);
  const keys = new Map<string, Uint8Array>();
  const keyFor = (ephemeralPublicKey: Uint8Array): Uint8Array => {
    const id = bytesToHex(ephemeralPublicKey);
    const cached = keys.get(id);
    if (cached !== undefined) return cached;
    // Validated once per ephemeral key: decompressing a point costs a modular square root.
    if (!isValidPublicKeyBytes(ephemeralPublicKey)) {
      throw new CryptoError('ECIES decryption failed: invalid ephemeral public key', { code: 'CRYPTO_DECRYPTION_FAILED' });
    }
    const key = deriveEciesKey(secret, ephemeralPublicKey, concatBytes(ephemeralPublicKey, publicKey));
    if (keys.size >= cacheSize) {
      // Insertion order: the oldest session goes first.
      const [oldest, oldKey] = keys.entries().next().value as [string, Uint8Array];
      oldKey.fill(0);
      keys.delete(oldest);
    }
    keys.set(id, key);
    return key;
  };
  return {
    publicKey,
    decrypt(payload, aad) {
      assertBytes('payload', payload);
      if (aad !== undefined) assertBytes('aad', aad);
      if (payload.length < ECIES.overheadBytes) {
        throw new CryptoError(`"payload" expected at least ${ECIES.overheadBytes} bytes, got ${payload.length}`, {
          code: 'CRYPTO_INVALID_ARGUMENT',
        });
      }
      const ephemeralPublicKey = payload.subarray(0, ECIES.publicKeyBytes);
      return decryptAesGcm({
        key: keyFor(ephemeralPublicKey),
        nonce: payload.subarray(ECIES.publicKeyBytes, ECIES.publicKeyBytes + AES_GCM.nonceBytes),
        ciphertext: payload.subarray(ECIES.publicKeyBytes + AES_GCM.nonceBytes),
        aad,
      });
    },
    clear() {
      for (const key of keys.values()) key.fill(0);
      keys.clear();
    },
  };
}
