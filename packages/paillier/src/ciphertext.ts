import { describeType } from './assert.ts';
import { gcd } from './bigint.ts';
import { PaillierError } from './errors.ts';
import type { PaillierPublicKey } from './keys.ts';

declare const ciphertextBrand: unique symbol;

/** A Paillier ciphertext: an element of Z*_{n^2} under some public key. */
export type PaillierCiphertext = bigint & { readonly [ciphertextBrand]: true };

function invalidCiphertext(message: string): PaillierError {
  return new PaillierError(message, { code: 'PAILLIER_INVALID_CIPHERTEXT' });
}

/**
 * Cheap check used by every operation: a bigint in [1, n^2). Membership in Z*_{n^2} (coprime
 * to n) costs a gcd and is checked where ciphertexts enter from outside ({@link assertCiphertext},
 * `parseCiphertext`) and, for free, by decryption.
 * @throws PaillierError `PAILLIER_INVALID_CIPHERTEXT`
 */
export function assertCiphertextRange(name: string, publicKey: PaillierPublicKey, value: unknown): asserts value is PaillierCiphertext {
  if (typeof value !== 'bigint') throw invalidCiphertext(`"${name}" expected a bigint ciphertext, got ${describeType(value)}`);
  if (value <= 0n || value >= publicKey.nSquared) throw invalidCiphertext(`"${name}" must lie in [1, n^2)`);
}

/**
 * Asserts `value` is an element of Z*_{n^2}: in [1, n^2) and coprime to n.
 * @throws PaillierError `PAILLIER_INVALID_CIPHERTEXT`
 */
export function assertCiphertext(name: string, publicKey: PaillierPublicKey, value: unknown): asserts value is PaillierCiphertext {
  assertCiphertextRange(name, publicKey, value);
  if (gcd(publicKey.n, value) !== 1n) throw invalidCiphertext(`"${name}" is not in Z*_{n^2} (shares a factor with n)`);
}
