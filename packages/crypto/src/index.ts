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

export { hashLeaf } from './merkle/hashLeaf.ts';
export { type MerkleTree, buildMerkleTree } from './merkle/buildMerkleTree.ts';
export { getProof } from './merkle/getProof.ts';
export { type ProcessProofOptions, processProof } from './merkle/processProof.ts';
export { type VerifyMerkleProofOptions, verifyMerkleProof } from './merkle/verifyMerkleProof.ts';
export { type MerkleBatch, type SealedMerkleBatch, createMerkleBatch } from './merkle/createMerkleBatch.ts';
export { type OrderedMerkleTree, buildOrderedTree, getOrderedProof } from './merkle/buildOrderedTree.ts';

export { CANONICAL_JSON_MAX_DEPTH, type CanonicalJsonOptions, canonicalJson } from './canonicalJson.ts';
export {
  AES_GCM,
  type DecryptAesGcmOptions,
  type EncryptAesGcmOptions,
  type EncryptAesGcmReturnType,
  decryptAesGcm,
  encryptAesGcm,
} from './aesGcm.ts';
export { type PublicKey, isValidPublicKeyBytes, toPublicKeyBytes } from './toPublicKeyBytes.ts';
export { ECIES, type EciesDecryptOptions, type EciesEncryptOptions, eciesDecrypt, eciesEncrypt } from './ecies.ts';
export {
  type CreateEciesReceiverOptions,
  type CreateEciesSenderOptions,
  type EciesReceiver,
  type EciesSender,
  createEciesReceiver,
  createEciesSender,
} from './eciesSession.ts';
export {
  ENVELOPE_LIMITS,
  type EnvelopeReader,
  type EnvelopeRecipient,
  type OpenEnvelopeOptions,
  type RewrapKeyOptions,
  type SealEnvelopeOptions,
  type SealEnvelopeReturnType,
  type WrappedKey,
  openEnvelope,
  rewrapKey,
  sealEnvelope,
} from './envelope.ts';
