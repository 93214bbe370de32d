import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { recoverMessageAddress as viemRecoverMessageAddress, verifyMessage as viemVerifyMessage } from 'viem';
import { signMessage as viemSignMessage } from 'viem/accounts';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { bytesToHex, hexToBytes } from './bytes.ts';
import { canonicalRequest } from './canonicalRequest.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import { REQUEST_SIGNATURE_HEADERS as H, type SignedRequestHeaders } from './requestSignatureHeaders.ts';
import { signRequest } from './signRequest.ts';
import type { Hex } from './types.ts';
import { verifyRequest } from './verifyRequest.ts';

const KEY: Hex = '0x4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318';
const OTHER_KEY: Hex = '0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d';
const SIGNER = privateKeyToAddress(KEY);
const NOW = 1_750_000_000_000;
const NONCE = '0x000102030405060708090a0b0c0d0e0f';
const REQUEST = { method: 'POST', path: '/fhir/Patient?_count=10', body: '{"resourceType":"Patient"}' };

function signed(overrides: Partial<Parameters<typeof signRequest>[0]> = {}): SignedRequestHeaders {
  return signRequest({ privateKey: KEY, ...REQUEST, timestamp: NOW, nonce: NONCE, ...overrides });
}

describe('canonicalRequest', () => {
  it('builds the medchain-request-v1 string exactly', () => {
    assert.equal(
      canonicalRequest({ method: 'get', path: '/a?b=c', timestamp: 1, nonce: NONCE }),
      `medchain-request-v1\nGET\n/a?b=c\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n1\n${NONCE}`,
    );
    const withBody = canonicalRequest({ method: 'POST', path: '/', body: 'abc', timestamp: 0, nonce: NONCE });
    assert.equal(withBody.split('\n')[3], 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.equal(canonicalRequest({ method: 'POST', path: '/', body: new TextEncoder().encode('abc'), timestamp: 0, nonce: NONCE }), withBody);
  });

  it('refuses fields that could make two requests share a canonical string', async () => {
    const base = { method: 'GET', path: '/x', timestamp: 1, nonce: NONCE };
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ method: 'GET\n/evil' }, /^"method" expected 1 to 16 ASCII letters$/],
      [{ method: '' }, /^"method"/],
      [{ path: '/x\n/y' }, /^"path" expected "\/" followed by visible ASCII/],
      [{ path: '/a b' }, /^"path"/],
      [{ path: 'x' }, /^"path"/],
      [{ path: '/é' }, /^"path"/],
      [{ body: 42 }, /^"body" expected Uint8Array, string or undefined$/],
      [{ timestamp: -1 }, /^"timestamp" expected an integer in/],
      [{ timestamp: 1.5 }, /^"timestamp" expected safe integer/],
      [{ nonce: NONCE.toUpperCase().replace('0X', '0x') }, /^"nonce" expected 16 bytes as lowercase 0x hex$/],
      [{ nonce: '0x00' }, /^"nonce"/],
    ];
    for (const [patch, message] of cases) {
      const options = { ...base, ...patch } as Parameters<typeof canonicalRequest>[0];
      await expectCryptoError(() => canonicalRequest(options), 'CRYPTO_INVALID_ARGUMENT', { message });
    }
  });
});

