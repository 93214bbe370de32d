/**
 * Every error code this package throws, with its meaning. Codes are stable: callers and
 * `docs/errors.md` key on them, so a code is never renamed or reused for another meaning.
 */
export const CryptoErrorCodes = {
  CRYPTO_INVALID_ARGUMENT: 'An argument has the wrong type, length, range or format.',
  CRYPTO_INVALID_PRIVATE_KEY: 'A private key is not 32 bytes or not a valid secp256k1 scalar.',
  CRYPTO_BAD_PASSPHRASE: 'The keystore MAC does not match: wrong passphrase (or a tampered keystore).',
  CRYPTO_BAD_KEYSTORE: 'A keystore is malformed or unsupported; the message names the field.',
  CRYPTO_MISSING_SIGNATURE_HEADER: 'A signed request lacks one of the x-medchain-* headers; the message names it.',
  CRYPTO_BAD_SIGNATURE: 'A signature or signed header is malformed, high-s, or not from the claimed signer.',
  CRYPTO_STALE_REQUEST: 'A signed request timestamp is outside the accepted clock-skew window.',
  CRYPTO_REPLAYED_REQUEST: 'A (signer, nonce) pair was already seen within the nonce cache TTL.',
  CRYPTO_NONCE_CACHE_FULL: 'The nonce cache holds maxEntries unexpired nonces and refuses new ones.',
  CRYPTO_DECRYPTION_FAILED: 'AEAD authentication failed: wrong key, wrong aad, or tampered nonce/ciphertext/tag.',
  CRYPTO_HASH_MISMATCH: 'The SHA-256 of a ciphertext differs from the expected content address.',
} as const;

/** A stable error code of `@medchain/crypto`. */
export type CryptoErrorCode = keyof typeof CryptoErrorCodes;

/** Options of {@link CryptoError}. */
export type CryptoErrorOptions = {
  code: CryptoErrorCode;
  /** Extra, non-secret context appended to `message`. */
  details?: string | undefined;
  cause?: unknown;
};

/**
 * The one error class of `@medchain/crypto` (viem `BaseError` style). `shortMessage` is one
 * line naming the offending argument or field; messages never contain secrets (private keys,
 * passphrases, derived keys, plaintexts).
 */
export class CryptoError extends Error {
  override name = 'CryptoError';
  readonly code: CryptoErrorCode;
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: CryptoErrorOptions) {
    const message = options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage;
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.shortMessage = shortMessage;
    this.details = options.details;
  }
}
