/**
 * Every error code this package throws, with its meaning. Codes are stable: callers and
 * `docs/errors.md` key on them, so a code is never renamed or reused for another meaning.
 */
export const PaillierErrorCodes = {
  PAILLIER_INVALID_ARGUMENT: 'An argument has the wrong type or range; the message names it.',
  PAILLIER_PLAINTEXT_OUT_OF_RANGE: 'A plaintext or scalar lies outside what the key can encode without wrapping modulo n.',
  PAILLIER_UNSUPPORTED_KEY_SIZE: 'A modulus is not one of the supported sizes (2048 or 3072 bits).',
  PAILLIER_INVALID_KEY: 'A key is inconsistent: primes not prime, of different sizes, p*q != n, or gcd(n, phi) != 1.',
  PAILLIER_INVALID_CIPHERTEXT: 'A ciphertext is not an element of Z*_{n^2}, or has the wrong length.',
  PAILLIER_KEY_MISMATCH: 'A serialized ciphertext was made under another public key (fingerprint differs).',
  PAILLIER_BAD_ENCODING: 'A serialized key or ciphertext is malformed: wrong shape, kind, version or hex.',
  PAILLIER_RANGE_WRAP: 'Range-classification bounds are too wide for lambda and n: blinded values could wrap modulo n.',
  PAILLIER_CLASSIFICATION_OUT_OF_BOUNDS: 'A decrypted range query exceeds what an honest holder can produce within the bounds.',
} as const;

/** A stable error code of `@medchain/paillier`. */
export type PaillierErrorCode = keyof typeof PaillierErrorCodes;

/** Options of {@link PaillierError}. */
export type PaillierErrorOptions = {
  code: PaillierErrorCode;
  /** Extra, non-secret context appended to `message`. */
  details?: string | undefined;
  cause?: unknown;
};

/**
 * The one error class of `@medchain/paillier` (viem `BaseError` style). `shortMessage` is one
 * line naming the offending argument or field; messages never carry plaintexts, primes or other
 * secrets, only sizes and ranges.
 */
export class PaillierError extends Error {
  override name = 'PaillierError';
  readonly code: PaillierErrorCode;
  readonly shortMessage: string;
  readonly details: string | undefined;

  constructor(shortMessage: string, options: PaillierErrorOptions) {
    const message = options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage;
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = options.code;
    this.shortMessage = shortMessage;
    this.details = options.details;
  }
}
