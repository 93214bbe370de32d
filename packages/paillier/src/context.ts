import { createHash } from 'node:crypto';
import { byteLength, fromBytes, gcd, mod, modInverse, randomBetween, toBytes } from './bigint.ts';
import { PaillierError } from './errors.ts';
import { crtValues, type CrtValues, type PaillierPrivateKey, type PaillierPublicKey } from './keys.ts';
import { createModPowContext, type ModPowContext } from './modPow.ts';

// Values derived from a key, computed once per key object and kept beside it (a WeakMap, so they
// go when the key goes): OpenSSL contexts, the DJN base, the fingerprint, the CRT values.

type PublicContext = {
  nSquared: ModPowContext;
  fixedBase?: bigint;
  fingerprint?: string;
};

/** Exponentiation by prime - 1 modulo prime^2 with a blinded base (see {@link blindedPrimePower}). */
type PrimeContext = {
  prime: bigint;
  squared: ModPowContext;
  /** Secret random unit w mod prime^2, and (w^(prime-1))^-1 mod prime^2. */
  blind: bigint;
  unblind: bigint;
};

type PrivateContext = CrtValues & { p: PrimeContext; q: PrimeContext };

const publicContexts = new WeakMap<PaillierPublicKey, PublicContext>();
const privateContexts = new WeakMap<PaillierPrivateKey, PrivateContext>();

/** The cached derived values of a public key. */
export function publicContext(publicKey: PaillierPublicKey): PublicContext {
  let context = publicContexts.get(publicKey);
  if (!context) {
    context = { nSquared: createModPowContext(publicKey.nSquared) };
    publicContexts.set(publicKey, context);
  }
  return context;
}

/** The cached CRT values and OpenSSL contexts of a private key. */
export function privateContext(privateKey: PaillierPrivateKey): PrivateContext {
  let context = privateContexts.get(privateKey);
  if (!context) {
    const { p, q } = privateKey;
    context = { ...crtValues(p, q), p: primeContext(p), q: primeContext(q) };
    privateContexts.set(privateKey, context);
  }
  return context;
}

function primeContext(prime: bigint): PrimeContext {
  const squared = createModPowContext(prime * prime);
  for (;;) {
    const blind = randomBetween(2n, squared.modulus - 1n);
    const unblind = modInverse(squared.pow(blind, prime - 1n, { secret: true }), squared.modulus);
    if (blind % prime !== 0n && unblind !== undefined) return { prime, squared, blind, unblind };
  }
}

/**
 * base^(prime-1) mod prime^2 through OpenSSL, computed as (base*w)^(prime-1) * (w^(prime-1))^-1
 * with a secret random w: OpenSSL refuses a result of 1, which for an unblinded base happens
 * exactly when the plaintext is 0 mod prime, and the BigInt fallback would then show in the
 * timing (a plaintext-equality oracle for whoever can submit ciphertexts). Blinded, the refusal
 * needs a guess of the secret w and has probability about 1/prime.
 */
export function blindedPrimePower(context: PrimeContext, base: bigint): bigint {
  const { prime, squared, blind, unblind } = context;
  const blinded = squared.pow(((base % squared.modulus) * blind) % squared.modulus, prime - 1n, { secret: true });
  return (blinded * unblind) % squared.modulus;
}

function expand(label: string, n: bigint, bits: number): bigint {
  const seed = Buffer.concat([Buffer.from(label), toBytes(n, byteLength(n))]);
  const blocks: Buffer[] = [];
  for (let counter = 0; blocks.length * 256 < bits; counter++) {
    blocks.push(createHash('sha256').update(seed).update(toBytes(BigInt(counter), 4)).digest());
  }
  return fromBytes(Buffer.concat(blocks)) >> BigInt(blocks.length * 256 - bits);
}

/**
 * The DJN fixed base hs = h^n mod n^2 with h = -x^2 mod n, where x is derived from n by hashing
 * (SHA-256 in counter mode, 128 bits beyond n so x is statistically uniform mod n). Deriving x
 * from n, instead of letting the key owner publish h, means every party computes the same base
 * and nobody can plant a weak one (h = 1, or of small order) that would make encryptions
 * readable to third parties.
 */
export function fixedBase(publicKey: PaillierPublicKey): bigint {
  const context = publicContext(publicKey);
  if (context.fixedBase === undefined) {
    const { n } = publicKey;
    const x = mod(expand('medchain/paillier/djn-base/v1', n, publicKey.bits + 128), n);
    if (x === 0n || gcd(x, n) !== 1n) {
      throw new PaillierError('"n" has a factor found while deriving the DJN base', { code: 'PAILLIER_INVALID_KEY' });
    }
    const h = mod(-(x * x), n);
    context.fixedBase = context.nSquared.pow(h, n);
  }
  return context.fixedBase;
}

/** First 8 bytes of SHA-256 over a label and n, as 16 hex digits: tags serialized ciphertexts. */
export function keyFingerprint(publicKey: PaillierPublicKey): string {
  const context = publicContext(publicKey);
  context.fingerprint ??= createHash('sha256')
    .update('medchain/paillier/key/v1')
    .update(toBytes(publicKey.n, byteLength(publicKey.n)))
    .digest('hex')
    .slice(0, 16);
  return context.fingerprint;
}
