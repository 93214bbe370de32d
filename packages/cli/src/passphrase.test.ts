import assert from 'node:assert/strict'
import { PassThrough } from 'node:stream'
import { describe, it } from 'node:test'
import { CliError } from './errors.ts'
import type { CliIo, InputStream } from './io.ts'
import { readPassphrase } from './passphrase.ts'

/** A fake terminal: typed keystrokes in, raw-mode switches recorded, echo captured. */
function terminal(keystrokes: string[]) {
  const stdin = new PassThrough() as PassThrough & InputStream
  const modes: boolean[] = []
  stdin.isTTY = true
  stdin.setRawMode = (mode: boolean) => modes.push(mode)
  let echoed = ''
  const io: CliIo = { stdout: { write: () => true }, stderr: { write: (chunk: string) => (echoed += chunk) }, stdin, env: {} }
  // Type once the prompt listens, one chunk per line as a terminal in raw mode delivers them.
  const type = async () => {
    for (const keys of keystrokes) {
      await new Promise((resolve) => setImmediate(resolve))
      stdin.write(keys)
    }
  }
  return { io, modes, echoed: () => echoed, type }
}

describe('readPassphrase', () => {
  it('prefers MEDCHAIN_PASSPHRASE', async () => {
    assert.equal(await readPassphrase({ stdout: { write: () => true }, stderr: { write: () => true }, env: { MEDCHAIN_PASSPHRASE: 'from env' } }, 'p: '), 'from env')
  })

  it('reads a hidden line from a terminal, handling backspace, and restores the mode', async () => {
    const tty = terminal(['s3cret', 'x\u007f', '!\r'])
    const [passphrase] = await Promise.all([readPassphrase(tty.io, 'Passphrase: '), tty.type()])
    assert.equal(passphrase, 's3cret!')
    assert.equal(tty.echoed(), 'Passphrase: \n')
    assert.deepEqual(tty.modes, [true, false])
  })

  it('asks twice for a new passphrase and refuses a mismatch', async () => {
    const tty = terminal(['one\r', 'two\r'])
    const [result] = await Promise.all([readPassphrase(tty.io, 'New: ', { confirm: true }).catch((error: unknown) => error), tty.type()])
    assert.ok(result instanceof CliError && result.code === 'CLI_PASSPHRASE_MISMATCH')
  })

  it('treats Ctrl+C as cancel and refuses to prompt without a terminal', async () => {
    const tty = terminal(['ab\u0003'])
    const [result] = await Promise.all([readPassphrase(tty.io, 'p: ').catch((error: unknown) => error), tty.type()])
    assert.ok(result instanceof CliError && result.code === 'CLI_CANCELLED')
    const piped = new PassThrough() as PassThrough & InputStream
    await assert.rejects(
      readPassphrase({ stdout: { write: () => true }, stderr: { write: () => true }, stdin: piped, env: {} }, 'p: '),
      (error: unknown) => error instanceof CliError && error.code === 'CLI_PASSPHRASE_REQUIRED',
    )
  })
})
