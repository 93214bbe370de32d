// What a benchmark module exports, so `bench/run.ts` can run any of them the same way.
import type { Baseline, Metric, Series } from './results.ts'

export interface BenchmarkOptions {
  /** Small counts: checks the benchmark works in seconds, numbers not comparable to a full run. */
  quick: boolean
}

/** Axis labels and title for the chart drawn from `series`. */
export interface ChartLabels {
  title: string
  xLabel: string
  yLabel: string
}

export interface BenchmarkOutcome {
  metrics: Record<string, Metric>
  baselines: Record<string, Baseline>
  series: Series[]
  chart: ChartLabels
}

export interface Benchmark {
  name: string
  /** One line for the list `npm run bench` prints. */
  description: string
  run(options: BenchmarkOptions): Promise<BenchmarkOutcome>
}
