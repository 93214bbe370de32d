import assert from 'node:assert/strict';
import { generatePrimeSync } from 'node:crypto';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectPaillierError } from '../test/expectPaillierError.ts';
import { bitLength } from './bigint.ts';
import { assertCiphertext, type PaillierCiphertext } from './ciphertext.ts';
import { decrypt, decryptSigned } from './decrypt.ts';
import { encrypt, encryptWithNonce } from './encrypt.ts';
import { generateKeyPair, generateKeyPairSync } from './generateKeyPair.ts';
import { add, addPlaintext, multiplyScalar, rerandomize } from './homomorphic.ts';
import { type PaillierKeyPair, keyPairFromPrimes, publicKeyFromModulus } from './keys.ts';
import { maxSignedPlaintext, toSigned } from './plaintext.ts';

// One 2048-bit key for the file; a 512-bit key (unsafe size, same code paths) for properties
// that want many runs.
const { publicKey, privateKey } = generateKeyPairSync({ bits: 2048 });
const small: PaillierKeyPair = (() => {
  for (;;) {
    const p = generatePrimeSync(256, { bigint: true });
    const q = generatePrimeSync(256, { bigint: true });
    if (p !== q) return keyPairFromPrimes(p, q, { unsafeAllowAnySize: true });
  }
})();
const half = maxSignedPlaintext(publicKey);
const signedArb = (pair: PaillierKeyPair) => {
  const bound = maxSignedPlaintext(pair.publicKey);
  return fc.oneof(fc.bigInt({ min: -bound, max: bound }), fc.bigInt({ min: -1000n, max: 1000n }));
};

describe('generateKeyPair', () => {
  it('makes a 2048-bit n from two 1024-bit primes', () => {
    assert.equal(publicKey.bits, 2048);
    assert.equal(bitLength(publicKey.n), 2048);
    assert.equal(bitLength(privateKey.p), 1024);
    assert.equal(bitLength(privateKey.q), 1024);
    assert.equal(privateKey.p * privateKey.q, publicKey.n);
  });

  it('makes a 3072-bit key asynchronously that encrypts and decrypts', async () => {
    const pair = await generateKeyPair({ bits: 3072 });
    assert.equal(pair.publicKey.bits, 3072);
    assert.equal(decryptSigned(pair.privateKey, encrypt(pair.publicKey, -42n)), -42n);
  });

  it('refuses other sizes', async () => {
    await expectPaillierError(() => generateKeyPairSync({ bits: 1024 as 2048 }), 'PAILLIER_UNSUPPORTED_KEY_SIZE', /"bits"/);
    await expectPaillierError(() => generateKeyPair({ bits: 2048.5 as 2048 }), 'PAILLIER_INVALID_ARGUMENT', /"bits"/);
  });
});

describe('key constructors', () => {
  it('refuses unsupported sizes unless explicitly unsafe', async () => {
    await expectPaillierError(() => publicKeyFromModulus(small.publicKey.n), 'PAILLIER_UNSUPPORTED_KEY_SIZE', /expected 2048 or 3072 bits, got 512/);
    assert.equal(publicKeyFromModulus(small.publicKey.n, { unsafeAllowAnySize: true }).bits, 512);
  });

  it('refuses malformed moduli and primes', async () => {
    const { p, q } = small.privateKey;
    await expectPaillierError(() => publicKeyFromModulus(publicKey.n + 1n), 'PAILLIER_INVALID_KEY', /odd/);
    await expectPaillierError(() => publicKeyFromModulus(publicKey.n * 3n, { unsafeAllowAnySize: true }), 'PAILLIER_INVALID_KEY', /small prime/);
    await expectPaillierError(() => publicKeyFromModulus(7 as unknown as bigint), 'PAILLIER_INVALID_ARGUMENT', /"n" expected bigint/);
    await expectPaillierError(() => keyPairFromPrimes(p, p, { unsafeAllowAnySize: true }), 'PAILLIER_INVALID_KEY', /differ/);
    await expectPaillierError(() => keyPairFromPrimes(p, q * 2n + 1n, { unsafeAllowAnySize: true }), 'PAILLIER_INVALID_KEY', /same size/);
    let composite = 0n; // 256 bits without small factors, so only the primality check catches it
    while (bitLength(composite) !== 256) composite = generatePrimeSync(128, { bigint: true }) * generatePrimeSync(128, { bigint: true });
    await expectPaillierError(() => keyPairFromPrimes(composite, q, { unsafeAllowAnySize: true }), 'PAILLIER_INVALID_KEY', /"p" is not prime/);
    await expectPaillierError(() => keyPairFromPrimes(p, composite, { unsafeAllowAnySize: true }), 'PAILLIER_INVALID_KEY', /"q" is not prime/);
  });
});

