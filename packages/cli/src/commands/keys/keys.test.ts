// `medchain keys ...` through runCli: never a private key in the output.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { encryptKeystore, generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import { loadKeystore } from '@medchain/sdk'
import { run, TEST_SCRYPT_N } from '../../../test/captureIo.ts'

describe('medchain keys', () => {
  let dataDir: string
  const env = { MEDCHAIN_PASSPHRASE: 'correct horse battery' }
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'medchain-cli-keys-'))
  })
  after(() => rm(dataDir, { recursive: true, force: true }))

  it('creates, lists and shows a key without ever printing the private key', async () => {
    const created = await run(['keys', 'new', 'alice', '--data-dir', dataDir], env)
    assert.equal(created.code, 0, created.stderr)
    const address = /address\s+(0x[0-9a-fA-F]{40})/.exec(created.stdout)?.[1]
    const publicKey = /public key\s+(0x0[23][0-9a-f]{64})/.exec(created.stdout)?.[1]
    assert.ok(address && publicKey, created.stdout)
    const path = join(dataDir, 'keys', 'alice.json')
    assert.equal((await stat(path)).mode & 0o777, 0o600)
    const { privateKey } = await loadKeystore(join(dataDir, 'keys'), { name: 'alice', passphrase: env.MEDCHAIN_PASSPHRASE })
    assert.equal(privateKeyToAddress(privateKey), address)

    const listed = await run(['keys', 'list', '--data-dir', dataDir])
    assert.equal(listed.code, 0, listed.stderr)
    assert.match(listed.stdout, new RegExp(`^alice\\s+${address}$`, 'm'))
    const shown = await run(['keys', 'show', 'alice', '--data-dir', dataDir], env)
    assert.equal(shown.code, 0, shown.stderr)
    assert.match(shown.stdout, new RegExp(`address\\s+${address}`))
    assert.match(shown.stdout, new RegExp(`public key\\s+${publicKey}`))
    const exported = await run(['keys', 'export-public', 'alice', '--data-dir', dataDir], env)
    assert.deepEqual(JSON.parse(exported.stdout), { name: 'alice', address, publicKey })

    for (const output of [created, listed, shown, exported]) {
      assert.ok(!(output.stdout + output.stderr).includes(privateKey.slice(2)), 'a private key was printed')
    }
  })

  it('refuses an existing name, a path-trick name, a wrong passphrase and a missing one', async () => {
    const again = await run(['keys', 'new', 'alice', '--data-dir', dataDir], env)
    assert.equal(again.code, 1)
    assert.match(again.stderr, /^error \[SDK_KEYSTORE_EXISTS\]: /)
    const trick = await run(['keys', 'new', '../escape', '--data-dir', dataDir], env)
    assert.equal(trick.code, 1)
    assert.match(trick.stderr, /^error \[SDK_KEYSTORE_INVALID_NAME\]: Invalid keystore name "\.\.\/escape"/)
    const wrong = await run(['keys', 'show', 'alice', '--data-dir', dataDir], { MEDCHAIN_PASSPHRASE: 'tr0ub4dor' })
    assert.equal(wrong.code, 1)
    assert.match(wrong.stderr, /^error \[SDK_KEYSTORE_WRONG_PASSPHRASE\]: /)
    assert.ok(!wrong.stderr.includes('tr0ub4dor'))
    const missing = await run(['keys', 'show', 'alice', '--data-dir', dataDir])
    assert.equal(missing.code, 1)
    assert.match(missing.stderr, /^error \[CLI_PASSPHRASE_REQUIRED\]: /)
    const unknown = await run(['keys', 'show', 'bob', '--data-dir', dataDir], env)
    assert.match(unknown.stderr, /^error \[SDK_KEYSTORE_NOT_FOUND\]: No keystore named "bob"/)
    const badCost = await run(['keys', 'new', 'carol', '--data-dir', dataDir], { ...env, MEDCHAIN_KEYSTORE_SCRYPT_N: '1000' })
    assert.equal(badCost.code, 2)
  })

  it('imports a keystore made elsewhere after checking its passphrase', async () => {
    const privateKey = generatePrivateKey()
    const file = join(dataDir, 'exported.json')
    await writeFile(file, JSON.stringify(await encryptKeystore({ privateKey, passphrase: env.MEDCHAIN_PASSPHRASE, scryptN: TEST_SCRYPT_N })))
    const imported = await run(['keys', 'import', 'bob', file, '--data-dir', dataDir], env)
    assert.equal(imported.code, 0, imported.stderr)
    assert.match(imported.stdout, new RegExp(`address\\s+${privateKeyToAddress(privateKey)}`))
    const shown = await run(['keys', 'show', 'bob', '--json', '--data-dir', dataDir], env)
    assert.equal(JSON.parse(shown.stdout).publicKey, privateKeyToPublicKey(privateKey))
    assert.equal(await readFile(join(dataDir, 'keys', 'bob.json'), 'utf8'), `${await readFile(file, 'utf8')}\n`)
    const absent = await run(['keys', 'import', 'carol', join(dataDir, 'absent.json'), '--data-dir', dataDir], env)
    assert.equal(absent.code, 2)
  })
})
