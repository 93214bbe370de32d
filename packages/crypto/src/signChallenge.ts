import { challengeMessage } from './challengeMessage.ts';
import { signMessage } from './signMessage.ts';
import type { PrivateKey } from './toPrivateKeyBytes.ts';
import type { Hex } from './types.ts';

/** Options of {@link signChallenge}. */
export type SignChallengeOptions = {
  privateKey: PrivateKey;
  challenge: string;
  audience: string;
};

/**
 * Answers a gateway login challenge: an EIP-191 signature over {@link challengeMessage}, which
 * any wallet's `personal_sign` can produce too.
 * @throws CryptoError `CRYPTO_INVALID_PRIVATE_KEY`, `CRYPTO_INVALID_ARGUMENT`
 */
export function signChallenge({ privateKey, challenge, audience }: SignChallengeOptions): Hex {
  return signMessage({ privateKey, message: challengeMessage({ challenge, audience }) });
}
