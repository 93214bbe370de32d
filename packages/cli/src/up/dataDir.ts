import { readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { CliError } from '../errors.ts'

/** Everything `medchain up` and `medchain import` ever put in a data directory. */
export const DATA_DIR_ENTRIES = ['chain', 'keys', 'deployments', 'gateways', 'patients'] as const

/**
 * The entries of a data directory (undefined when it does not exist), after checking that it
 * holds only what a medchain data directory holds, so that a mistyped `--data-dir ~` is never
 * wiped or written into by `--fresh`.
 * @throws CliError `CLI_NOT_A_DATA_DIR`
 */
export async function checkDataDir(dataDir: string): Promise<string[] | undefined> {
  let entries: string[]
  try {
    if (!(await stat(dataDir)).isDirectory()) throw notADataDir(dataDir, 'it is not a directory')
    entries = await readdir(dataDir)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw error
  }
  const foreign = entries.filter((entry) => !(DATA_DIR_ENTRIES as readonly string[]).includes(entry))
  if (foreign.length > 0) {
    throw notADataDir(dataDir, `it holds ${foreign.slice(0, 5).map((entry) => JSON.stringify(entry)).join(', ')}${foreign.length > 5 ? ', ...' : ''}`)
  }
  return entries
}

/**
 * Empties a data directory for `up --fresh` (the directory itself stays).
 * @throws CliError `CLI_NOT_A_DATA_DIR`
 */
export async function wipeDataDir(dataDir: string): Promise<void> {
  for (const entry of (await checkDataDir(dataDir)) ?? []) await rm(join(dataDir, entry), { recursive: true, force: true })
}

function notADataDir(dataDir: string, why: string): CliError {
  return new CliError(`Refusing to wipe ${dataDir}: it does not look like a medchain data directory (${why})`, {
    code: 'CLI_NOT_A_DATA_DIR',
    details: `a data directory holds only ${DATA_DIR_ENTRIES.join(', ')}`,
  })
}
