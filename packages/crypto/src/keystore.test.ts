import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { decryptKeystoreJson, encryptKeystoreJson } from 'ethers';
import fc from 'fast-check';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { bytesToHex, hexToBytes } from './bytes.ts';
import { decryptKeystore } from './decryptKeystore.ts';
import { deriveKeystoreKey } from './deriveKeystoreKey.ts';
import { encryptKeystore } from './encryptKeystore.ts';
import { keystoreAes128Ctr, keystoreMac } from './keystoreCipher.ts';
import { KEYSTORE_LIMITS, type Keystore } from './keystoreTypes.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import type { Hex } from './types.ts';

// Test vectors of the Web3 Secret Storage Definition (ethereum.org / go-ethereum wiki).
const VECTOR_PASSWORD = 'testpassword';
const VECTOR_KEY: Hex = '0x7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d';
const PBKDF2_VECTOR = {
  crypto: {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: '6087dab2f9fdbbfaddc31a909735c1e6' },
    ciphertext: '5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46',
    kdf: 'pbkdf2',
    kdfparams: {
      c: 262144,
      dklen: 32,
      prf: 'hmac-sha256',
      salt: 'ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd',
    },
    mac: '517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2',
  },
  id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
  version: 3,
} as const satisfies Keystore;
const SCRYPT_VECTOR = {
  crypto: {
    cipher: 'aes-128-ctr',
    cipherparams: { iv: '83dbcc02d8ccb40e466191a123791e0e' },
    ciphertext: 'd172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c',
    kdf: 'scrypt',
    kdfparams: {
      dklen: 32,
      n: 262144,
      p: 8,
      r: 1,
      salt: 'ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19',
    },
    mac: '2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097',
  },
  id: '3198bc9c-6672-5ab3-d995-4942343ae5b6',
  version: 3,
} as const satisfies Keystore;

const unhex = (hex: string) => hexToBytes(`0x${hex}`);
const hex = (bytes: Uint8Array) => bytesToHex(bytes).slice(2);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const privateKeyArb = fc
  .uint8Array({ minLength: 32, maxLength: 32 })
  .filter((bytes) => secp256k1.utils.isValidSecretKey(bytes))
  .map((bytes) => bytesToHex(bytes));

describe('keystore: Web3 Secret Storage test vectors', () => {
  it('PBKDF2-SHA-256 vector: derived key, ciphertext and MAC reproduced; decrypts', async () => {
    const { kdfparams, cipherparams } = PBKDF2_VECTOR.crypto;
    const derivedKey = await deriveKeystoreKey(VECTOR_PASSWORD, { kdf: 'pbkdf2', c: kdfparams.c, salt: unhex(kdfparams.salt) });
    assert.equal(hex(derivedKey), 'f06d69cdc7da0faffb1008270bca38f5e31891a3a773950e6d0fea48a7188551');
    const ciphertext = keystoreAes128Ctr(derivedKey, unhex(cipherparams.iv), hexToBytes(VECTOR_KEY));
    assert.equal(hex(ciphertext), PBKDF2_VECTOR.crypto.ciphertext);
    assert.equal(hex(keystoreMac(derivedKey, ciphertext)), PBKDF2_VECTOR.crypto.mac);
    assert.equal(await decryptKeystore({ keystore: PBKDF2_VECTOR, passphrase: VECTOR_PASSWORD }), VECTOR_KEY);
  });

  it('scrypt vector: encryptKeystore reproduces it exactly; decryptKeystore opens it', async () => {
    const { kdfparams, cipherparams } = SCRYPT_VECTOR.crypto;
    const keystore = await encryptKeystore({
      privateKey: VECTOR_KEY,
      passphrase: VECTOR_PASSWORD,
      scryptN: kdfparams.n,
      scryptR: kdfparams.r,
      scryptP: kdfparams.p,
      salt: unhex(kdfparams.salt),
      iv: unhex(cipherparams.iv),
      id: SCRYPT_VECTOR.id,
    });
    assert.deepEqual(keystore, { ...SCRYPT_VECTOR, address: '008aeeda4d805471df9b2a5b0f38a0c3bcba786b' });
    assert.equal(await decryptKeystore({ keystore: JSON.stringify(SCRYPT_VECTOR), passphrase: VECTOR_PASSWORD }), VECTOR_KEY);
  });
});

