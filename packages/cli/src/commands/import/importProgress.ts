import cliProgress from 'cli-progress'
import type { OutputStream } from '../../io.ts'
import type { BundleOutcome } from './importBundle.ts'

export type ImportProgress = {
  /** Counts a finished bundle (imported or failed). */
  done(outcome: BundleOutcome): void
  stop(): void
}

/**
 * Progress over the resources of the bundles: a bar with the rate on a terminal, one line per
 * bundle otherwise (logs, CI, tests), as the `up` progress does.
 */
export function createImportProgress(stream: OutputStream, totals: { bundles: number; resources: number }): ImportProgress {
  const startedAt = Date.now()
  let bundles = 0
  let resources = 0
  let failed = 0
  const rate = () => (resources / Math.max((Date.now() - startedAt) / 1000, 0.001)).toFixed(1)
  const count = (outcome: BundleOutcome) => {
    bundles += 1
    resources += outcome.file.entries
    if (!outcome.ok) failed += 1
  }
  if (!stream.isTTY) {
    return {
      done(outcome) {
        count(outcome)
        stream.write(`[${bundles}/${totals.bundles}] ${outcome.file.name}: ${outcome.ok ? `${outcome.resources} resources` : 'failed'}\n`)
      },
      stop: () => undefined,
    }
  }
  const bar = new cliProgress.SingleBar(
    {
      stream: stream as NodeJS.WritableStream,
      format: ' {bar} {value}/{total} resources | {rate} resources/s | {bundles}/{bundleTotal} bundles, {failed} failed',
      hideCursor: true,
      clearOnComplete: true,
    },
    cliProgress.Presets.shades_classic,
  )
  bar.start(totals.resources, 0, { rate: '0.0', bundles: 0, bundleTotal: totals.bundles, failed: 0 })
  return {
    done(outcome) {
      count(outcome)
      bar.update(resources, { rate: rate(), bundles, failed })
    },
    stop: () => bar.stop(),
  }
}
