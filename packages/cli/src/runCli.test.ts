import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { run } from '../test/captureIo.ts'

describe('runCli', () => {
  it('prints help and the version with status 0', async () => {
    const help = await run(['--help'])
    assert.equal(help.code, 0)
    assert.match(help.stdout, /Usage: medchain/)
    for (const command of ['up', 'members', 'keys', 'import']) assert.match(help.stdout, new RegExp(`^  ${command}\\b`, 'm'))
    const membersHelp = await run(['members', 'vote', '--help'])
    assert.equal(membersHelp.code, 0)
    assert.match(membersHelp.stdout, /--as <keystore>/)
    assert.match(membersHelp.stdout, /--data-dir <dir>/)
    assert.match((await run(['--version'])).stdout, /^\d+\.\d+\.\d+\n$/)
  })

  it('exits 2 on usage errors with a coded message', async () => {
    const unknown = await run(['frobnicate'])
    assert.equal(unknown.code, 2)
    assert.match(unknown.stderr, /^error \[CLI_USAGE\]: unknown command 'frobnicate'/)
    const missing = await run(['keys', 'new'])
    assert.equal(missing.code, 2)
    assert.match(missing.stderr, /^error \[CLI_USAGE\]: missing required argument 'name'/)
    const badPort = await run(['up', '--port', 'eighty'])
    assert.equal(badPort.code, 2)
    assert.match(badPort.stderr, /^error \[CLI_USAGE\]: port expected an integer/)
    const badUrl = await run(['members', 'list'], { MEDCHAIN_RPC_URL: 'localhost:8545' })
    assert.equal(badUrl.code, 2)
    assert.match(badUrl.stderr, /MEDCHAIN_RPC_URL/)
  })
})
