// Every benchmark by name. Modules load on demand, so running one never pays for another's
// dependencies (a chain node, a compiler).
import type { Benchmark } from './lib/benchmark.ts'

export const benchmarks: Record<string, { description: string; load: () => Promise<Benchmark> }> = {
  chain: {
    description: 'embedded EVM node: sequential, batched and HTTP tx/s, and cost per tx as the chain grows',
    load: async () => (await import('./chain/chain.bench.ts')).benchmark,
  },
  records: {
    description: 'gateway: Synthea import end to end (resources/s) and consent-checked reads with audit entries (reads/s, p50/p99)',
    load: async () => (await import('./records/records.bench.ts')).benchmark,
  },
  supply: {
    description: 'drug custody events on chain, single and batched (events/s), and public Digital Link verifications through a gateway (verifications/s)',
    load: async () => (await import('./supply/supply.bench.ts')).benchmark,
  },
  research: {
    description: 'private screening: holder cost vs proxy re-encryption (100-700 indicators), institution decryption, proof time, verification gas',
    load: async () => (await import('./research/research.bench.ts')).benchmark,
  },
}
