import { checkPrimeSync } from 'node:crypto';
import { assertBigInt } from './assert.ts';
import { bitLength, gcd, modInverse } from './bigint.ts';
import { PaillierError } from './errors.ts';

declare const publicKeyBrand: unique symbol;
declare const privateKeyBrand: unique symbol;

/** Modulus sizes this package generates and accepts from outside: 2048 (default) and 3072 bits. */
export const PAILLIER_KEY_BITS = [2048, 3072] as const;
/** A supported modulus size. */
export type PaillierKeyBits = (typeof PAILLIER_KEY_BITS)[number];

/**
 * A Paillier public key with g = n + 1 (so g^m = 1 + m*n mod n^2, no exponentiation). Made only
 * by this package's functions, which check it; its derived values are cached per key object.
 */
export type PaillierPublicKey = {
  /** The modulus n = p*q. */
  readonly n: bigint;
  /** n^2, the ciphertext modulus. */
  readonly nSquared: bigint;
  /** Bit length of n. */
  readonly bits: number;
  readonly [publicKeyBrand]: true;
};

/** A Paillier private key: the factorisation of n (CRT decryption values are derived and cached). */
export type PaillierPrivateKey = {
  readonly publicKey: PaillierPublicKey;
  readonly p: bigint;
  readonly q: bigint;
  readonly [privateKeyBrand]: true;
};

/** A public key with its private key. */
export type PaillierKeyPair = { publicKey: PaillierPublicKey; privateKey: PaillierPrivateKey };

/** Options of the key constructors. */
export type PaillierKeyOptions = {
  /**
   * Accept a modulus of any size. Only for published test vectors and fast property tests:
   * keys below 2048 bits are breakable.
   */
  unsafeAllowAnySize?: boolean | undefined;
};

// Product of the odd primes below 200: a modulus sharing one of them is certainly malformed.
const SMALL_PRIMES_PRODUCT = [3n, 5n, 7n, 11n, 13n, 17n, 19n, 23n, 29n, 31n, 37n, 41n, 43n, 47n, 53n, 59n, 61n, 67n, 71n, 73n, 79n, 83n, 89n, 97n, 101n, 103n, 107n, 109n, 113n, 127n, 131n, 137n, 139n, 149n, 151n, 157n, 163n, 167n, 173n, 179n, 181n, 191n, 193n, 197n, 199n].reduce((a, b) => a * b);

function invalidKey(message: string): PaillierError {
  return new PaillierError(message, { code: 'PAILLIER_INVALID_KEY' });
}

/**
 * The public key of modulus `n` (g = n + 1). Checks the size policy and what can be checked
 * without the factors: n odd and free of small prime factors.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_UNSUPPORTED_KEY_SIZE`, `PAILLIER_INVALID_KEY`
 */
export function publicKeyFromModulus(n: bigint, { unsafeAllowAnySize = false }: PaillierKeyOptions = {}): PaillierPublicKey {
  assertBigInt('n', n, 2n);
  const bits = bitLength(n);
  if (!unsafeAllowAnySize && !(PAILLIER_KEY_BITS as readonly number[]).includes(bits)) {
    throw new PaillierError(`"n" expected ${PAILLIER_KEY_BITS.join(' or ')} bits, got ${bits}`, {
      code: 'PAILLIER_UNSUPPORTED_KEY_SIZE',
    });
  }
  if ((n & 1n) === 0n) throw invalidKey('"n" must be odd');
  if (bits > 16 && gcd(n, SMALL_PRIMES_PRODUCT) !== 1n) throw invalidKey('"n" has a small prime factor');
  return Object.freeze({ n, nSquared: n * n, bits }) as PaillierPublicKey;
}

/**
 * The key pair of primes `p` and `q`: distinct primes of equal bit length with
 * gcd(pq, (p-1)(q-1)) = 1, which is what makes g = n + 1 a valid generator.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_UNSUPPORTED_KEY_SIZE`, `PAILLIER_INVALID_KEY`
 */
export function keyPairFromPrimes(p: bigint, q: bigint, options: PaillierKeyOptions = {}): PaillierKeyPair {
  assertBigInt('p', p, 3n);
  assertBigInt('q', q, 3n);
  if (p === q) throw invalidKey('"p" and "q" must differ');
  if (bitLength(p) !== bitLength(q)) throw invalidKey(`"p" and "q" must have the same size, got ${bitLength(p)} and ${bitLength(q)} bits`);
  const n = p * q;
  const publicKey = publicKeyFromModulus(n, options);
  if (!checkPrimeSync(p, { checks: 32 })) throw invalidKey('"p" is not prime');
  if (!checkPrimeSync(q, { checks: 32 })) throw invalidKey('"q" is not prime');
  // Equal sizes already imply it (p | q-1 would need q > 2p); checked anyway, it is cheap.
  if (gcd(n, (p - 1n) * (q - 1n)) !== 1n) throw invalidKey('gcd(n, (p-1)(q-1)) must be 1');
  const privateKey = Object.freeze({ publicKey, p, q }) as PaillierPrivateKey;
  return { publicKey, privateKey };
}

/** Private-key values for CRT decryption (Paillier 1999, section 7). */
export type CrtValues = {
  /** hp = L_p(g^(p-1) mod p^2)^-1 mod p, where L_p(u) = (u - 1) / p. */
  hp: bigint;
  hq: bigint;
  /** q^-1 mod p, to recombine the two residues. */
  qInverse: bigint;
};

/** The CRT decryption values of a checked key (g = n + 1). */
export function crtValues(p: bigint, q: bigint): CrtValues {
  const n = p * q;
  // g^(p-1) = (1 + n)^(p-1) = 1 + (p-1) n mod p^2, so L_p of it is (p-1) q mod p.
  const hp = modInverse(((p - 1n) * q) % p, p);
  const hq = modInverse(((q - 1n) * p) % q, q);
  const qInverse = modInverse(q, p);
  if (hp === undefined || hq === undefined || qInverse === undefined || (n & 1n) === 0n) {
    throw invalidKey('the key has no CRT decryption values (gcd(n, (p-1)(q-1)) != 1)');
  }
  return { hp, hq, qInverse };
}
