import { randomBetween } from '../bigint.ts';

/** The blinding of one indicator: A_j uses (r, s), B_j uses (rPrime, sPrime). */
export type Blinding = { r: bigint; s: bigint; rPrime: bigint; sPrime: bigint };

/**
 * Fresh blinding for one indicator (research-protocol.md section 4): r in [1, 2^lambda),
 * s in [0, r), r' in [2, 2^lambda), s' in [1, r'). The protocol says r' in [1, 2^lambda), but
 * r' = 1 leaves [1, r') empty, so r' starts at 2 (a change of probability 2^-lambda).
 */
export function sampleBlinding(lambda: number): Blinding {
  const top = 1n << BigInt(lambda);
  const r = randomBetween(1n, top);
  const rPrime = randomBetween(2n, top);
  return { r, s: randomBetween(0n, r), rPrime, sPrime: randomBetween(1n, rPrime) };
}
