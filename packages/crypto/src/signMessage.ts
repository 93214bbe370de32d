import { secp256k1 } from '@noble/curves/secp256k1.js';
import { bytesToHex, concatBytes, hexToBytes } from './bytes.ts';
import { hashMessage } from './hashMessage.ts';
import { type PrivateKey, toPrivateKeyBytes } from './toPrivateKeyBytes.ts';
import type { Hex } from './types.ts';

/** Options of {@link signMessage}. */
export type SignMessageOptions = {
  privateKey: PrivateKey;
  /** Signed as EIP-191 personal message; strings are UTF-8 encoded. */
  message: string | Uint8Array;
};

/**
 * Signs an EIP-191 personal message, as wallets and viem's `signMessage` do: deterministic
 * (RFC 6979), low-s, returned as 65-byte `r || s || v` hex with `v` in {27, 28}.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`, `CRYPTO_INVALID_ARGUMENT`
 */
export function signMessage({ privateKey, message }: SignMessageOptions): Hex {
  const key = toPrivateKeyBytes(privateKey);
  const digest = hexToBytes(hashMessage(message));
  // noble's "recovered" format is recovery || r || s; Ethereum puts v last, offset by 27.
  const recovered = secp256k1.sign(digest, key, { prehash: false, lowS: true, format: 'recovered' });
  key.fill(0);
  return bytesToHex(concatBytes(recovered.subarray(1), Uint8Array.of(27 + (recovered[0] as number))));
}