describe('encryptKeystore', () => {
  it('writes a v3 keystore with production defaults (scrypt N=2^17, r=8, p=1)', async () => {
    const keystore = await encryptKeystore({ privateKey: VECTOR_KEY, passphrase: 'correct horse' });
    assert.equal(keystore.version, 3);
    assert.match(keystore.id, UUID_V4);
    assert.equal(keystore.address, '008aeeda4d805471df9b2a5b0f38a0c3bcba786b');
    assert.equal(keystore.crypto.kdf, 'scrypt');
    assert.deepEqual(
      { ...keystore.crypto.kdfparams, salt: undefined },
      { dklen: 32, n: 2 ** 17, r: 8, p: 1, salt: undefined },
    );
    assert.match(keystore.crypto.kdfparams.salt, /^[0-9a-f]{64}$/);
    assert.match(keystore.crypto.cipherparams.iv, /^[0-9a-f]{32}$/);
    assert.equal(await decryptKeystore({ keystore, passphrase: 'correct horse' }), VECTOR_KEY);
  });

  it('round-trips any key and passphrase, and refuses any other passphrase (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        privateKeyArb,
        fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        async (privateKey, passphrase, other) => {
          fc.pre(other !== passphrase);
          const keystore = await encryptKeystore({ privateKey, passphrase, scryptN: 2 ** 4 });
          assert.equal(keystore.address, privateKeyToAddress(privateKey).slice(2).toLowerCase());
          assert.equal(await decryptKeystore({ keystore, passphrase }), privateKey);
          assert.equal(await decryptKeystore({ keystore: JSON.stringify(keystore), passphrase }), privateKey);
          // A short secret can occur in the fixed wording ("defi" in "undefined"): that is no leak.
          const fixedWording = (await decryptKeystore({ keystore, passphrase: `${passphrase}!` }).catch((error: Error) => error)) as Error;
          const leakable = (secret: string) => secret.length >= 4 && !fixedWording.message.includes(secret);
          await expectCryptoError(() => decryptKeystore({ keystore, passphrase: other }), 'CRYPTO_BAD_PASSPHRASE', {
            secrets: [privateKey, ...[other, passphrase].filter(leakable)],
          });
        },
      ),
      { numRuns: 10 },
    );
  });

  it('uses a fresh salt, IV and id each time', async () => {
    const a = await encryptKeystore({ privateKey: VECTOR_KEY, passphrase: 'p', scryptN: 16 });
    const b = await encryptKeystore({ privateKey: VECTOR_KEY, passphrase: 'p', scryptN: 16 });
    assert.notEqual(a.crypto.kdfparams.salt, b.crypto.kdfparams.salt);
    assert.notEqual(a.crypto.cipherparams.iv, b.crypto.cipherparams.iv);
    assert.notEqual(a.crypto.ciphertext, b.crypto.ciphertext);
    assert.notEqual(a.id, b.id);
  });

  it('refuses bad options, naming the argument and leaking no secret', async () => {
    const secrets = [VECTOR_KEY, 'hunter22'];
    const base = { privateKey: VECTOR_KEY, passphrase: 'hunter22', scryptN: 16 };
    const cases: [Record<string, unknown>, string, RegExp][] = [
      [{ passphrase: '' }, 'CRYPTO_INVALID_ARGUMENT', /^"passphrase" must not be empty$/],
      [{ passphrase: 7 }, 'CRYPTO_INVALID_ARGUMENT', /^"passphrase" expected string/],
      [{ scryptN: 24 }, 'CRYPTO_INVALID_ARGUMENT', /^"scryptN" expected a power of two$/],
      [{ scryptN: 2 ** 21 }, 'CRYPTO_INVALID_ARGUMENT', /^"scryptN" expected an integer in \[2, 1048576\]/],
      [{ scryptR: 16, scryptP: 8 }, 'CRYPTO_INVALID_ARGUMENT', /^"scryptP" expected an integer in \[1, 4\]/],
      [{ scryptN: 2 ** 20, scryptR: 16 }, 'CRYPTO_INVALID_ARGUMENT', /^"scryptN \* scryptR"/],
      [{ scryptN: 2 ** 20, scryptR: 4, scryptP: 4 }, 'CRYPTO_INVALID_ARGUMENT', /^"scryptN \* scryptR \* scryptP"/],
      [{ iv: new Uint8Array(8) }, 'CRYPTO_INVALID_ARGUMENT', /^"iv" expected 16 bytes, got 8$/],
      [{ salt: new Uint8Array(0) }, 'CRYPTO_INVALID_ARGUMENT', /^"salt" expected 1 to 128 bytes, got 0$/],
      [{ privateKey: `0x${'00'.repeat(32)}` }, 'CRYPTO_INVALID_PRIVATE_KEY', /^"privateKey"/],
    ];
    for (const [patch, code, message] of cases) {
      const options = { ...base, ...patch } as Parameters<typeof encryptKeystore>[0];
      await expectCryptoError(() => encryptKeystore(options), code as 'CRYPTO_INVALID_ARGUMENT', { message, secrets });
    }
  });
});

