import { randomBytes } from 'node:crypto';

// Integer helpers on native BigInt. None of these run in constant time: they handle public
// values, blinding factors that are used once, or data already visible to the caller. Secret
// exponents (the primes) go through OpenSSL (`modPow.ts`).

/** Number of bits of a non-negative integer (0 for 0). */
export function bitLength(value: bigint): number {
  return value === 0n ? 0 : value.toString(2).length;
}

/** Number of bytes needed to write a non-negative integer (at least 1). */
export function byteLength(value: bigint): number {
  return Math.max(1, Math.ceil(bitLength(value) / 8));
}

/** Big-endian bytes of a non-negative integer, left-padded to `length`. */
export function toBytes(value: bigint, length: number): Buffer {
  return Buffer.from(value.toString(16).padStart(length * 2, '0'), 'hex');
}

/** The non-negative integer written big-endian in `bytes`. */
export function fromBytes(bytes: Uint8Array): bigint {
  return bytes.length === 0 ? 0n : BigInt(`0x${Buffer.from(bytes).toString('hex')}`);
}

/** Greatest common divisor of two non-negative integers. */
export function gcd(a: bigint, b: bigint): bigint {
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** `a^-1 mod modulus`, or undefined when gcd(a, modulus) != 1 (extended Euclid). */
export function modInverse(a: bigint, modulus: bigint): bigint | undefined {
  let [oldR, r] = [mod(a, modulus), modulus];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const quotient = oldR / r;
    [oldR, r] = [r, oldR - quotient * r];
    [oldS, s] = [s, oldS - quotient * s];
  }
  return oldR === 1n ? mod(oldS, modulus) : undefined;
}

/**
 * Inverts every value modulo `modulus` with one extended-Euclid inversion and 3(k-1)
 * multiplications (Montgomery's trick): an inversion mod a 4096-bit n^2 costs about 100
 * multiplications, so a batch of k values costs about k/30 inversions. Returns undefined when
 * any value is not invertible.
 */
export function batchModInverse(values: readonly bigint[], modulus: bigint): bigint[] | undefined {
  if (values.length === 0) return [];
  const prefix: bigint[] = new Array(values.length);
  let running = 1n;
  for (let i = 0; i < values.length; i++) {
    running = (running * (values[i] as bigint)) % modulus;
    prefix[i] = running;
  }
  let inverse = modInverse(running, modulus);
  if (inverse === undefined) return undefined;
  const out: bigint[] = new Array(values.length);
  for (let i = values.length - 1; i > 0; i--) {
    out[i] = (inverse * (prefix[i - 1] as bigint)) % modulus;
    inverse = (inverse * (values[i] as bigint)) % modulus;
  }
  out[0] = inverse;
  return out;
}

/** `value mod modulus` in [0, modulus), also for negative values. */
export function mod(value: bigint, modulus: bigint): bigint {
  const r = value % modulus;
  return r < 0n ? r + modulus : r;
}

/** A uniform integer in [0, 2^bits) from the OS CSPRNG. */
export function randomBits(bits: number): bigint {
  const bytes = Math.ceil(bits / 8);
  return fromBytes(randomBytes(bytes)) >> BigInt(bytes * 8 - bits);
}

/** A uniform integer in [min, max) by rejection sampling (no modulo bias). */
export function randomBetween(min: bigint, max: bigint): bigint {
  const range = max - min;
  const bits = bitLength(range - 1n);
  for (;;) {
    const candidate = randomBits(bits);
    if (candidate < range) return min + candidate;
  }
}