describe('encrypt / decrypt', () => {
  it('round-trips signed plaintexts, including the ends of the signed range (property)', () => {
    for (const m of [0n, 1n, -1n, half, -half, 123456789n]) assert.equal(decryptSigned(privateKey, encrypt(publicKey, m)), m);
    fc.assert(
      fc.property(signedArb({ publicKey, privateKey }), (m) => decryptSigned(privateKey, encrypt(publicKey, m)) === m),
      { numRuns: 10 },
    );
    fc.assert(fc.property(signedArb(small), (m) => decryptSigned(small.privateKey, encrypt(small.publicKey, m)) === m), { numRuns: 100 });
  });

  it('reads residues above n/2 as negative', () => {
    assert.equal(decrypt(privateKey, encrypt(publicKey, publicKey.n - 1n)), publicKey.n - 1n);
    assert.equal(decryptSigned(privateKey, encrypt(publicKey, publicKey.n - 1n)), -1n);
    assert.equal(toSigned(publicKey, half), half);
    assert.equal(toSigned(publicKey, half + 1n), -half);
  });

  it('is randomised: two encryptions of one plaintext differ', () => {
    assert.notEqual(encrypt(publicKey, 7n), encrypt(publicKey, 7n));
  });

  it('refuses plaintexts outside [-(n-1)/2, n)', async () => {
    await expectPaillierError(() => encrypt(publicKey, publicKey.n), 'PAILLIER_PLAINTEXT_OUT_OF_RANGE', /"plaintext"/);
    await expectPaillierError(() => encrypt(publicKey, -half - 1n), 'PAILLIER_PLAINTEXT_OUT_OF_RANGE');
    await expectPaillierError(() => encrypt(publicKey, 5 as unknown as bigint), 'PAILLIER_INVALID_ARGUMENT', /expected bigint, got number/);
    await expectPaillierError(() => encryptWithNonce(publicKey, 1n, privateKey.p), 'PAILLIER_INVALID_ARGUMENT', /"nonce"/);
  });

  it('refuses ciphertexts outside Z*_{n^2}', async () => {
    const { n, nSquared } = publicKey;
    for (const bad of [0n, nSquared, -5n]) {
      await expectPaillierError(() => decrypt(privateKey, bad), 'PAILLIER_INVALID_CIPHERTEXT', /\[1, n\^2\)/);
    }
    await expectPaillierError(() => decrypt(privateKey, privateKey.p * 12345n), 'PAILLIER_INVALID_CIPHERTEXT', /Z\*/);
    await expectPaillierError(() => decrypt(privateKey, n), 'PAILLIER_INVALID_CIPHERTEXT', /Z\*/);
    await expectPaillierError(() => assertCiphertext('c', publicKey, privateKey.q), 'PAILLIER_INVALID_CIPHERTEXT', /"c" is not in Z\*/);
    await expectPaillierError(() => decrypt(privateKey, '12' as unknown as bigint), 'PAILLIER_INVALID_CIPHERTEXT', /got string/);
  });

  it('decrypts 0 mod p (where OpenSSL refuses an unblinded result of 1)', () => {
    for (const m of [0n, privateKey.p, privateKey.q, privateKey.p * 3n]) assert.equal(decrypt(privateKey, encrypt(publicKey, m)), m);
  });
});

describe('homomorphic operations', () => {
  const { publicKey: pk, privateKey: sk } = small;
  const arb = signedArb(small);
  const wrap = (m: bigint) => toSigned(pk, ((m % pk.n) + pk.n) % pk.n);

  it('add: D(E(a) * E(b)) = a + b (property)', () => {
    fc.assert(fc.property(arb, arb, (a, b) => decryptSigned(sk, add(pk, encrypt(pk, a), encrypt(pk, b))) === wrap(a + b)), { numRuns: 50 });
  });

  it('addPlaintext: D(E(a) * g^k) = a + k (property)', () => {
    fc.assert(fc.property(arb, arb, (a, k) => decryptSigned(sk, addPlaintext(pk, encrypt(pk, a), k)) === wrap(a + k)), { numRuns: 50 });
  });

  it('multiplyScalar: D(E(a)^k) = k * a, negative k included (property)', () => {
    const scalar = fc.oneof(fc.bigInt({ min: -(pk.n - 1n), max: pk.n - 1n }), fc.bigInt({ min: -5n, max: 5n }));
    fc.assert(fc.property(arb, scalar, (a, k) => decryptSigned(sk, multiplyScalar(pk, encrypt(pk, a), k)) === wrap(a * k)), { numRuns: 50 });
  });

  it('multiplyScalar on the 2048-bit key with large and negative scalars', () => {
    const c = encrypt(publicKey, 1000n);
    assert.equal(decryptSigned(privateKey, multiplyScalar(publicKey, c, -(2n ** 70n))), -1000n * 2n ** 70n);
    assert.equal(decryptSigned(privateKey, multiplyScalar(publicKey, c, -1n)), -1000n);
    assert.equal(decryptSigned(privateKey, multiplyScalar(publicKey, c, 0n)), 0n);
  });

  it('rerandomize: a different ciphertext of the same plaintext (property)', () => {
    fc.assert(
      fc.property(arb, (a) => {
        const c = encrypt(pk, a);
        const fresh = rerandomize(pk, c);
        return fresh !== c && decryptSigned(sk, fresh) === a;
      }),
      { numRuns: 50 },
    );
    const c = encrypt(publicKey, -9n);
    const fresh = rerandomize(publicKey, c);
    assert.notEqual(fresh, c);
    assert.equal(decryptSigned(privateKey, fresh), -9n);
  });

  it('refuses out-of-range operands and scalars', async () => {
    const c = encrypt(pk, 1n);
    await expectPaillierError(() => add(pk, c, 0n as PaillierCiphertext), 'PAILLIER_INVALID_CIPHERTEXT', /"b"/);
    await expectPaillierError(() => multiplyScalar(pk, c, pk.n), 'PAILLIER_PLAINTEXT_OUT_OF_RANGE', /\|k\| < n/);
    await expectPaillierError(() => multiplyScalar(pk, c, -pk.n), 'PAILLIER_PLAINTEXT_OUT_OF_RANGE');
    await expectPaillierError(() => multiplyScalar(pk, sk.p as PaillierCiphertext, -2n), 'PAILLIER_INVALID_CIPHERTEXT', /Z\*/);
    await expectPaillierError(() => addPlaintext(pk, c, pk.n), 'PAILLIER_PLAINTEXT_OUT_OF_RANGE', /"k"/);
    await expectPaillierError(() => rerandomize(pk, pk.nSquared as PaillierCiphertext), 'PAILLIER_INVALID_CIPHERTEXT');
  });
});
