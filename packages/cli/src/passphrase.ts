import { CliError } from './errors.ts'
import type { CliIo, InputStream, OutputStream } from './io.ts'

/**
 * A keystore passphrase: MEDCHAIN_PASSPHRASE when set, else typed at a hidden prompt when stdin
 * is a terminal (twice with `confirm`, for a new keystore). Never echoed, never logged.
 * @throws CliError `CLI_PASSPHRASE_REQUIRED`, `CLI_PASSPHRASE_MISMATCH`, `CLI_CANCELLED`
 */
export async function readPassphrase(io: CliIo, prompt: string, { confirm = false }: { confirm?: boolean } = {}): Promise<string> {
  const fromEnv = io.env.MEDCHAIN_PASSPHRASE
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv
  const stdin = io.stdin
  if (!stdin?.isTTY || typeof stdin.setRawMode !== 'function') {
    throw new CliError('A keystore passphrase is needed: set MEDCHAIN_PASSPHRASE or run in a terminal', { code: 'CLI_PASSPHRASE_REQUIRED' })
  }
  const passphrase = await promptHidden(stdin, io.stderr, prompt)
  if (confirm && (await promptHidden(stdin, io.stderr, 'Repeat the passphrase: ')) !== passphrase) {
    throw new CliError('The passphrases differ', { code: 'CLI_PASSPHRASE_MISMATCH' })
  }
  return passphrase
}

/** Reads one line from a TTY in raw mode without echoing it. */
function promptHidden(stdin: InputStream, output: OutputStream, question: string): Promise<string> {
  output.write(question)
  stdin.setRawMode?.(true)
  stdin.setEncoding('utf8')
  stdin.resume()
  let value = ''
  return new Promise((resolve, reject) => {
    const finish = (error?: CliError) => {
      stdin.removeListener('data', onData)
      stdin.setRawMode?.(false)
      stdin.pause()
      output.write('\n')
      if (error) reject(error)
      else resolve(value)
    }
    const onData = (chunk: string | Buffer) => {
      for (const char of Array.from(String(chunk))) {
        if (char === '\r' || char === '\n' || char === '\u0004') return finish()
        if (char === '\u0003') return finish(new CliError('Cancelled', { code: 'CLI_CANCELLED' }))
        if (char === '\u007f' || char === '\b') value = Array.from(value).slice(0, -1).join('')
        else value += char
      }
    }
    stdin.on('data', onData)
  })
}