describe('signRequest / verifyRequest', () => {
  it('produces the four headers and verifies them', () => {
    const headers = signed();
    assert.deepEqual(Object.keys(headers).sort(), Object.values(H).filter((h) => h !== H.audience).sort());
    assert.equal(headers[H.signer], SIGNER);
    assert.equal(headers[H.timestamp], String(NOW));
    assert.equal(headers[H.nonce], NONCE);
    assert.match(headers[H.signature], /^0x[0-9a-f]{130}$/);
    assert.deepEqual(verifyRequest({ ...REQUEST, headers, now: NOW }), { signer: SIGNER, timestamp: NOW, nonce: NONCE, audience: undefined });
  });

  it('defaults timestamp to now and nonce to 16 fresh random bytes', () => {
    const before = Date.now();
    const a = signRequest({ privateKey: KEY, method: 'GET', path: '/' });
    const b = signRequest({ privateKey: KEY, method: 'GET', path: '/' });
    const ts = Number(a[H.timestamp]);
    assert.ok(ts >= before && ts <= Date.now());
    assert.match(a[H.nonce], /^0x[0-9a-f]{32}$/);
    assert.notEqual(a[H.nonce], b[H.nonce]);
    assert.equal(verifyRequest({ method: 'GET', path: '/', headers: a }).signer, SIGNER);
  });

  it('is an EIP-191 signature wallets and viem agree on', async () => {
    const headers = signed();
    const message = canonicalRequest({ ...REQUEST, timestamp: NOW, nonce: NONCE });
    const signature = headers[H.signature] as Hex;
    assert.equal(signature, await viemSignMessage({ privateKey: KEY, message }));
    assert.equal(await viemVerifyMessage({ address: SIGNER, message, signature }), true);
    assert.equal(await viemRecoverMessageAddress({ message, signature }), SIGNER);
    // A wallet (personal_sign) can sign requests without this package.
    const walletSigned = { ...headers, [H.signature]: await viemSignMessage({ privateKey: OTHER_KEY, message }), [H.signer]: privateKeyToAddress(OTHER_KEY) };
    assert.equal(verifyRequest({ ...REQUEST, headers: walletSigned, now: NOW }).signer, privateKeyToAddress(OTHER_KEY));
  });

  it('verifies any request it signs (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('GET', 'post', 'PUT', 'DELETE', 'PATCH'),
        fc.webPath().map((p) => `/${p.replace(/^\/+/, '')}`),
        fc.option(fc.uint8Array({ maxLength: 256 }), { nil: undefined }),
        fc.integer({ min: 0, max: 2 ** 45 }),
        (method, path, body, timestamp) => {
          const headers = signRequest({ privateKey: KEY, method, path, body, timestamp });
          const result = verifyRequest({ method, path, body, headers, now: timestamp });
          assert.equal(result.signer, SIGNER);
          assert.equal(result.timestamp, timestamp);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('reads fetch Headers and Node headers with any capitalisation', () => {
    const headers = signed();
    assert.equal(verifyRequest({ ...REQUEST, headers: new Headers(headers), now: NOW }).signer, SIGNER);
    const shouting = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toUpperCase(), [v]]));
    assert.equal(verifyRequest({ ...REQUEST, headers: shouting, now: NOW }).signer, SIGNER);
  });

  it('refuses a request altered in method, path, body, timestamp or nonce', async () => {
    const headers = signed();
    const cases = [
      { ...REQUEST, headers, method: 'PUT' },
      { ...REQUEST, headers, path: '/fhir/Patient?_count=11' },
      { ...REQUEST, headers, body: '{"resourceType":"Patient" }' },
      { ...REQUEST, headers, body: undefined },
      { ...REQUEST, headers: { ...headers, [H.timestamp]: String(NOW + 1) } },
      { ...REQUEST, headers: { ...headers, [H.nonce]: `0x${'11'.repeat(16)}` } },
    ];
    for (const options of cases) {
      await expectCryptoError(() => verifyRequest({ ...options, now: NOW }), 'CRYPTO_BAD_SIGNATURE', {
        message: /^"x-medchain-signature" was not made by "x-medchain-signer"/,
        secrets: [KEY],
      });
    }
  });

  it('refuses a signer header naming someone else', async () => {
    const headers = { ...signed(), [H.signer]: privateKeyToAddress(OTHER_KEY) };
    await expectCryptoError(() => verifyRequest({ ...REQUEST, headers, now: NOW }), 'CRYPTO_BAD_SIGNATURE', {
      message: /was not made by/,
    });
  });

  it('names each missing header', async () => {
    for (const name of Object.values(H).filter((h) => h !== H.audience)) {
      const headers: Record<string, string> = { ...signed() };
      delete headers[name];
      await expectCryptoError(() => verifyRequest({ ...REQUEST, headers, now: NOW }), 'CRYPTO_MISSING_SIGNATURE_HEADER', {
        message: new RegExp(`^Missing header "${name}"$`),
      });
      await expectCryptoError(
        () => verifyRequest({ ...REQUEST, headers: { ...headers, [name]: '' }, now: NOW }),
        'CRYPTO_MISSING_SIGNATURE_HEADER',
      );
    }
  });

  it('refuses malformed or repeated headers as CRYPTO_BAD_SIGNATURE, naming the header', async () => {
    const headers = signed();
    const sig = hexToBytes(headers[H.signature] as Hex);
    const n = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
    const s = BigInt(bytesToHex(sig.subarray(32, 64)));
    const highS = Uint8Array.from(sig);
    highS.set(hexToBytes(`0x${(n - s).toString(16).padStart(64, '0')}`), 32);
    highS[64] = (sig[64] as number) === 27 ? 28 : 27;
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ [H.signer]: '0x1234' }, /^"x-medchain-signer" expected/],
      [{ [H.signer]: SIGNER.replace(/[a-f]/, (c) => c.toUpperCase()) }, /^"x-medchain-signer" expected/],
      [{ [H.timestamp]: '1e12' }, /^"x-medchain-timestamp" expected/],
      [{ [H.timestamp]: `${NOW}.0` }, /^"x-medchain-timestamp" expected/],
      [{ [H.nonce]: NONCE.slice(0, -2) }, /^"x-medchain-nonce" expected/],
      [{ [H.signature]: headers[H.signature].slice(0, -2) }, /^"x-medchain-signature" expected 65 bytes/],
      [{ [H.signature]: bytesToHex(highS) }, /^"x-medchain-signature" is not a valid signature$/],
      [{ [H.nonce]: [NONCE, NONCE] }, /^Header "x-medchain-nonce" is given more than once$/],
      [{ 'X-Medchain-Nonce': NONCE }, /^Header "x-medchain-nonce" is given more than once$/],
    ];
    for (const [patch, message] of cases) {
      const tampered = { ...headers, ...patch } as Record<string, string>;
      const error = await expectCryptoError(() => verifyRequest({ ...REQUEST, headers: tampered, now: NOW }), 'CRYPTO_BAD_SIGNATURE', {
        message,
      });
      if (patch[H.signature] === bytesToHex(highS)) assert.match(error.details ?? '', /high s-value/);
    }
  });

  it('refuses timestamps outside the skew window in both directions, accepting its edges', async () => {
    const headers = signed();
    assert.equal(verifyRequest({ ...REQUEST, headers, now: NOW + 300_000 }).signer, SIGNER);
    assert.equal(verifyRequest({ ...REQUEST, headers, now: NOW - 300_000 }).signer, SIGNER);
    for (const now of [NOW + 300_001, NOW - 300_001]) {
      await expectCryptoError(() => verifyRequest({ ...REQUEST, headers, now }), 'CRYPTO_STALE_REQUEST', {
        message: /clock-skew window/,
      });
    }
    assert.equal(verifyRequest({ ...REQUEST, headers, now: NOW + 1_000, maxSkewMs: 1_000 }).signer, SIGNER);
    const error = await expectCryptoError(
      () => verifyRequest({ ...REQUEST, headers, now: NOW + 1_001, maxSkewMs: 1_000 }),
      'CRYPTO_STALE_REQUEST',
    );
    assert.match(error.details ?? '', /1001 ms behind/);
  });

  it('checks its own options', async () => {
    const headers = signed();
    await expectCryptoError(() => verifyRequest({ ...REQUEST, headers, now: -5 }), 'CRYPTO_INVALID_ARGUMENT', { message: /^"now"/ });
    await expectCryptoError(() => verifyRequest({ ...REQUEST, headers, maxSkewMs: 0.5 }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"maxSkewMs"/,
    });
    await expectCryptoError(() => verifyRequest({ ...REQUEST, method: 'GE T', headers, now: NOW }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"method"/,
    });
  });

  it('signRequest refuses a bad key or path without echoing the key', async () => {
    const badKey: Hex = `0x${'ff'.repeat(32)}`;
    await expectCryptoError(() => signRequest({ ...REQUEST, privateKey: badKey }), 'CRYPTO_INVALID_PRIVATE_KEY', { secrets: [badKey] });
    await expectCryptoError(() => signRequest({ ...REQUEST, privateKey: KEY, path: '/a\r\nx-evil: 1' }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"path"/,
      secrets: [KEY],
    });
    await expectCryptoError(() => signRequest({ ...REQUEST, privateKey: KEY, nonce: 'abc' }), 'CRYPTO_INVALID_ARGUMENT', {
      message: /^"nonce"/,
      secrets: [KEY],
    });
  });
});

