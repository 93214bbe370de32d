import { join } from 'node:path'
import { rebuildIndex } from '@medchain/gateway'
import { loadDeployment, loadKeystore } from '@medchain/sdk'
import type { Command } from 'commander'
import { println, type CliIo } from '../../io.ts'
import { keysDir, resolveDataDir } from '../../options.ts'
import { readPassphrase } from '../../passphrase.ts'
import { openNode } from '../../up/startUp.ts'
import { createProgress } from '../../up/progress.ts'
import { DEFAULT_IMPORTER } from '../import/index.ts'

/**
 * `medchain index rebuild`: rebuilds a hospital gateway's index from the chain and its store
 * alone (batch manifests, records decrypted with the hospital key). Run with `medchain up`
 * stopped: the chain and the embedded database are single-process.
 */
export function registerIndex(program: Command, io: CliIo): void {
  const index = program.command('index').description("a gateway's SQL index")
  index
    .command('rebuild')
    .description("rebuild a hospital gateway's index from the chain and its store (with medchain up stopped)")
    .option('--as <keystore>', "the hospital's keystore in <data-dir>/keys (passphrase: MEDCHAIN_PASSPHRASE or a prompt)", DEFAULT_IMPORTER)
    .action(async (_options: unknown, command: Command) => {
      const options = command.optsWithGlobals<{ as: string; dataDir?: string }>()
      const dataDir = resolveDataDir(io, options.dataDir)
      const passphrase = await readPassphrase(io, `Passphrase for keystore "${options.as}": `)
      const hospital = await loadKeystore(keysDir(dataDir), { name: options.as, passphrase })
      const node = await openNode(dataDir)
      const progress = createProgress(io.stderr)
      try {
        const deployment = await loadDeployment(dataDir, node.chainId)
        const result = await rebuildIndex({
          dataDir: join(dataDir, 'gateways', options.as),
          privateKey: hospital.privateKey,
          deployment,
          chain: { provider: node.provider },
          onProgress: ({ batches, totalBatches, records }) => progress.step({ index: batches, total: totalBatches, label: `${records} records` }),
        })
        progress.stop()
        println(io.stdout, `Rebuilt the index of "${options.as}": ${result.batches} batches, ${result.records} record versions, ${result.erased} erased`)
        for (const skipped of result.skipped) println(io.stdout, `  skipped batch ${skipped.root}: ${skipped.reason}`)
      } finally {
        progress.stop()
        await node.close()
      }
    })
}
