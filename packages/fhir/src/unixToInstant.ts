import { assertUint64 } from './assert.ts';

/** The last second a FHIR instant can express: 9999-12-31T23:59:59Z. */
export const MAX_INSTANT_SECONDS = 253402300799;

/**
 * A FHIR instant (`2024-05-01T12:00:00Z`) of unix seconds, as chain timestamps are.
 * @returns undefined past year 9999 (a "never expires" sentinel such as 2^64 - 1)
 */
export function unixToInstant(seconds: number | bigint): string | undefined {
  assertUint64('seconds', seconds);
  if (BigInt(seconds) > BigInt(MAX_INSTANT_SECONDS)) return undefined;
  return new Date(Number(seconds) * 1000).toISOString().replace('.000Z', 'Z');
}
