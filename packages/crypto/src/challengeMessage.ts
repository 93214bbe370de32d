import { assertString } from './assert.ts';

/** Options of {@link challengeMessage}. */
export type ChallengeMessageOptions = {
  /** The random challenge the gateway issued. */
  challenge: string;
  /** Who the login is for (e.g. the gateway's origin), so a signature is not reusable elsewhere. */
  audience: string;
};

/**
 * The text signed to answer a login challenge (protocol `medchain-login-v1`):
 * `medchain-login-v1\n{challenge}\n{audience}`. Both fields are single-line and bounded.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function challengeMessage({ challenge, audience }: ChallengeMessageOptions): string {
  assertString('challenge', challenge, { nonEmpty: true, maxLength: 256, singleLine: true });
  assertString('audience', audience, { nonEmpty: true, maxLength: 256, singleLine: true });
  return `medchain-login-v1\n${challenge}\n${audience}`;
}
