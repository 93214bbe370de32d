// Wall time and CPU time of a measured run, per item. On a shared machine wall time depends on
// the neighbours; CPU time per item (this process, all its threads) is the steadier figure.

export interface Rate {
  count: number
  seconds: number
  /** Items per wall-clock second. */
  perSecond: number
  /** Wall-clock ms per item. */
  msPerItem: number
  /** CPU ms (user + system, every thread of this process) per item. */
  cpuMsPerItem: number
}

/** Starts timing now; `stop(count)` gives the rate for `count` items done since. */
export function startRateTimer(): { stop(count: number): Rate } {
  const wallStart = performance.now()
  const cpuStart = process.cpuUsage()
  return {
    stop(count) {
      if (!Number.isInteger(count) || count < 1) throw new Error(`"count" expected a positive integer, got ${count}`)
      const elapsedMs = performance.now() - wallStart
      const cpu = process.cpuUsage(cpuStart)
      return {
        count,
        seconds: elapsedMs / 1000,
        perSecond: (count * 1000) / elapsedMs,
        msPerItem: elapsedMs / count,
        cpuMsPerItem: (cpu.user + cpu.system) / 1000 / count,
      }
    },
  }
}
