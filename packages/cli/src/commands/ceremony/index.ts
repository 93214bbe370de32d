import type { Command } from 'commander'
import { addConnectionOptions, type ConnectionOptions } from '../../connect.ts'
import type { CliIo } from '../../io.ts'

export type CeremonyOptions = ConnectionOptions & { circuits?: string; out?: string }

/**
 * `medchain ceremony`: the Groth16 phase 2 of the enrollment circuits with one contribution per
 * consortium member, a beacon from the latest block hash, a full verification, then each
 * verifier deployed and installed on chain with its transcript hash (the `--as` keystore is a
 * regulator's). The zk toolchain loads only when the command runs.
 */
export function registerCeremony(program: Command, io: CliIo): void {
  const command = program
    .command('ceremony')
    .description('run the zk-SNARK setup ceremony: a contribution per member, verifiers deployed and installed on chain')
    .option('--circuits <names>', 'comma-separated circuits (default all: enroll8,enroll32,verified8,verified32)')
    .option('--out <dir>', 'where the new keys go (default <data-dir>/ceremony); point MEDCHAIN_CIRCUITS_DIR at it')
  addConnectionOptions(command, { signs: true }).action(async (_options: unknown, cmd: Command) => {
    const { runCeremony } = await import('./runCeremony.ts')
    await runCeremony(io, cmd.optsWithGlobals<CeremonyOptions>())
  })
}
