// An in-memory CliIo: runs commands in process and keeps what they print.
import type { CliIo } from '../src/io.ts'
import { runCli } from '../src/runCli.ts'

/** Cheap scrypt for keystores made in tests; the KDF itself is tested in @medchain/crypto. */
export const TEST_SCRYPT_N = 1024

export type CliRun = { code: number; stdout: string; stderr: string }

/** Runs `argv` with captured output and `env` (test scrypt cost included). */
export async function run(argv: readonly string[], env: Record<string, string | undefined> = {}): Promise<CliRun> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: { write: (chunk: string) => (stdout += chunk) },
    stderr: { write: (chunk: string) => (stderr += chunk) },
    env: { MEDCHAIN_KEYSTORE_SCRYPT_N: String(TEST_SCRYPT_N), ...env },
  }
  const code = await runCli(argv, io)
  return { code, stdout, stderr }
}
