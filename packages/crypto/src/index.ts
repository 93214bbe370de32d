export { CryptoError, type CryptoErrorCode, CryptoErrorCodes, type CryptoErrorOptions } from './errors.ts';
export type { Address, Hex } from './types.ts';
export { bytesToHex, concatBytes, equalBytes, hexToBytes, isHex, utf8ToBytes } from './bytes.ts';
export {
  type AssertStringOptions,
  assertAddress,
  assertBytes,
  assertHex,
  assertSafeInteger,
  assertString,
} from './assert.ts';

export { checksumAddress } from './checksumAddress.ts';
export { isAddress } from './isAddress.ts';
export { generatePrivateKey } from './generatePrivateKey.ts';
export type { PrivateKey } from './toPrivateKeyBytes.ts';
export { privateKeyToAddress } from './privateKeyToAddress.ts';
export { type PrivateKeyToPublicKeyOptions, privateKeyToPublicKey } from './privateKeyToPublicKey.ts';
export { publicKeyToAddress } from './publicKeyToAddress.ts';

export { hashMessage } from './hashMessage.ts';
export { type SignMessageOptions, signMessage } from './signMessage.ts';
export { type RecoverMessageAddressOptions, recoverMessageAddress } from './recoverMessageAddress.ts';

export {
  KEYSTORE_DEFAULT_SCRYPT,
  KEYSTORE_LIMITS,
  type Keystore,
  type Pbkdf2KdfParams,
  type ScryptKdfParams,
} from './keystoreTypes.ts';
export { type EncryptKeystoreOptions, encryptKeystore } from './encryptKeystore.ts';
export { type DecryptKeystoreOptions, decryptKeystore } from './decryptKeystore.ts';

export { REQUEST_SIGNATURE_HEADERS, type SignedRequestHeaders } from './requestSignatureHeaders.ts';
export type { RequestHeaders } from './readHeader.ts';
export { type CanonicalRequestOptions, canonicalRequest } from './canonicalRequest.ts';
export { type SignRequestOptions, signRequest } from './signRequest.ts';
export { type VerifyRequestOptions, type VerifyRequestReturnType, verifyRequest } from './verifyRequest.ts';
export { type CreateNonceCacheOptions, type NonceCache, createNonceCache } from './createNonceCache.ts';

export { generateChallenge } from './generateChallenge.ts';
export { type ChallengeMessageOptions, challengeMessage } from './challengeMessage.ts';
export { type SignChallengeOptions, signChallenge } from './signChallenge.ts';
export { type VerifyChallengeOptions, verifyChallenge } from './verifyChallenge.ts';
