import { assertAddress } from './assert.ts';
import { challengeMessage } from './challengeMessage.ts';
import { checksumAddress } from './checksumAddress.ts';
import { CryptoError } from './errors.ts';
import { recoverMessageAddress } from './recoverMessageAddress.ts';
import type { Address, Hex } from './types.ts';

/** Options of {@link verifyChallenge}. */
export type VerifyChallengeOptions = {
  challenge: string;
  audience: string;
  signature: Hex;
  /** When given, the signature must come from this address. */
  address?: string;
};

/**
 * Verifies a login-challenge answer and returns its signer. Whether the challenge was issued,
 * is unexpired and unused is the gateway's to check.
 * @throws CryptoError `CRYPTO_BAD_SIGNATURE` (malformed, high-s or from another address),
 *   `CRYPTO_INVALID_ARGUMENT`
 */
export function verifyChallenge({ challenge, audience, signature, address }: VerifyChallengeOptions): Address {
  const message = challengeMessage({ challenge, audience });
  if (address !== undefined) assertAddress('address', address);
  const signer = recoverMessageAddress({ message, signature });
  if (address !== undefined && checksumAddress(address) !== signer) {
    throw new CryptoError('"signature" was not made by "address" over this challenge', { code: 'CRYPTO_BAD_SIGNATURE' });
  }
  return signer;
}
