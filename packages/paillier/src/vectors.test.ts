import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { factorFromPhi, textbookDecrypt, textbookEncrypt, textbookMu } from '../test/textbookPaillier.ts';
import type { PaillierCiphertext } from './ciphertext.ts';
import { decrypt } from './decrypt.ts';
import { encrypt, encryptWithNonce } from './encrypt.ts';
import { generateKeyPairSync } from './generateKeyPair.ts';
import { keyPairFromPrimes } from './keys.ts';

// Published vectors. The package fixes g = n + 1; vectors with another g (zkay's g = 27) check
// the independent textbook implementation in test/textbookPaillier.ts, which the last test ties
// to the package on random 2048-bit inputs.

const unsafe = { unsafeAllowAnySize: true };

// python-paillier (data61/python-paillier), phe/tests/paillier_test.py, testRawEncryptDecryptRegression0
// and testEncryptIsRandom: n = 293 * 433, g = n + 1.
const PHE = { p: 293n, q: 433n, m: 10100n, r: 74384n, c: 935906717n };

// zkay (eth-sri/zkay), PaillierTests.java: 256-bit n. "Fast" vectors use g = n + 1 with lambda
// = phi; the others use g = 27 with lambda = lcm(p-1, q-1) and mu.
const ZKAY = {
  n: 71705678335151044143714697909938764102247769560297862447809589632641441407751n,
  phi: 71705678335151044143714697909938764101708369395657657259621793199496430472072n,
  lambda: 35852839167575522071857348954969382050854184697828828629810896599748215236036n,
  mu: 38822179779668243734206910236945399376867932682990009748733172869327079310544n,
  m: 58620521968995858419238449046464883186412581610038046858008683322252437292505n,
  r: 66895129274476067543864711343178574027057505369800972938068894913816799963509n,
  cFast:
    3505470225408264473467386810920807437821858174488064393364776746993551415781505226520807868351169269605924531821264861279222635802527118722105662515867136n,
  cG27: 3507594166975424775795724429703273237581693482251350761249288990776233360058698524194928568270852256828927631672223419615120374443722184016172266681685963n,
};
// zkay's small example: n = 9047 (83 * 109), g = 27.
const ZKAY_SMALL = { n: 9047n, g: 27n, m: 42n, r: 25n, c: 45106492n, cDecrypt: 2587834n, lambda: 4428n, mu: 1680n, plain: 55n };

describe('published vectors, g = n + 1 (the package)', () => {
  it('python-paillier: n = 126869, E(10100; r = 74384) = 935906717 and back', () => {
    const { publicKey, privateKey } = keyPairFromPrimes(PHE.p, PHE.q, unsafe);
    assert.equal(publicKey.n, 126869n);
    assert.equal(encryptWithNonce(publicKey, PHE.m, PHE.r), PHE.c);
    assert.equal(encryptWithNonce(publicKey, 1n, 1n), 126870n);
    assert.equal(decrypt(privateKey, PHE.c), PHE.m);
  });

  it('zkay 256-bit fast vector: E(m; r) with g = n + 1 and CRT decryption', () => {
    const [p, q] = factorFromPhi(ZKAY.n, ZKAY.phi);
    const { publicKey, privateKey } = keyPairFromPrimes(p, q, unsafe);
    assert.equal(encryptWithNonce(publicKey, ZKAY.m, ZKAY.r), ZKAY.cFast);
    assert.equal(decrypt(privateKey, ZKAY.cFast), ZKAY.m);
  });
});

describe('published vectors, general g (textbook reference)', () => {
  it('zkay small example, g = 27: encryption and decryption with lambda, mu', () => {
    assert.equal(textbookEncrypt(ZKAY_SMALL, ZKAY_SMALL.m, ZKAY_SMALL.r), ZKAY_SMALL.c);
    assert.equal(textbookMu(ZKAY_SMALL, ZKAY_SMALL.lambda), ZKAY_SMALL.mu);
    assert.equal(textbookDecrypt(ZKAY_SMALL, ZKAY_SMALL.lambda, ZKAY_SMALL.mu, ZKAY_SMALL.cDecrypt), ZKAY_SMALL.plain);
  });

  it('zkay 256-bit, g = 27: encryption and decryption with lambda, mu', () => {
    const key = { n: ZKAY.n, g: 27n };
    assert.equal(textbookEncrypt(key, ZKAY.m, ZKAY.r), ZKAY.cG27);
    assert.equal(textbookMu(key, ZKAY.lambda), ZKAY.mu);
    assert.equal(textbookDecrypt(key, ZKAY.lambda, ZKAY.mu, ZKAY.cG27), ZKAY.m);
  });

  it('the reference with g = n + 1 reproduces the package vectors', () => {
    const key = { n: ZKAY.n, g: ZKAY.n + 1n };
    assert.equal(textbookEncrypt(key, ZKAY.m, ZKAY.r), ZKAY.cFast);
    assert.equal(textbookDecrypt(key, ZKAY.phi, textbookMu(key, ZKAY.phi), ZKAY.cFast), ZKAY.m);
  });

  it('agrees with the package on a 2048-bit key (property)', () => {
    const { publicKey, privateKey } = generateKeyPairSync({ bits: 2048 });
    const { p, q, publicKey: { n } } = privateKey;
    const key = { n, g: n + 1n };
    const lambda = ((p - 1n) * (q - 1n)) / 2n;
    const mu = textbookMu(key, lambda);
    const plaintext = fc.bigInt({ min: 0n, max: n - 1n });
    fc.assert(
      fc.property(plaintext, fc.bigInt({ min: 2n, max: n - 1n }), (m, r) => {
        const c = encryptWithNonce(publicKey, m, r);
        assert.equal(c, textbookEncrypt(key, m, r));
        assert.equal(decrypt(privateKey, c), m);
      }),
      { numRuns: 3 },
    );
    fc.assert(
      fc.property(plaintext, (m) => {
        assert.equal(textbookDecrypt(key, lambda, mu, encrypt(publicKey, m) as PaillierCiphertext), m);
      }),
      { numRuns: 2 },
    );
  });
});