describe('request audience (protocol v2)', () => {
  const AUDIENCE = '0x00000000000000000000000000000000000000aa';
  const OTHER = '0x00000000000000000000000000000000000000bb';

  it('binds the addressed gateway into the signed string', () => {
    assert.equal(
      canonicalRequest({ method: 'get', path: '/a', timestamp: 1, nonce: NONCE, audience: AUDIENCE.toUpperCase().replace('0X', '0x') }),
      `medchain-request-v2\nGET\n/a\ne3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n1\n${NONCE}\n${AUDIENCE}`,
    );
  });

  it('verifies for its audience and fails when the request is pointed at another', async () => {
    const headers = signed({ audience: AUDIENCE });
    assert.equal(headers[H.audience], AUDIENCE);
    const ok = verifyRequest({ ...REQUEST, headers, now: NOW });
    assert.equal(ok.audience, AUDIENCE);
    await expectCryptoError(() => verifyRequest({ ...REQUEST, headers: { ...headers, [H.audience]: OTHER }, now: NOW }), 'CRYPTO_BAD_SIGNATURE');
    // Dropping the header turns it into a v1 string the signature does not cover.
    const { [H.audience]: _dropped, ...withoutAudience } = headers;
    await expectCryptoError(() => verifyRequest({ ...REQUEST, headers: withoutAudience, now: NOW }), 'CRYPTO_BAD_SIGNATURE');
    await expectCryptoError(() => verifyRequest({ ...REQUEST, headers: { ...headers, [H.audience]: 'gateway-b' }, now: NOW }), 'CRYPTO_BAD_SIGNATURE');
  });
});
