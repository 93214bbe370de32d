// Entry point of `medchain` (`npm start` runs `medchain up`; `npm run medchain -- <command>` any command).
import { runCli } from './runCli.ts'

process.exitCode = await runCli(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  // Only touched by a passphrase prompt: opening stdin needlessly could keep the process alive.
  get stdin() {
    return process.stdin
  },
  env: process.env,
})
