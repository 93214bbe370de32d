// The metrics of a run as a plain-text table, for the terminal and CI logs.
import type { Baseline, Metric } from './results.ts'

/** "met", "MISSED", or "" when the metric has no target. A miss is information, not a failure. */
export function targetStatus(metric: Metric): '' | 'met' | 'MISSED' {
  if (metric.target === undefined) return ''
  const met = metric.better === 'higher' ? metric.value >= metric.target : metric.value <= metric.target
  return met ? 'met' : 'MISSED'
}

/** Renders one row per metric: value, unit, target, status, and the baseline when there is one. */
export function formatMetricsTable(metrics: Record<string, Metric>, baselines: Record<string, Baseline> = {}): string {
  const header = ['metric', 'value', 'unit', 'better', 'target', 'status', 'baseline']
  const rows = Object.entries(metrics).map(([name, metric]) => [
    name,
    formatNumber(metric.value),
    metric.unit,
    metric.better,
    metric.target === undefined ? '' : formatNumber(metric.target),
    targetStatus(metric),
    baselines[name] === undefined ? '' : formatNumber(baselines[name].value),
  ])
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)))
  // Numbers right-aligned so their digits line up; text left-aligned.
  const numeric = new Set([1, 4, 6])
  const line = (cells: string[]) =>
    cells.map((cell, column) => (numeric.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ').trimEnd()
  return [line(header), widths.map((width) => '-'.repeat(width)).join('  '), ...rows.map(line)].join('\n')
}

/** Three significant figures at most for small values, whole numbers with separators for large. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const magnitude = Math.abs(value)
  if (magnitude >= 1000) return Math.round(value).toLocaleString('en-US')
  if (magnitude >= 100) return value.toFixed(0)
  if (magnitude >= 10) return value.toFixed(1)
  if (magnitude === 0) return '0'
  return value.toPrecision(3)
}

/** One line per baseline: the figures a run is compared against, and where they come from. */
export function formatBaselines(baselines: Record<string, Baseline>): string {
  const entries = Object.entries(baselines)
  if (entries.length === 0) return ''
  const width = Math.max(...entries.map(([name]) => name.length))
  return ['baselines:', ...entries.map(([name, { value, source }]) => `  ${name.padEnd(width)}  ${formatNumber(value).padStart(7)}  ${source}`)].join('\n')
}
