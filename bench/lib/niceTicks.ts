// Axis ticks at round numbers (1, 2 or 5 times a power of ten), as a reader would pick them.

export interface Ticks {
  /** The axis range, widened to whole steps around the data. */
  min: number
  max: number
  step: number
  values: number[]
}

/** About `count` round ticks covering [min, max]; a flat range is widened so it still has an axis. */
export function niceTicks(min: number, max: number, count = 5): Ticks {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error(`"min" and "max" expected finite numbers, got ${min} and ${max}`)
  if (min > max) [min, max] = [max, min]
  if (min === max) {
    const pad = min === 0 ? 1 : Math.abs(min) / 2
    min -= pad
    max += pad
  }
  const rough = (max - min) / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(rough))
  const fraction = rough / power
  const step = (fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 5 ? 5 : 10) * power
  const decimals = Math.max(0, -Math.floor(Math.log10(step)))
  const start = Math.floor(min / step) * step
  const end = Math.ceil(max / step) * step
  const values: number[] = []
  // Rounded each time: adding a step like 0.1 repeatedly drifts (0.30000000000000004).
  for (let i = 0; start + i * step <= end + step / 2; i++) values.push(Number((start + i * step).toFixed(decimals)))
  return { min: values[0]!, max: values[values.length - 1]!, step, values }
}

/** A tick label short enough for an axis: 20000 -> "20k", 0.25 -> "0.25". */
export function formatTick(value: number, step: number): string {
  const magnitude = Math.abs(value)
  const [divisor, suffix] = magnitude >= 1e6 && step >= 1e5 ? [1e6, 'M'] : magnitude >= 1e3 && step >= 100 ? [1e3, 'k'] : [1, '']
  const decimals = Math.max(0, -Math.floor(Math.log10(step / divisor)))
  return `${(value / divisor).toFixed(decimals)}${suffix}`
}
