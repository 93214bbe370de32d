// The results file every benchmark writes (format: docs in shared/design/bench-format.md), so
// runs can be compared with each other and checked by a script.
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { cpus } from 'node:os'
import { join } from 'node:path'

export interface Metric {
  value: number
  unit: string
  better: 'higher' | 'lower'
  /** The goal the project set; missing it is reported, never an error. */
  target?: number
}

/** Another system's figure for the same metric, with where it comes from. */
export interface Baseline {
  value: number
  source: string
}

export interface Series {
  label: string
  points: [number, number][]
}

export interface BenchResults {
  name: string
  /** ISO 8601, seconds precision, UTC. */
  date: string
  /** Short commit hash of the measured tree, or "unknown" outside a git checkout. */
  commit: string
  machine: { cpus: number; node: string }
  metrics: Record<string, Metric>
  baselines: Record<string, Baseline>
  series: Series[]
}

export type BuildResultsParameters = Pick<BenchResults, 'name' | 'metrics' | 'baselines' | 'series'> & {
  /** When the run started; now when omitted. */
  startedAt?: Date
}

/** Stamps a benchmark's measurements with the date, commit and machine they were taken on. */
export function buildResults({ name, metrics, baselines, series, startedAt = new Date() }: BuildResultsParameters): BenchResults {
  return {
    name,
    date: startedAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    commit: gitShortCommit(),
    machine: { cpus: cpus().length, node: process.version },
    metrics,
    baselines,
    series,
  }
}

/** Writes `<dir>/<file>.json` (file defaults to the results' name) and returns its path. */
export function writeResults(dir: string, results: BenchResults, file = results.name): string {
  mkdirSync(dir, { recursive: true })
  const path = join(dir, `${file}.json`)
  writeFileSync(path, `${JSON.stringify(results, null, 2)}\n`)
  return path
}

function gitShortCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim()
  } catch {
    return 'unknown'
  }
}
