import { join } from 'node:path'
import { loadKeystore } from '@medchain/sdk'
import type { Command } from 'commander'
import { addConnectionOptions, type ConnectionOptions } from '../../connect.ts'
import { CliError, usageError } from '../../errors.ts'
import { println, type CliIo } from '../../io.ts'
import { keystoreScryptN } from '../../keystoreScryptN.ts'
import { absolute, keysDir, resolveDataDir } from '../../options.ts'
import { readPassphrase } from '../../passphrase.ts'
import { importBundle, type BundleOutcome } from './importBundle.ts'
import { createImportProgress } from './importProgress.ts'
import { createPatientKeys } from './patientKeys.ts'
import { printImportSummary } from './printImportSummary.ts'
import { parseGatewayUrl, resolveGateway } from './resolveGateway.ts'
import { scanBundles } from './scanBundles.ts'

/** The demo hospital that imports when `--as` is not given. */
export const DEFAULT_IMPORTER = 'st-mary-hospital'
const DEFAULT_CONCURRENCY = 4
const MAX_CONCURRENCY = 64

type ImportOptions = ConnectionOptions & { gateway?: string; as: string; concurrency: string; patientKeys?: string }

/**
 * `medchain import <bundle.json|dir>`: FHIR transaction Bundles (Synthea's form: one patient each)
 * into a hospital's gateway, each patient under a pseudonym whose key the hospital keeps to hand over.
 */
export function registerImport(program: Command, io: CliIo): void {
  const command = program
    .command('import <path>')
    .description('import FHIR transaction Bundles, one patient each (a file, or every *.json of a directory), into a hospital\'s gateway')
    .option('--gateway <url>', 'gateway to import into (default: the gateway URL the chain lists for the --as hospital)')
    .option('--as <keystore>', 'the hospital\'s keystore in <data-dir>/keys, which signs the imports (passphrase: MEDCHAIN_PASSPHRASE or a prompt)', DEFAULT_IMPORTER)
    .option('--concurrency <n>', 'bundles in flight', String(DEFAULT_CONCURRENCY))
    .option('--patient-keys <dir>', 'patient keystores, patient-<source id>.json under the same passphrase (default <data-dir>/patients)')
  addConnectionOptions(command, { signs: false }).action(async (path: string, _options: unknown, command: Command) => {
    const options = command.optsWithGlobals<ImportOptions>()
    const concurrency = parseConcurrency(options.concurrency)
    const gateway = options.gateway === undefined ? undefined : parseGatewayUrl(options.gateway)
    const dataDir = resolveDataDir(io, options.dataDir)
    const patientKeysDir = options.patientKeys === undefined ? join(dataDir, 'patients') : absolute(io, options.patientKeys)
    const scan = await scanBundles(absolute(io, path))
    for (const skipped of scan.skipped) println(io.stderr, `warning: ${skipped.name} is ${skipped.reason}: skipped`)

    let gatewayUrl: string | undefined
    let outcomes: BundleOutcome[] = []
    let seconds = 0
    if (scan.bundles.length > 0) {
      const passphrase = await readPassphrase(io, `Passphrase for keystore "${options.as}" (and the patient keys): `)
      const hospital = await loadKeystore(keysDir(dataDir), { name: options.as, passphrase })
      const url = await resolveGateway(io, { ...options, gateway }, { name: options.as, address: hospital.address })
      const patientKeys = createPatientKeys({ dir: patientKeysDir, passphrase, scryptN: keystoreScryptN(io) })
      const resources = scan.bundles.reduce((sum, file) => sum + file.entries, 0)
      println(io.stderr, `Importing ${scan.bundles.length} bundle(s), ${resources} resources, into ${url} as "${options.as}"`)
      const progress = createImportProgress(io.stderr, { bundles: scan.bundles.length, resources })
      const startedAt = performance.now()
      try {
        outcomes = await mapConcurrently(scan.bundles, concurrency, async (file) => {
          const outcome = await importBundle(file, { gatewayUrl: url, privateKey: hospital.privateKey, patientKeys })
          progress.done(outcome)
          return outcome
        })
      } finally {
        progress.stop()
      }
      seconds = (performance.now() - startedAt) / 1000
      gatewayUrl = url
    }
    printImportSummary(io.stdout, { gatewayUrl, outcomes, unreadable: scan.unreadable, skipped: scan.skipped.length, seconds, patientKeysDir })
    const failed = scan.unreadable.length + outcomes.filter((outcome) => !outcome.ok).length
    if (failed > 0) {
      throw new CliError(`${failed} of ${scan.unreadable.length + outcomes.length} bundle files failed to import (listed above)`, { code: 'CLI_IMPORT_FAILED' })
    }
  })
}

function parseConcurrency(text: string): number {
  const n = /^\d{1,3}$/.test(text) ? Number(text) : Number.NaN
  if (!(n >= 1 && n <= MAX_CONCURRENCY)) throw usageError(`--concurrency expected an integer from 1 to ${MAX_CONCURRENCY}, got ${JSON.stringify(text)}`)
  return n
}

/** `fn` over `items` with at most `limit` calls in flight; results in the order of `items`. */
async function mapConcurrently<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
