import type { Command } from 'commander'
import { formatRoles } from '../format.ts'
import { formatTable, println, type CliIo } from '../io.ts'
import { keystoreScryptN } from '../keystoreScryptN.ts'
import { DEFAULT_RPC_HOST, DEFAULT_RPC_PORT, resolveDataDir, resolveListen } from '../options.ts'
import { DEFAULT_DEMO_PASSPHRASE } from '../up/demoConsortium.ts'
import { createProgress } from '../up/progress.ts'
import { startUp, type StartUpResult } from '../up/startUp.ts'

type UpOptions = { dataDir?: string; host?: string; port?: string; fresh?: boolean; gateways: boolean }

/** `medchain up`: the local chain and demo consortium, served over JSON-RPC with the hospitals' FHIR gateways until stopped. */
export function registerUp(program: Command, io: CliIo): void {
  program
    .command('up')
    .description('start the local chain (and on first start create the demo consortium), serve JSON-RPC and a FHIR gateway per hospital until Ctrl+C')
    .option('--host <host>', `interface to listen on (env MEDCHAIN_RPC_HOST, default ${DEFAULT_RPC_HOST})`)
    .option('--port <port>', `JSON-RPC port, 0 for any free one (env MEDCHAIN_RPC_PORT, default ${DEFAULT_RPC_PORT})`)
    .option('--fresh', 'wipe the data directory first (refused unless it looks like a medchain data directory)')
    .option('--no-gateways', 'start no FHIR gateways (by default each hospital gets one, at the gateway URL the chain lists)')
    .action(async (_options: UpOptions, command: Command) => {
      const options = command.optsWithGlobals<UpOptions>()
      const dataDir = resolveDataDir(io, options.dataDir)
      const { host, port } = resolveListen(io, options)
      const demoPassphrase = io.env.MEDCHAIN_DEMO_PASSPHRASE || DEFAULT_DEMO_PASSPHRASE
      const progress = createProgress(io.stderr)
      let up: StartUpResult
      try {
        up = await startUp({ dataDir, host, port, fresh: options.fresh, demoPassphrase, scryptN: keystoreScryptN(io), gateways: options.gateways, onStep: progress.step })
      } finally {
        progress.stop()
      }
      // Listen before announcing readiness, so that a signal sent on seeing the summary is caught.
      const stopped = waitForStop(io.signal)
      printSummary(io, up, demoPassphrase === DEFAULT_DEMO_PASSPHRASE)
      await stopped
      println(io.stderr, 'Stopping...')
      await up.close()
      println(io.stderr, 'Stopped.')
    })
}

function printSummary(io: CliIo, up: StartUpResult, defaultPassphrase: boolean): void {
  const out = io.stdout
  println(out, up.created ? 'Created the local medchain consortium.' : 'Resumed the local medchain consortium.')
  println(out)
  println(out, `  RPC URL    ${up.rpcUrl}`)
  println(out, `  chain id   ${up.chainId}`)
  println(out, `  data dir   ${up.dataDir}`)
  println(out)
  println(out, 'Members')
  const rows = up.members.map((member) => [member.name, formatRoles(member.roles), member.address, member.keystore ?? '-'])
  println(out, formatTable(['NAME', 'ROLES', 'ADDRESS', 'KEYSTORE (--as)'], rows))
  println(out)
  println(out, 'Contracts')
  println(out, `  Consortium        ${up.deployment.consortium}`)
  println(out, `  IdentityRegistry  ${up.deployment.identityRegistry}`)
  println(out, `  RecordRegistry    ${up.deployment.recordRegistry}`)
  println(out, `  ConsentRegistry   ${up.deployment.consentRegistry}`)
  println(out, `  EmergencyAccess   ${up.deployment.emergencyAccess}`)
  println(out, `  AccessLog         ${up.deployment.accessLog}`)
  println(out)
  if (up.gateways.length > 0 || up.skippedGateways.length > 0) {
    println(out, 'FHIR gateways')
    if (up.gateways.length > 0) println(out, formatTable(['NAME', 'URL'], up.gateways.map((gateway) => [gateway.name, gateway.url])))
    for (const skipped of up.skippedGateways) println(out, `  ${skipped.name}: no gateway, ${skipped.reason}`)
    println(out)
  }
  // Name the passphrase only when it is the public default: a custom one may be a real secret.
  println(
    out,
    defaultPassphrase
      ? `Member keystores are in ${up.dataDir}/keys under the demo passphrase "${DEFAULT_DEMO_PASSPHRASE}": for local use only, never for real data.`
      : `Member keystores are in ${up.dataDir}/keys under the passphrase from MEDCHAIN_DEMO_PASSPHRASE: for local use only.`,
  )
  println(out, `Try: npm run medchain -- members list --rpc-url ${up.rpcUrl} --data-dir ${up.dataDir}`)
  if (up.gateways.length > 0) println(out, `     npm run medchain -- import <bundle.json|dir> --rpc-url ${up.rpcUrl} --data-dir ${up.dataDir}`)
  println(out, 'Press Ctrl+C to stop.')
}

/** Resolves on abort of `signal`, or else on the first SIGINT or SIGTERM. */
function waitForStop(signal: AbortSignal | undefined): Promise<void> {
  if (signal) {
    return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
  }
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
