import { assertBigInt } from './assert.ts';
import { modInverse } from './bigint.ts';
import { assertCiphertextRange, type PaillierCiphertext } from './ciphertext.ts';
import { publicContext } from './context.ts';
import { randomizer } from './encrypt.ts';
import { PaillierError } from './errors.ts';
import type { PaillierPublicKey } from './keys.ts';
import { encodePlaintext } from './plaintext.ts';

// Homomorphic operations. None re-randomises its result except `rerandomize`: a product or
// power carries a function of its inputs' randomness, so re-randomise before handing a result
// to anyone who saw the inputs. Operands must be under the same key (not detectable here).

/**
 * E(a) * E(b) = E(a + b mod n).
 * @throws PaillierError `PAILLIER_INVALID_CIPHERTEXT`
 */
export function add(publicKey: PaillierPublicKey, a: PaillierCiphertext, b: PaillierCiphertext): PaillierCiphertext {
  assertCiphertextRange('a', publicKey, a);
  assertCiphertextRange('b', publicKey, b);
  return ((a * b) % publicKey.nSquared) as PaillierCiphertext;
}

/**
 * E(a) * g^k = E(a + k mod n) for a plaintext `k` in [-(n-1)/2, n): one multiplication.
 * @throws PaillierError `PAILLIER_INVALID_CIPHERTEXT`, `PAILLIER_PLAINTEXT_OUT_OF_RANGE`
 */
export function addPlaintext(publicKey: PaillierPublicKey, ciphertext: PaillierCiphertext, k: bigint): PaillierCiphertext {
  assertCiphertextRange('ciphertext', publicKey, ciphertext);
  const m = encodePlaintext(publicKey, k, 'k');
  return ((ciphertext * (1n + m * publicKey.n)) % publicKey.nSquared) as PaillierCiphertext;
}

/**
 * E(a)^k = E(k * a mod n) for a scalar `k` with |k| < n. A negative k inverts the ciphertext
 * (extended Euclid, cheaper than raising to n - |k|) and raises to |k|.
 * @throws PaillierError `PAILLIER_INVALID_CIPHERTEXT`, `PAILLIER_PLAINTEXT_OUT_OF_RANGE`
 */
export function multiplyScalar(publicKey: PaillierPublicKey, ciphertext: PaillierCiphertext, k: bigint): PaillierCiphertext {
  assertCiphertextRange('ciphertext', publicKey, ciphertext);
  assertBigInt('k', k);
  if (k >= publicKey.n || -k >= publicKey.n) {
    throw new PaillierError('"k" must satisfy |k| < n', { code: 'PAILLIER_PLAINTEXT_OUT_OF_RANGE' });
  }
  let base: bigint = ciphertext;
  if (k < 0n) {
    const inverse = modInverse(ciphertext, publicKey.nSquared);
    if (inverse === undefined) {
      throw new PaillierError('"ciphertext" is not in Z*_{n^2} (shares a factor with n)', { code: 'PAILLIER_INVALID_CIPHERTEXT' });
    }
    base = inverse;
  }
  return publicContext(publicKey).nSquared.pow(base, k < 0n ? -k : k) as PaillierCiphertext;
}

/**
 * A fresh ciphertext of the same plaintext: c * hs^alpha mod n^2 (see `encrypt`). Unlinkable to
 * c for anyone without the private key.
 * @throws PaillierError `PAILLIER_INVALID_CIPHERTEXT`
 */
export function rerandomize(publicKey: PaillierPublicKey, ciphertext: PaillierCiphertext): PaillierCiphertext {
  assertCiphertextRange('ciphertext', publicKey, ciphertext);
  return ((ciphertext * randomizer(publicKey)) % publicKey.nSquared) as PaillierCiphertext;
}