describe('decryptKeystore', () => {
  const passphrase = 'open sesame';
  let valid: Keystore;
  before(async () => {
    valid = await encryptKeystore({ privateKey: VECTOR_KEY, passphrase, scryptN: 16 });
  });
  const mutate = (edit: (k: Record<string, any>) => void): Keystore => {
    const copy = structuredClone(valid) as Record<string, any>;
    edit(copy);
    return copy as Keystore;
  };

  it('interoperates with ethers keystores in both directions', async () => {
    const account = { address: privateKeyToAddress(VECTOR_KEY), privateKey: VECTOR_KEY };
    const fromEthers = await encryptKeystoreJson(account, passphrase, { scrypt: { N: 1024 } });
    assert.equal(await decryptKeystore({ keystore: fromEthers, passphrase }), VECTOR_KEY);
    const opened = await decryptKeystoreJson(JSON.stringify(valid), passphrase);
    assert.equal(opened.privateKey, VECTOR_KEY);
    assert.equal(opened.address, account.address);
  });

  it('accepts the "Crypto" spelling and 0x-prefixed hex some wallets write', async () => {
    const keystore = mutate((k) => {
      k.Crypto = k.crypto;
      delete k.crypto;
      k.Crypto.mac = `0x${k.Crypto.mac}`;
      k.address = `0x${k.address}`;
    });
    assert.equal(await decryptKeystore({ keystore, passphrase }), VECTOR_KEY);
  });

  it('wrong passphrase and tampered ciphertext give CRYPTO_BAD_PASSPHRASE, leaking nothing', async () => {
    await expectCryptoError(() => decryptKeystore({ keystore: valid, passphrase: 'open sesame!' }), 'CRYPTO_BAD_PASSPHRASE', {
      secrets: [VECTOR_KEY, passphrase, 'open sesame!'],
    });
    const tampered = mutate((k) => {
      k.crypto.ciphertext = `${k.crypto.ciphertext.slice(0, -2)}${k.crypto.ciphertext.endsWith('00') ? '01' : '00'}`;
    });
    await expectCryptoError(() => decryptKeystore({ keystore: tampered, passphrase }), 'CRYPTO_BAD_PASSPHRASE', {
      secrets: [VECTOR_KEY, passphrase],
    });
  });

  it('refuses an address that does not match the decrypted key', async () => {
    const keystore = mutate((k) => {
      k.address = '7e5f4552091a69125d5dfcb7b8c2659029395bdf';
    });
    await expectCryptoError(() => decryptKeystore({ keystore, passphrase }), 'CRYPTO_BAD_KEYSTORE', {
      message: /^"address" does not match/,
      secrets: [VECTOR_KEY, passphrase],
    });
  });

  it('refuses malformed keystores before any KDF work, naming the field', async () => {
    const cases: [Keystore | string, RegExp][] = [
      ['{not json', /^"keystore" is not valid JSON$/],
      ['[]', /^"keystore" expected an object$/],
      [mutate((k) => (k.version = 1)), /^"version" expected 3$/],
      [mutate((k) => (k.version = '3')), /^"version" expected 3$/],
      [mutate((k) => (k.id = 5)), /^"id" expected a string$/],
      [mutate((k) => delete k.crypto), /^"crypto" expected an object$/],
      [mutate((k) => (k.crypto.cipher = 'aes-128-cbc')), /^"crypto.cipher" expected "aes-128-ctr"$/],
      [mutate((k) => delete k.crypto.cipherparams), /^"crypto.cipherparams" expected an object$/],
      [mutate((k) => (k.crypto.cipherparams.iv = 'zz'.repeat(16))), /^"crypto.cipherparams.iv" expected hex of whole bytes$/],
      [mutate((k) => (k.crypto.cipherparams.iv = 'ab'.repeat(8))), /^"crypto.cipherparams.iv" expected 16 bytes, got 8$/],
      [mutate((k) => (k.crypto.ciphertext = 'abc')), /^"crypto.ciphertext" expected hex of whole bytes$/],
      [mutate((k) => (k.crypto.ciphertext = 'ab'.repeat(33))), /^"crypto.ciphertext" expected 32 bytes, got 33$/],
      [mutate((k) => (k.crypto.mac = 42)), /^"crypto.mac" expected a hex string$/],
      [mutate((k) => (k.crypto.mac = 'ab'.repeat(20))), /^"crypto.mac" expected 32 bytes, got 20$/],
      [mutate((k) => (k.crypto.kdf = 'argon2id')), /^"crypto.kdf" expected "scrypt" or "pbkdf2"$/],
      [mutate((k) => delete k.crypto.kdfparams), /^"crypto.kdfparams" expected an object$/],
      [mutate((k) => (k.crypto.kdfparams.dklen = 64)), /^"crypto.kdfparams.dklen" expected 32$/],
      [mutate((k) => (k.crypto.kdfparams.salt = '')), /^"crypto.kdfparams.salt" expected 1 to 128 bytes, got 0$/],
      [mutate((k) => (k.crypto.kdfparams.salt = 'ab'.repeat(129))), /^"crypto.kdfparams.salt" expected 1 to 128 bytes/],
      [mutate((k) => (k.crypto.kdfparams.n = 3000)), /^"crypto.kdfparams.n" expected a power of two$/],
      [mutate((k) => (k.crypto.kdfparams.n = 2 ** 21)), /^"crypto.kdfparams.n" expected an integer in \[2, 1048576\]$/],
      [mutate((k) => (k.crypto.kdfparams.n = 1.5)), /^"crypto.kdfparams.n" expected an integer/],
      [mutate((k) => (k.crypto.kdfparams.r = 0)), /^"crypto.kdfparams.r" expected an integer in \[1, 64\]$/],
      [mutate((k) => (k.crypto.kdfparams.p = 2 ** 30)), /^"crypto.kdfparams.p" expected an integer in \[1, 64\]$/],
      [mutate((k) => Object.assign(k.crypto.kdfparams, { r: 16, p: 8 })), /^"crypto.kdfparams" expected r \* p <= 64, got 128$/],
      [mutate((k) => Object.assign(k.crypto.kdfparams, { n: 2 ** 20, r: 16 })), /^"crypto.kdfparams" expected 128 \* n \* r <= 1073741824/],
      [mutate((k) => Object.assign(k.crypto.kdfparams, { n: 2 ** 20, r: 1, p: 16 })), /^"crypto.kdfparams" expected n \* r \* p <= 8388608, got 16777216$/],
      [mutate((k) => (k.crypto.kdf = 'pbkdf2')), /^"crypto.kdfparams.prf" expected "hmac-sha256"$/],
      [
        mutate((k) => Object.assign(k.crypto, { kdf: 'pbkdf2', kdfparams: { ...k.crypto.kdfparams, prf: 'hmac-sha256', c: 2 ** 30 } })),
        /^"crypto.kdfparams.c" expected an integer in \[1, 4194304\]$/,
      ],
      [mutate((k) => (k.address = 'xyz')), /^"address" expected 20-byte hex$/],
    ];
    for (const [keystore, message] of cases) {
      await expectCryptoError(() => decryptKeystore({ keystore, passphrase }), 'CRYPTO_BAD_KEYSTORE', {
        message,
        secrets: [passphrase],
      });
    }
    assert.equal(KEYSTORE_LIMITS.scryptMaxN, 2 ** 20);
  });

  it('refuses a non-string passphrase', async () => {
    await expectCryptoError(
      () => decryptKeystore({ keystore: valid, passphrase: undefined as unknown as string }),
      'CRYPTO_INVALID_ARGUMENT',
      { message: /^"passphrase" expected string/ },
    );
  });
});
