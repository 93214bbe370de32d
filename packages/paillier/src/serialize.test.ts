import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectPaillierError } from '../test/expectPaillierError.ts';
import type { PaillierCiphertext } from './ciphertext.ts';
import { decryptSigned } from './decrypt.ts';
import { encrypt } from './encrypt.ts';
import { generateKeyPairSync } from './generateKeyPair.ts';
import { maxSignedPlaintext } from './plaintext.ts';
import {
  parseCiphertext,
  parsePrivateKey,
  parsePublicKey,
  serializeCiphertext,
  serializePrivateKey,
  serializePublicKey,
} from './serialize.ts';

const { publicKey, privateKey } = generateKeyPairSync({ bits: 2048 });
const other = generateKeyPairSync({ bits: 2048 });
const hex = (value: bigint) => `0x${value.toString(16)}`;

describe('public and private keys', () => {
  it('round-trip through JSON', () => {
    const json = JSON.parse(JSON.stringify(serializePublicKey(publicKey)));
    assert.deepEqual(json, { kind: 'paillier-public-key', version: 1, n: hex(publicKey.n) });
    assert.equal(parsePublicKey(json).n, publicKey.n);
    const pair = parsePrivateKey(JSON.parse(JSON.stringify(serializePrivateKey(privateKey))));
    assert.equal(pair.publicKey.n, publicKey.n);
    assert.equal(decryptSigned(pair.privateKey, encrypt(publicKey, -77n)), -77n);
  });

  it('refuses malformed public keys with exact codes', async () => {
    const good = serializePublicKey(publicKey);
    await expectPaillierError(() => parsePublicKey('x'), 'PAILLIER_BAD_ENCODING', /got string/);
    await expectPaillierError(() => parsePublicKey(null), 'PAILLIER_BAD_ENCODING', /got null/);
    await expectPaillierError(() => parsePublicKey({ ...good, kind: 'paillier-private-key' }), 'PAILLIER_BAD_ENCODING', /"kind"/);
    await expectPaillierError(() => parsePublicKey({ ...good, version: 2 }), 'PAILLIER_BAD_ENCODING', /"version" expected 1, got 2/);
    await expectPaillierError(() => parsePublicKey({ ...good, g: '0x2' }), 'PAILLIER_BAD_ENCODING', /unexpected field "g"/);
    await expectPaillierError(() => parsePublicKey({ ...good, n: 5 }), 'PAILLIER_BAD_ENCODING', /"n" expected a hex string, got number/);
    await expectPaillierError(() => parsePublicKey({ ...good, n: good.n.toUpperCase() }), 'PAILLIER_BAD_ENCODING', /canonical/);
    await expectPaillierError(() => parsePublicKey({ ...good, n: `0x0${good.n.slice(2)}` }), 'PAILLIER_BAD_ENCODING', /canonical/);
    await expectPaillierError(() => parsePublicKey({ ...good, n: hex(publicKey.n >> 8n) }), 'PAILLIER_UNSUPPORTED_KEY_SIZE', /got 2040/);
    await expectPaillierError(() => parsePublicKey({ ...good, n: hex(publicKey.n - 1n) }), 'PAILLIER_INVALID_KEY', /odd/);
  });

  it('refuses inconsistent private keys', async () => {
    const good = serializePrivateKey(privateKey);
    const foreign = serializePrivateKey(other.privateKey);
    await expectPaillierError(() => parsePrivateKey({ ...good, n: foreign.n }), 'PAILLIER_INVALID_KEY', /"n" does not equal p\*q/);
    await expectPaillierError(() => parsePrivateKey({ ...good, q: foreign.q }), 'PAILLIER_INVALID_KEY', /"n" does not equal/);
    await expectPaillierError(() => parsePrivateKey({ ...good, p: hex(privateKey.p + 2n) }), 'PAILLIER_INVALID_KEY');
    await expectPaillierError(() => parsePrivateKey({ ...good, p: good.q }), 'PAILLIER_INVALID_KEY', /differ/);
    await expectPaillierError(() => parsePrivateKey({ kind: 'paillier-private-key', version: 1, n: good.n, p: good.p }), 'PAILLIER_BAD_ENCODING', /"q"/);
  });
});

describe('ciphertexts', () => {
  it('round-trip as fixed-width strings tagged with the key (property)', () => {
    const bound = maxSignedPlaintext(publicKey);
    fc.assert(
      fc.property(fc.bigInt({ min: -bound, max: bound }), (m) => {
        const c = encrypt(publicKey, m);
        const text = serializeCiphertext(publicKey, c);
        assert.match(text, /^paillier-ct-v1:[0-9a-f]{16}:[0-9a-f]{1024}$/);
        const back = parseCiphertext(publicKey, JSON.parse(JSON.stringify(text)));
        assert.equal(back, c);
        assert.equal(decryptSigned(privateKey, back), m);
      }),
      { numRuns: 5 },
    );
    const tiny = 2n as PaillierCiphertext;
    assert.equal(parseCiphertext(publicKey, serializeCiphertext(publicKey, tiny)), tiny);
  });

  it('refuses malformed ciphertexts with exact codes', async () => {
    const text = serializeCiphertext(publicKey, encrypt(publicKey, 1n));
    const [prefix, fingerprint, body] = text.split(':') as [string, string, string];
    const withBody = (b: string) => `${prefix}:${fingerprint}:${b}`;
    const width = body.length;
    await expectPaillierError(() => parseCiphertext(publicKey, 12), 'PAILLIER_BAD_ENCODING', /got number/);
    await expectPaillierError(() => parseCiphertext(publicKey, body), 'PAILLIER_BAD_ENCODING', /paillier-ct-v1/);
    await expectPaillierError(() => parseCiphertext(publicKey, `paillier-ct-v2:${fingerprint}:${body}`), 'PAILLIER_BAD_ENCODING');
    await expectPaillierError(() => parseCiphertext(other.publicKey, text), 'PAILLIER_KEY_MISMATCH', /another public key/);
    await expectPaillierError(() => parseCiphertext(publicKey, withBody(body.slice(2))), 'PAILLIER_INVALID_CIPHERTEXT', /expected 1024 hex digits, got 1022/);
    await expectPaillierError(() => parseCiphertext(publicKey, withBody(`${body}00`)), 'PAILLIER_INVALID_CIPHERTEXT', /got 1026/);
    await expectPaillierError(() => parseCiphertext(publicKey, withBody(`${body.slice(0, -1)}G`)), 'PAILLIER_BAD_ENCODING', /hex digits/);
    await expectPaillierError(() => parseCiphertext(publicKey, withBody('0'.repeat(width))), 'PAILLIER_INVALID_CIPHERTEXT', /\[1, n\^2\)/);
    await expectPaillierError(() => parseCiphertext(publicKey, withBody('f'.repeat(width))), 'PAILLIER_INVALID_CIPHERTEXT', /\[1, n\^2\)/);
    const multipleOfP = (privateKey.p * 98765n).toString(16).padStart(width, '0');
    await expectPaillierError(() => parseCiphertext(publicKey, withBody(multipleOfP)), 'PAILLIER_INVALID_CIPHERTEXT', /Z\*/);
  });
});
