import type { IndicatorClass } from '../holder/classes.ts'

/** How many enrolled holders fell below, inside and above the range, per indicator: the research output. */
export type IndicatorDistribution = { code: string; below: number; inside: number; above: number }

/** Tallies class vectors (one per holder, in study indicator order). */
export function distributionOf(codes: readonly string[], vectors: readonly (readonly IndicatorClass[])[]): IndicatorDistribution[] {
  return codes.map((code, j) => {
    const tally = { code, below: 0, inside: 0, above: 0 }
    for (const vector of vectors) {
      const c = vector[j]
      if (c === -1) tally.below++
      else if (c === 0) tally.inside++
      else if (c === 1) tally.above++
    }
    return tally
  })
}
