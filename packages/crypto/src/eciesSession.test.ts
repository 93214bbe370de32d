import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { bytesToHex, utf8ToBytes } from './bytes.ts';
import { ECIES, eciesDecrypt, eciesEncrypt } from './ecies.ts';
import { createEciesReceiver, createEciesSender } from './eciesSession.ts';
import { openEnvelope, rewrapKey, sealEnvelope } from './envelope.ts';
import { generatePrivateKey } from './generatePrivateKey.ts';
import { privateKeyToPublicKey } from './privateKeyToPublicKey.ts';

const recipientKey = generatePrivateKey();
const recipientPublicKey = privateKeyToPublicKey(recipientKey);
const aad = utf8ToBytes('record-7');

describe('ECIES sessions', () => {
  it('sends payloads that one-shot eciesDecrypt opens, sharing one ephemeral key', () => {
    const sender = createEciesSender({ recipientPublicKey });
    const payloads = ['a', 'b', 'c'].map((m) => sender.encrypt(utf8ToBytes(m), aad));
    const ephemerals = new Set(payloads.map((p) => bytesToHex(p.subarray(0, ECIES.publicKeyBytes))));
    assert.equal(ephemerals.size, 1);
    // Same key, fresh nonces: no two payloads share a nonce.
    const nonces = new Set(payloads.map((p) => bytesToHex(p.subarray(33, 45))));
    assert.equal(nonces.size, 3);
    assert.deepEqual(
      payloads.map((p) => new TextDecoder().decode(eciesDecrypt({ privateKey: recipientKey, payload: p, aad }))),
      ['a', 'b', 'c'],
    );
  });

  it('draws a new ephemeral key after maxUses messages', () => {
    const sender = createEciesSender({ recipientPublicKey, maxUses: 2 });
    const ephemerals = [1, 2, 3, 4, 5].map((i) => bytesToHex(sender.encrypt(new Uint8Array([i])).subarray(0, 33)));
    assert.equal(new Set(ephemerals).size, 3);
    assert.equal(ephemerals[0], ephemerals[1]);
    assert.notEqual(ephemerals[1], ephemerals[2]);
  });

  it('receives one-shot and session payloads alike, and refuses tampering or the wrong aad', async () => {
    const receiver = createEciesReceiver({ privateKey: recipientKey, cacheSize: 2 });
    assert.equal(bytesToHex(receiver.publicKey), recipientPublicKey);
    const oneShot = eciesEncrypt({ recipientPublicKey, plaintext: utf8ToBytes('x'), aad });
    assert.deepEqual(receiver.decrypt(oneShot, aad), utf8ToBytes('x'));
    // More sessions than the cache holds: evicted keys are derived again, results unchanged.
    for (let i = 0; i < 4; i += 1) {
      const sender = createEciesSender({ recipientPublicKey });
      assert.deepEqual(receiver.decrypt(sender.encrypt(utf8ToBytes(`m${i}`), aad), aad), utf8ToBytes(`m${i}`));
    }
    const tampered = Uint8Array.from(oneShot);
    tampered[tampered.length - 1] = (tampered.at(-1) as number) ^ 1;
    await expectCryptoError(() => receiver.decrypt(tampered, aad), 'CRYPTO_DECRYPTION_FAILED');
    await expectCryptoError(() => receiver.decrypt(oneShot, utf8ToBytes('record-8')), 'CRYPTO_DECRYPTION_FAILED');
    await expectCryptoError(() => receiver.decrypt(oneShot.subarray(0, 40), aad), 'CRYPTO_INVALID_ARGUMENT');
    const badEphemeral = Uint8Array.from(oneShot);
    badEphemeral[0] = 0x05;
    await expectCryptoError(() => receiver.decrypt(badEphemeral, aad), 'CRYPTO_DECRYPTION_FAILED');
  });

  it('keeps out another private key', async () => {
    const other = createEciesReceiver({ privateKey: generatePrivateKey() });
    const payload = createEciesSender({ recipientPublicKey }).encrypt(utf8ToBytes('secret'), aad);
    await expectCryptoError(() => other.decrypt(payload, aad), 'CRYPTO_DECRYPTION_FAILED');
  });

  it('seals, opens and rewraps envelopes through sessions', () => {
    const custodianKey = generatePrivateKey();
    const peerKey = generatePrivateKey();
    const plaintext = utf8ToBytes('{"resourceType":"Observation"}');
    const sealed = sealEnvelope({
      plaintext,
      recipients: [
        { id: 'patient', sender: createEciesSender({ recipientPublicKey }) },
        { id: 'custodian', publicKey: privateKeyToPublicKey(custodianKey) },
      ],
    });
    const [patientWrap, custodianWrap] = sealed.wrappedKeys.map((w) => w.wrappedKey) as [Uint8Array, Uint8Array];
    const receiver = createEciesReceiver({ privateKey: recipientKey });
    assert.deepEqual(openEnvelope({ ciphertext: sealed.ciphertext, wrappedKey: patientWrap, receiver }), plaintext);
    assert.deepEqual(openEnvelope({ ciphertext: sealed.ciphertext, wrappedKey: patientWrap, privateKey: recipientKey }), plaintext);
    const forPeer = rewrapKey({
      wrappedKey: custodianWrap,
      receiver: createEciesReceiver({ privateKey: custodianKey }),
      ciphertextHash: sealed.ciphertextHash,
      recipientSender: createEciesSender({ recipientPublicKey: privateKeyToPublicKey(peerKey) }),
    });
    assert.deepEqual(
      openEnvelope({ ciphertext: sealed.ciphertext, wrappedKey: forPeer, privateKey: peerKey, expectedHash: sealed.ciphertextHash }),
      plaintext,
    );
  });

  it('checks its arguments, naming them', async () => {
    await expectCryptoError(() => createEciesSender({ recipientPublicKey: '0x1234' }), 'CRYPTO_INVALID_ARGUMENT', { message: /recipientPublicKey/ });
    await expectCryptoError(() => createEciesSender({ recipientPublicKey, maxUses: 0 }), 'CRYPTO_INVALID_ARGUMENT', { message: /maxUses/ });
    await expectCryptoError(() => createEciesReceiver({ privateKey: recipientKey, cacheSize: 0 }), 'CRYPTO_INVALID_ARGUMENT', { message: /cacheSize/ });
  });
});
