import { assertBigInt } from './assert.ts';
import { gcd, randomBits } from './bigint.ts';
import type { PaillierCiphertext } from './ciphertext.ts';
import { fixedBase, publicContext } from './context.ts';
import { PaillierError } from './errors.ts';
import type { PaillierPublicKey } from './keys.ts';
import { encodePlaintext } from './plaintext.ts';

/**
 * Bits of the DJN exponent alpha for a modulus of `bits` bits: half the modulus, rounded up.
 * With alpha of |n|/2 bits, h^alpha is indistinguishable from a uniform element of <h> if
 * factoring is hard (Hastad-Schrift-Shamir), so the scheme stays semantically secure under DCR
 * plus factoring: the argument Damgard-Jurik-Nielsen give. Shorter alphas (2 x 128 bits) are
 * 3-4 times faster but rest on a short-exponent assumption; see docs/decisions.md.
 */
export function djnExponentBits(bits: number): number {
  return Math.ceil(bits / 2);
}

/**
 * A fresh randomiser hs^alpha mod n^2 (an n-th residue): one OpenSSL exponentiation with a
 * |n|/2-bit exponent, where textbook r^n mod n^2 needs an |n|-bit one.
 */
export function randomizer(publicKey: PaillierPublicKey): bigint {
  const alpha = randomBits(djnExponentBits(publicKey.bits));
  return publicContext(publicKey).nSquared.pow(fixedBase(publicKey), alpha);
}

/**
 * Encrypts `plaintext` (an integer in [-(n-1)/2, n); negative values wrap to n + plaintext)
 * under `publicKey`: c = (1 + m*n) * hs^alpha mod n^2, fresh randomness each call.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_PLAINTEXT_OUT_OF_RANGE`
 */
export function encrypt(publicKey: PaillierPublicKey, plaintext: bigint): PaillierCiphertext {
  const m = encodePlaintext(publicKey, plaintext);
  return (((1n + m * publicKey.n) * randomizer(publicKey)) % publicKey.nSquared) as PaillierCiphertext;
}

/**
 * Textbook encryption with a caller-chosen `nonce` r in Z*_n: c = (1 + m*n) * r^n mod n^2.
 * For published test vectors and interoperability only: a reused or predictable r reveals the
 * plaintext relation between ciphertexts. Prefer {@link encrypt}.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_PLAINTEXT_OUT_OF_RANGE`
 */
export function encryptWithNonce(publicKey: PaillierPublicKey, plaintext: bigint, nonce: bigint): PaillierCiphertext {
  const m = encodePlaintext(publicKey, plaintext);
  assertBigInt('nonce', nonce, 1n);
  if (nonce >= publicKey.n || gcd(nonce, publicKey.n) !== 1n) {
    throw new PaillierError('"nonce" must be in Z*_n', { code: 'PAILLIER_INVALID_ARGUMENT' });
  }
  const rn = publicContext(publicKey).nSquared.pow(nonce, publicKey.n);
  return (((1n + m * publicKey.n) * rn) % publicKey.nSquared) as PaillierCiphertext;
}
