// Runs one benchmark, prints its metrics, and writes bench/results/<name>.json and .svg.
//
//   npm run bench -- <name> [--quick]
//
// A quick run writes <name>.quick.json/.svg instead, so a smoke test never overwrites the
// full-size results that runs are compared against.
import { writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { benchmarks } from './registry.ts'
import { buildResults, writeResults } from './lib/results.ts'
import { renderLineChart } from './lib/svgChart.ts'
import { formatBaselines, formatMetricsTable } from './lib/table.ts'

const resultsDir = join(dirname(fileURLToPath(import.meta.url)), 'results')

function usage(problem: string): never {
  console.error(`${problem}\n\nusage: npm run bench -- <name> [--quick]\n\nbenchmarks:`)
  for (const [name, { description }] of Object.entries(benchmarks)) console.error(`  ${name.padEnd(12)} ${description}`)
  process.exit(1)
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const flags = args.filter((arg) => arg.startsWith('--'))
  const names = args.filter((arg) => !arg.startsWith('--'))
  const unknownFlag = flags.find((flag) => flag !== '--quick')
  if (unknownFlag !== undefined) usage(`unknown option ${unknownFlag}`)
  if (names.length !== 1) usage(names.length === 0 ? 'no benchmark named' : `one benchmark at a time, got ${names.join(', ')}`)
  const name = names[0]!
  const entry = Object.hasOwn(benchmarks, name) ? benchmarks[name] : undefined
  if (entry === undefined) usage(`unknown benchmark "${name}"`)
  const quick = flags.includes('--quick')

  const benchmark = await entry.load()
  const startedAt = new Date()
  console.log(`bench ${name}${quick ? ' (quick)' : ''}: ${benchmark.description}`)
  const outcome = await benchmark.run({ quick })
  const results = buildResults({ name, startedAt, metrics: outcome.metrics, baselines: outcome.baselines, series: outcome.series })

  const file = quick ? `${name}.quick` : name
  const jsonPath = writeResults(resultsDir, results, file)
  const svgPath = join(resultsDir, `${file}.svg`)
  writeFileSync(svgPath, renderLineChart({ ...outcome.chart, series: outcome.series }))

  console.log(`\n${formatMetricsTable(results.metrics, results.baselines)}\n`)
  const baselines = formatBaselines(results.baselines)
  if (baselines) console.log(`${baselines}\n`)
  console.log(`wrote ${relative(process.cwd(), jsonPath)} and ${relative(process.cwd(), svgPath)}`)
}

await main()
