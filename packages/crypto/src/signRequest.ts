import { randomBytes } from 'node:crypto';
import { bytesToHex } from './bytes.ts';
import { canonicalRequest } from './canonicalRequest.ts';
import { privateKeyToAddress } from './privateKeyToAddress.ts';
import { REQUEST_SIGNATURE_HEADERS as H, type SignedRequestHeaders } from './requestSignatureHeaders.ts';
import { signMessage } from './signMessage.ts';
import type { PrivateKey } from './toPrivateKeyBytes.ts';

/** Options of {@link signRequest}. */
export type SignRequestOptions = {
  privateKey: PrivateKey;
  method: string;
  /** Path and query exactly as they will be sent. */
  path: string;
  body?: Uint8Array | string | undefined;
  /** Unix time in milliseconds; default `Date.now()`. */
  timestamp?: number;
  /** 16 bytes as lowercase `0x` hex; default: fresh random. Never reuse one. */
  nonce?: string;
  /** The addressed gateway's member address (protocol v2): gateways refuse requests meant for another. */
  audience?: string | undefined;
};

/**
 * Signs an HTTP request for a medchain gateway or peer: an EIP-191 personal-message signature
 * over {@link canonicalRequest}, returned as the `x-medchain-*` headers to send with it.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`, `CRYPTO_INVALID_ARGUMENT`
 */
export function signRequest(options: SignRequestOptions): SignedRequestHeaders {
  const { privateKey, method, path, body, timestamp = Date.now(), nonce = bytesToHex(randomBytes(16)), audience } = options;
  const message = canonicalRequest({ method, path, body, timestamp, nonce, audience });
  const signer = privateKeyToAddress(privateKey);
  return {
    [H.signer]: signer,
    [H.timestamp]: String(timestamp),
    [H.nonce]: nonce,
    [H.signature]: signMessage({ privateKey, message }),
    ...(audience === undefined ? {} : { [H.audience]: audience.toLowerCase() }),
  };
}
