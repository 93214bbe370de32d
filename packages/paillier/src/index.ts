export { PaillierError, type PaillierErrorCode, PaillierErrorCodes, type PaillierErrorOptions } from './errors.ts';

export {
  PAILLIER_KEY_BITS,
  type PaillierKeyBits,
  type PaillierKeyOptions,
  type PaillierKeyPair,
  type PaillierPrivateKey,
  type PaillierPublicKey,
  keyPairFromPrimes,
  publicKeyFromModulus,
} from './keys.ts';
export { type GenerateKeyPairOptions, generateKeyPair, generateKeyPairSync } from './generateKeyPair.ts';
export { type PaillierCiphertext, assertCiphertext } from './ciphertext.ts';
export { encodePlaintext, maxSignedPlaintext, toSigned } from './plaintext.ts';
export { djnExponentBits, encrypt, encryptWithNonce } from './encrypt.ts';
export { decrypt, decryptSigned } from './decrypt.ts';
export { add, addPlaintext, multiplyScalar, rerandomize } from './homomorphic.ts';
export {
  PAILLIER_SERIALIZATION_VERSION,
  type SerializedPaillierPrivateKey,
  type SerializedPaillierPublicKey,
  parseCiphertext,
  parsePrivateKey,
  parsePublicKey,
  serializeCiphertext,
  serializePrivateKey,
  serializePublicKey,
} from './serialize.ts';
export { OPENSSL_MIN_EXPONENT_BITS, OPENSSL_MIN_MODULUS_BITS } from './modPow.ts';

export {
  DEFAULT_RANGE_LAMBDA,
  type IndicatorBounds,
  RANGE_LAMBDA_LIMITS,
  assertNoWrap,
  honestQueryBound,
} from './rangeClassification/rangeParameters.ts';
export { type Blinding, sampleBlinding } from './rangeClassification/sampleBlinding.ts';
export { type EncryptRangesOptions, type EncryptedRange, type ReferenceRange, encryptRanges } from './rangeClassification/encryptRanges.ts';
export {
  type BuildRangeQueriesOptions,
  type HolderIndicator,
  type RangeQuery,
  buildRangeQueries,
} from './rangeClassification/buildRangeQueries.ts';
export {
  type BuildRangeQueriesInParallelOptions,
  buildRangeQueriesInParallel,
} from './rangeClassification/buildRangeQueriesInParallel.ts';
export {
  type ClassifyRangeQueriesOptions,
  type RangeClass,
  classifyRangeQueries,
} from './rangeClassification/classifyRangeQueries.ts';
export {
  type BlindingLeakage,
  type MeasureBlindingLeakageOptions,
  measureBlindingLeakage,
} from './rangeClassification/measureBlindingLeakage.ts';
