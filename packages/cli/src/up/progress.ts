import cliProgress from 'cli-progress'
import type { OutputStream } from '../io.ts'

export type ProgressReporter = {
  step(step: { index: number; total: number; label: string }): void
  stop(): void
}

/**
 * Shows setup steps: a progress bar on a terminal, one line per step otherwise (logs, CI, tests),
 * where a redrawn bar would only be noise.
 */
export function createProgress(stream: OutputStream): ProgressReporter {
  if (!stream.isTTY) {
    return {
      step: ({ index, total, label }) => void stream.write(`[${index}/${total}] ${label}\n`),
      stop: () => undefined,
    }
  }
  const bar = new cliProgress.SingleBar(
    { stream: stream as NodeJS.WritableStream, format: ' {bar} {value}/{total} {label}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  )
  let started = false
  return {
    step({ index, total, label }) {
      if (!started) {
        bar.start(total, index, { label })
        started = true
        return
      }
      bar.setTotal(total)
      bar.update(index, { label })
    },
    stop() {
      if (started) bar.stop()
    },
  }
}
