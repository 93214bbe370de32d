import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import fc from 'fast-check';
import {
  hashMessage as viemHashMessage,
  recoverMessageAddress as viemRecoverMessageAddress,
  verifyMessage as viemVerifyMessage,
} from 'viem';
import { signMessage as viemSignMessage } from 'viem/accounts';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { bytesToHex, hexToBytes } from './bytes.ts';
import { hashMessage } from './hashMessage.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import { recoverMessageAddress } from './recoverMessageAddress.ts';
import { signMessage } from './signMessage.ts';
import type { Hex } from './types.ts';

const privateKeyArb = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((bytes) => secp256k1.utils.isValidSecretKey(bytes))
  .map((bytes) => bytesToHex(bytes));
const messageArb = fc.oneof(fc.string({ unit: 'binary', maxLength: 200 }), fc.uint8Array({ maxLength: 200 }));
const viemMessage = (message: string | Uint8Array) => (typeof message === 'string' ? message : { raw: message });

const N = secp256k1.Point.CURVE().n;
const FIXED_KEY: Hex = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';

/** Turns a low-s signature into its malleable high-s twin (s' = n - s, v flipped). */
function toHighS(signature: Hex): Hex {
  const bytes = hexToBytes(signature);
  const s = BigInt(bytesToHex(bytes.subarray(32, 64)));
  const highS = hexToBytes(`0x${(N - s).toString(16).padStart(64, '0')}`);
  bytes.set(highS, 32);
  bytes[64] = (bytes[64] as number) === 27 ? 28 : 27;
  return bytesToHex(bytes);
}

describe('hashMessage (EIP-191)', () => {
  it('matches the known hash of "hello world" and viem (property)', () => {
    assert.equal(hashMessage('hello world'), '0xd9eba16ed0ecae432b71fe008c98cc872bb4cc214d3220a36f365326cf807d68');
    fc.assert(
      fc.property(messageArb, (message) => assert.equal(hashMessage(message), viemHashMessage(viemMessage(message)))),
      { numRuns: 100 },
    );
  });

  it('refuses non-string, non-bytes messages', async () => {
    await expectCryptoError(() => hashMessage(42 as unknown as string), 'CRYPTO_INVALID_ARGUMENT', { message: /^"message"/ });
  });
});

describe('signMessage / recoverMessageAddress', () => {
  it('fixed vector: equals viem signMessage byte for byte', async () => {
    const expected = await viemSignMessage({ privateKey: FIXED_KEY, message: 'hello' });
    const ours = signMessage({ privateKey: FIXED_KEY, message: 'hello' });
    assert.equal(ours, expected);
    assert.equal(
      ours,
      '0xa5d58782075bdf09490159d634d1aae66a8f6777c7247d2f233e9511cfd7c64c34f288cdbcea5370e4863fdbe9f4d86654c2ba1d86589e9ebb64494c649008591b',
    );
    assert.equal(recoverMessageAddress({ message: 'hello', signature: ours }), privateKeyToAddress(FIXED_KEY));
  });

  it('interoperates with viem in both directions (property)', async () => {
    await fc.assert(
      fc.asyncProperty(privateKeyArb, messageArb, async (privateKey, message) => {
        const address = privateKeyToAddress(privateKey);
        const signature = signMessage({ privateKey, message });
        assert.match(signature, /^0x[0-9a-f]{128}(1b|1c)$/);
        assert.equal(signature, await viemSignMessage({ privateKey, message: viemMessage(message) }));
        assert.equal(await viemRecoverMessageAddress({ message: viemMessage(message), signature }), address);
        assert.equal(await viemVerifyMessage({ address, message: viemMessage(message), signature }), true);
        assert.equal(recoverMessageAddress({ message, signature }), address);
        assert.ok(!secp256k1.Signature.fromBytes(hexToBytes(signature).subarray(0, 64), 'compact').hasHighS());
      }),
      { numRuns: 15 },
    );
  });

  it('accepts v as 0/1 as well as 27/28', () => {
    const signature = signMessage({ privateKey: FIXED_KEY, message: 'hello' });
    const bytes = hexToBytes(signature);
    bytes[64] = (bytes[64] as number) - 27;
    assert.equal(recoverMessageAddress({ message: 'hello', signature: bytesToHex(bytes) }), privateKeyToAddress(FIXED_KEY));
  });

  it('refuses the high-s twin that viem (and ecrecover) would still accept', async () => {
    const signature = signMessage({ privateKey: FIXED_KEY, message: 'hello' });
    const highS = toHighS(signature);
    assert.equal(await viemRecoverMessageAddress({ message: 'hello', signature: highS }), privateKeyToAddress(FIXED_KEY));
    await expectCryptoError(() => recoverMessageAddress({ message: 'hello', signature: highS }), 'CRYPTO_BAD_SIGNATURE', {
      message: /high s-value/,
    });
  });

  it('refuses malformed signatures with CRYPTO_BAD_SIGNATURE', async () => {
    const good = hexToBytes(signMessage({ privateKey: FIXED_KEY, message: 'hello' }));
    const withV = (v: number) => bytesToHex(Uint8Array.from([...good.subarray(0, 64), v]));
    const zeroR = bytesToHex(Uint8Array.from([...new Uint8Array(32), ...good.subarray(32)]));
    const cases: [string, RegExp][] = [
      ['nothex', /expected 0x-prefixed hex/],
      [bytesToHex(good.subarray(0, 64)), /expected 65 bytes, got 64/],
      [withV(29), /invalid v/],
      [withV(2), /invalid v/],
      [zeroR, /r or s outside/],
    ];
    for (const [signature, message] of cases) {
      await expectCryptoError(() => recoverMessageAddress({ message: 'hello', signature: signature as Hex }), 'CRYPTO_BAD_SIGNATURE', {
        message,
      });
    }
  });

  it('signMessage refuses a bad key without echoing it', async () => {
    const privateKey: Hex = `0x${'ff'.repeat(32)}`;
    await expectCryptoError(() => signMessage({ privateKey, message: 'x' }), 'CRYPTO_INVALID_PRIVATE_KEY', {
      secrets: [privateKey],
    });
  });
});
