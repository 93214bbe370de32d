import { assertBigInt } from './assert.ts';
import { PaillierError } from './errors.ts';
import type { PaillierPublicKey } from './keys.ts';

/** Largest magnitude a signed plaintext may have: (n - 1) / 2 (n is odd). */
export function maxSignedPlaintext(publicKey: PaillierPublicKey): bigint {
  return (publicKey.n - 1n) / 2n;
}

/**
 * The residue mod n that encodes `plaintext`: values in [0, n) as they are, negative values
 * down to -(n-1)/2 as n + plaintext (so they decode back through {@link toSigned}).
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_PLAINTEXT_OUT_OF_RANGE`
 */
export function encodePlaintext(publicKey: PaillierPublicKey, plaintext: bigint, name = 'plaintext'): bigint {
  assertBigInt(name, plaintext);
  if (plaintext >= publicKey.n || plaintext < -maxSignedPlaintext(publicKey)) {
    throw new PaillierError(`"${name}" must lie in [-(n-1)/2, n) for a ${publicKey.bits}-bit n`, {
      code: 'PAILLIER_PLAINTEXT_OUT_OF_RANGE',
    });
  }
  return plaintext < 0n ? plaintext + publicKey.n : plaintext;
}

/**
 * Reads a residue in [0, n) as a signed integer: residues above n/2 are negative (residue - n).
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`
 */
export function toSigned(publicKey: PaillierPublicKey, residue: bigint): bigint {
  assertBigInt('residue', residue, 0n);
  if (residue >= publicKey.n) throw new PaillierError('"residue" must lie in [0, n)', { code: 'PAILLIER_INVALID_ARGUMENT' });
  return residue > maxSignedPlaintext(publicKey) ? residue - publicKey.n : residue;
}
