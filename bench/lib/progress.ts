// A one-line progress bar for long benchmark phases: count, rate and time left. On a terminal it
// redraws in place; in a log file (CI, `> out.txt`) it prints a line every tenth instead of
// flooding the file with carriage returns.

export interface ProgressStream {
  isTTY?: boolean
  write(text: string): unknown
}

export interface ProgressOptions {
  label: string
  total: number
  /** What is counted, shown in the rate: "tx" gives "512 tx/s". */
  unit?: string
  /** Default: process.stderr, so stdout keeps only the results. */
  stream?: ProgressStream
  /** Milliseconds clock; injectable for tests. */
  now?: () => number
}

export interface Progress {
  /** Sets the count done so far. */
  update(current: number): void
  /** Adds `count` (default 1) to the count done. */
  tick(count?: number): void
  /** Draws the final state and ends the line. */
  done(): void
}

export interface ProgressState {
  label: string
  current: number
  total: number
  elapsedMs: number
  unit: string
}

const BAR_WIDTH = 24
/** Redraws on a terminal at most this often: drawing on every tick would cost more than the work. */
const REDRAW_MS = 100

/** "growth [#####-------] 4,500/10,000  45%  512 tx/s  ETA 10s" */
export function formatProgress({ label, current, total, elapsedMs, unit }: ProgressState): string {
  const fraction = total > 0 ? Math.min(1, Math.max(0, current / total)) : 1
  const filled = Math.round(fraction * BAR_WIDTH)
  const bar = `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}]`
  const rate = elapsedMs > 0 ? (current * 1000) / elapsedMs : 0
  const eta = rate > 0 ? formatDuration((total - current) / rate) : '--'
  const count = `${current.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`
  const percent = `${Math.floor(fraction * 100)}%`.padStart(4)
  return `${label} ${bar} ${count} ${percent}  ${rate.toFixed(rate < 10 ? 1 : 0)} ${unit}/s  ETA ${eta}`
}

/** 42 -> "42s", 107 -> "1m47s", 3725 -> "1h02m". */
export function formatDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '--'
  const s = Math.round(seconds)
  if (s < 60) return `${s}s`
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`
}

/** Starts a progress bar at 0 of `total`; the clock starts now. */
export function createProgress({ label, total, unit = 'items', stream = process.stderr, now = () => performance.now() }: ProgressOptions): Progress {
  const started = now()
  const tty = stream.isTTY === true
  let current = 0
  let lastDraw = -Infinity
  let nextTenth = 1
  const line = () => formatProgress({ label, current, total, elapsedMs: now() - started, unit })
  const draw = (final: boolean) => {
    if (tty) {
      const time = now()
      if (!final && time - lastDraw < REDRAW_MS) return
      lastDraw = time
      // \x1b[K clears what a longer previous line left behind.
      stream.write(`\r${line()}\x1b[K${final ? '\n' : ''}`)
      return
    }
    const tenth = total > 0 ? Math.floor((current / total) * 10) : 10
    if (tenth < nextTenth && !final) return
    if (final && nextTenth > 10) return
    nextTenth = tenth + 1
    stream.write(`${line()}\n`)
  }
  return {
    update(value) {
      current = value
      draw(false)
    },
    tick(count = 1) {
      current += count
      draw(false)
    },
    done() {
      draw(true)
    },
  }
}
