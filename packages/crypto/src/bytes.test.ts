import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { assertAddress, assertBytes, assertHex, assertSafeInteger, assertString } from './assert.ts';
import { bytesToHex, concatBytes, equalBytes, hexToBytes, isHex, utf8ToBytes } from './bytes.ts';

describe('hex <-> bytes', () => {
  it('encodes lowercase 0x hex and decodes any case', () => {
    assert.equal(bytesToHex(Uint8Array.of(0, 0xab, 0xff)), '0x00abff');
    assert.deepEqual(hexToBytes('0x00ABff'), Uint8Array.of(0, 0xab, 0xff));
    assert.deepEqual(hexToBytes('0x'), new Uint8Array(0));
  });

  it('round-trips arbitrary bytes (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        assert.deepEqual(hexToBytes(bytesToHex(bytes)), bytes);
      }),
      { numRuns: 200 },
    );
  });

  it('refuses hex without prefix, odd length or non-hex digits, naming the argument', async () => {
    for (const bad of ['00ab', '0xabc', '0xzz', '0x 0', '']) {
      await expectCryptoError(() => hexToBytes(bad as `0x${string}`, 'dataKey'), 'CRYPTO_INVALID_ARGUMENT', {
        message: /^"dataKey" expected 0x-prefixed hex of whole bytes$/,
      });
    }
    assert.equal(isHex('0xabc'), false);
    assert.equal(isHex(12), false);
    assert.equal(isHex('0xAb'), true);
  });

  it('utf8ToBytes and concatBytes', () => {
    assert.deepEqual(utf8ToBytes('é'), Uint8Array.of(0xc3, 0xa9));
    assert.deepEqual(concatBytes(Uint8Array.of(1), new Uint8Array(0), Uint8Array.of(2, 3)), Uint8Array.of(1, 2, 3));
  });
});

describe('equalBytes', () => {
  it('agrees with element-wise equality (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 8 }), fc.uint8Array({ maxLength: 8 }), (a, b) => {
        const expected = a.length === b.length && a.every((x, i) => x === b[i]);
        assert.equal(equalBytes(a, b), expected);
        assert.equal(equalBytes(a, Uint8Array.from(a)), true);
      }),
      { numRuns: 300 },
    );
  });
});

describe('assertion helpers', () => {
  it('assertBytes names the argument and the lengths', async () => {
    assertBytes('dataKey', new Uint8Array(32), 32);
    await expectCryptoError(() => assertBytes('dataKey', new Uint8Array(16), 32), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"dataKey" expected 32 bytes, got 16$/,
    });
    await expectCryptoError(() => assertBytes('dataKey', 'abc'), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"dataKey" expected Uint8Array, got string$/,
    });
    await expectCryptoError(() => assertBytes('dataKey', [1, 2]), 'CRYPTO_INVALID_ARGUMENT', {
      message: /got array$/,
    });
  });

  it('assertHex checks prefix, whole bytes and length', async () => {
    assertHex('nonce', '0x' + '00'.repeat(16), 16);
    await expectCryptoError(() => assertHex('nonce', '0x00', 16), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"nonce" expected 16 bytes, got 1$/,
    });
    await expectCryptoError(() => assertHex('nonce', 'ff'), 'CRYPTO_INVALID_ARGUMENT', { message: /^"nonce" expected 0x/ });
    await expectCryptoError(() => assertHex('nonce', null), 'CRYPTO_INVALID_ARGUMENT', { message: /got null$/ });
  });

  it('assertString enforces non-empty, max length and single line', async () => {
    assertString('audience', 'https://gw.example', { nonEmpty: true, singleLine: true, maxLength: 100 });
    await expectCryptoError(() => assertString('audience', '', { nonEmpty: true }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"audience" must not be empty$/,
    });
    await expectCryptoError(() => assertString('audience', 'a\nb', { singleLine: true }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"audience" must not contain line breaks$/,
    });
    await expectCryptoError(() => assertString('audience', 'abc', { maxLength: 2 }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"audience" expected at most 2 characters, got 3$/,
    });
    await expectCryptoError(() => assertString('audience', 5), 'CRYPTO_INVALID_ARGUMENT', { message: /got number$/ });
  });

  it('assertSafeInteger enforces integrality and range', async () => {
    assertSafeInteger('ttlMs', 5, { min: 1 });
    for (const bad of [1.5, Number.NaN, 2 ** 53, '5']) {
      await expectCryptoError(() => assertSafeInteger('ttlMs', bad), 'CRYPTO_INVALID_ARGUMENT', { message: /^"ttlMs" expected safe integer/ });
    }
    await expectCryptoError(() => assertSafeInteger('ttlMs', 0, { min: 1, max: 9 }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"ttlMs" expected an integer in \[1, 9\], got 0$/,
    });
  });

  it('assertAddress accepts checksummed or single-case, refuses a bad checksum', async () => {
    assertAddress('signer', '0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed');
    assertAddress('signer', '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed');
    await expectCryptoError(() => assertAddress('signer', '0x5AAeb6053F3E94C9b9A09f33669435E7Ef1BeAed'), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"signer" expected 0x-prefixed 20-byte address/,
    });
    await expectCryptoError(() => assertAddress('signer', '0x1234'), 'CRYPTO_INVALID_ARGUMENT');
  });
});
