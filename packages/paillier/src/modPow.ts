import { createDiffieHellman, type DiffieHellman } from 'node:crypto';
import { bitLength, byteLength, fromBytes, toBytes } from './bigint.ts';

// Modular exponentiation through Node's own OpenSSL, reached without a native addon:
// a Diffie-Hellman object over `modulus` computes `base^privateKey mod modulus` in
// `computeSecret(base)`, with OpenSSL's Montgomery (constant-time) exponentiation. Measured on
// this machine kind (docs/decisions.md, "Research: Paillier"), mod a 4096-bit n^2:
//   exponent bits   16    32    64    80    256   1024  2048
//   BigInt (ms)     0.54  1.06  2.2   2.6   7.1   27    48
//   OpenSSL (ms)    0.41  0.40  0.46  0.65  1.1   4.2   9.2
// OpenSSL costs a flat ~0.4 ms per call (Montgomery setup, range checks on the "public key"),
// so BigInt wins only below about 14-bit exponents; the CRT moduli p^2 (2048 bits) behave alike.
// OpenSSL also refuses a result of 1 or modulus - 1 (its small-subgroup check on DH secrets):
// `pow` then recomputes in BigInt, and secret exponentiations blind their base (`decrypt.ts`) so
// an attacker cannot steer them into that slower path.

/** Exponents of fewer bits than this go through BigInt (OpenSSL's per-call cost dominates). */
export const OPENSSL_MIN_EXPONENT_BITS = 16;
/** Moduli of fewer bits than this (test vectors only) always go through BigInt. */
export const OPENSSL_MIN_MODULUS_BITS = 1024;

/** Exponentiation modulo one fixed modulus, reusing one OpenSSL context. */
export type ModPowContext = {
  readonly modulus: bigint;
  /**
   * `base^exponent mod modulus` for `exponent >= 0`. With `secret`, the exponent always goes
   * through OpenSSL's constant-time path (unless the base is 0, 1 or -1, where the result is
   * fixed, or the result is 1 or -1, which OpenSSL refuses and BigInt recomputes).
   */
  pow(base: bigint, exponent: bigint, options?: { secret?: boolean }): bigint;
};

/** BigInt square-and-multiply: for short exponents and small (test-vector) moduli. */
export function modPowBigInt(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  if (b < 0n) b += modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result % modulus;
}

/**
 * A {@link ModPowContext} for an odd `modulus`. The OpenSSL object is built on first use: Node
 * runs a primality check on a DH modulus at construction (16 ms for 4096 bits, 67 ms for 6144),
 * so a context is worth keeping per key, never per call.
 */
export function createModPowContext(modulus: bigint): ModPowContext {
  const length = byteLength(modulus);
  const useOpenSsl = bitLength(modulus) >= OPENSSL_MIN_MODULUS_BITS;
  let dh: DiffieHellman | undefined;

  return {
    modulus,
    pow(base, exponent, { secret = false } = {}) {
      let b = base % modulus;
      if (b < 0n) b += modulus;
      if (exponent === 0n) return 1n % modulus;
      // OpenSSL refuses "public keys" outside [2, modulus - 2]; their powers are trivial anyway.
      const trivial = b <= 1n || b === modulus - 1n;
      if (!useOpenSsl || trivial || (!secret && bitLength(exponent) < OPENSSL_MIN_EXPONENT_BITS)) {
        return modPowBigInt(b, exponent, modulus);
      }
      dh ??= createDiffieHellman(toBytes(modulus, length));
      dh.setPrivateKey(toBytes(exponent, byteLength(exponent)));
      try {
        return fromBytes(dh.computeSecret(toBytes(b, length)));
      } catch {
        return modPowBigInt(b, exponent, modulus);
      }
    },
  };
}
