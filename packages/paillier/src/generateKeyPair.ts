import { generatePrime, generatePrimeSync } from 'node:crypto';
import { assertInteger } from './assert.ts';
import { bitLength } from './bigint.ts';
import { PaillierError } from './errors.ts';
import { PAILLIER_KEY_BITS, type PaillierKeyBits, type PaillierKeyPair, keyPairFromPrimes } from './keys.ts';

function generatePrimeAsync(bits: number): Promise<bigint> {
  return new Promise((resolve, reject) => {
    generatePrime(bits, { bigint: true }, (error, prime) => (error ? reject(error) : resolve(prime)));
  });
}

/** Options of {@link generateKeyPair}. */
export type GenerateKeyPairOptions = {
  /** Modulus size in bits; default 2048. */
  bits?: PaillierKeyBits | undefined;
};

function checkBits(bits: unknown): PaillierKeyBits {
  assertInteger('bits', bits, 0, 1 << 16);
  if (!(PAILLIER_KEY_BITS as readonly number[]).includes(bits)) {
    throw new PaillierError(`"bits" expected ${PAILLIER_KEY_BITS.join(' or ')}, got ${bits}`, { code: 'PAILLIER_UNSUPPORTED_KEY_SIZE' });
  }
  return bits as PaillierKeyBits;
}

// OpenSSL sets the top two bits of each prime, so n has exactly `bits` bits; the loop guards the
// rare p = q and gcd(n, phi) != 1 (and would guard a change in that OpenSSL behaviour).
function accept(p: bigint, q: bigint, bits: number): PaillierKeyPair | undefined {
  if (p === q || bitLength(p * q) !== bits) return undefined;
  try {
    return keyPairFromPrimes(p, q);
  } catch (error) {
    if (error instanceof PaillierError && error.code === 'PAILLIER_INVALID_KEY') return undefined;
    throw error;
  }
}

/**
 * Generates a key pair: two primes of bits/2 bits from OpenSSL (`crypto.generatePrime`, run on
 * the libuv thread pool), g = n + 1. About 1 s for 2048 bits, several for 3072.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_UNSUPPORTED_KEY_SIZE`
 */
export async function generateKeyPair({ bits = 2048 }: GenerateKeyPairOptions = {}): Promise<PaillierKeyPair> {
  const size = checkBits(bits);
  for (;;) {
    const [p, q] = await Promise.all([generatePrimeAsync(size / 2), generatePrimeAsync(size / 2)]);
    const pair = accept(p, q, size);
    if (pair) return pair;
  }
}

/**
 * {@link generateKeyPair}, blocking the thread: for scripts and tests.
 * @throws PaillierError `PAILLIER_INVALID_ARGUMENT`, `PAILLIER_UNSUPPORTED_KEY_SIZE`
 */
export function generateKeyPairSync({ bits = 2048 }: GenerateKeyPairOptions = {}): PaillierKeyPair {
  const size = checkBits(bits);
  for (;;) {
    const pair = accept(generatePrimeSync(size / 2, { bigint: true }), generatePrimeSync(size / 2, { bigint: true }), size);
    if (pair) return pair;
  }
}
