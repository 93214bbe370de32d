import assert from 'node:assert/strict'
import { mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { encryptKeystore, generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import { expectMedchainError } from '../../test/expectMedchainError.ts'
import { importKeystore, keystoreFilePath, listKeystores, loadKeystore, saveKeystore } from './keystoreFiles.ts'

/** Cheap scrypt: these tests check file handling, not the KDF. */
const scryptN = 1024

describe('keystore files', () => {
  let root: string
  let dir: string
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medchain-sdk-keys-'))
    dir = join(root, 'keys')
  })
  after(() => rm(root, { recursive: true, force: true }))

  it('saves, lists and loads a key; the file is owner-only and holds no plaintext key', async () => {
    const privateKey = generatePrivateKey()
    const saved = await saveKeystore(dir, { name: 'st-mary', privateKey, passphrase: 'correct horse', scryptN })
    assert.equal(saved.path, join(dir, 'st-mary.json'))
    assert.equal(saved.address, privateKeyToAddress(privateKey))
    assert.equal((await stat(saved.path)).mode & 0o777, 0o600)
    assert.equal((await stat(dir)).mode & 0o777, 0o700)
    assert.ok(!(await readFile(saved.path, 'utf8')).includes(privateKey.slice(2)))

    const loaded = await loadKeystore(dir, { name: 'st-mary', passphrase: 'correct horse' })
    assert.deepEqual(loaded, { name: 'st-mary', address: saved.address, publicKey: privateKeyToPublicKey(privateKey), privateKey })
    await saveKeystore(dir, { name: 'riverside', privateKey: generatePrivateKey(), passphrase: 'p', scryptN })
    const listed = await listKeystores(dir)
    assert.deepEqual(listed.map((entry) => entry.name), ['riverside', 'st-mary'])
    assert.equal(listed[1]?.address, saved.address)
    assert.deepEqual(Object.keys(listed[0]!).sort(), ['address', 'name'])
    assert.deepEqual((await readdir(dir)).sort(), ['riverside.json', 'st-mary.json'])
  })

  it('reports a wrong passphrase, a missing name and an existing name with their codes', async () => {
    await saveKeystore(dir, { name: 'regulator', privateKey: generatePrivateKey(), passphrase: 'right', scryptN })
    const wrong = await expectMedchainError(loadKeystore(dir, { name: 'regulator', passphrase: 'hunter2-guess' }), 'SDK_KEYSTORE_WRONG_PASSPHRASE')
    assert.ok(!wrong.message.includes('hunter2'), 'the message must not echo the passphrase')
    await expectMedchainError(loadKeystore(dir, { name: 'nobody', passphrase: 'x' }), 'SDK_KEYSTORE_NOT_FOUND')
    await expectMedchainError(saveKeystore(dir, { name: 'regulator', privateKey: generatePrivateKey(), passphrase: 'x', scryptN }), 'SDK_KEYSTORE_EXISTS')
    await expectMedchainError(saveKeystore(dir, { name: 'empty-pass', privateKey: generatePrivateKey(), passphrase: '', scryptN }), 'SDK_INVALID_ARGUMENT')
    await writeFile(join(dir, 'broken.json'), '{"version": 3}')
    await expectMedchainError(loadKeystore(dir, { name: 'broken', passphrase: 'x' }), 'SDK_KEYSTORE_INVALID')
    assert.equal((await listKeystores(dir)).find((entry) => entry.name === 'broken')?.address, undefined)
  })

  it('refuses names that could escape the keys directory', async () => {
    for (const name of ['../evil', '..', '.', 'a/b', 'a\\b', '/etc/passwd', '.hidden', '', 'x'.repeat(65), 'a b', 'nul\0byte', '-rf']) {
      await expectMedchainError(saveKeystore(dir, { name, privateKey: generatePrivateKey(), passphrase: 'p', scryptN }), 'SDK_KEYSTORE_INVALID_NAME')
      await expectMedchainError(loadKeystore(dir, { name, passphrase: 'p' }), 'SDK_KEYSTORE_INVALID_NAME')
      await expectMedchainError(() => keystoreFilePath(dir, name), 'SDK_KEYSTORE_INVALID_NAME')
    }
    assert.deepEqual(await readdir(root), ['keys'])
  })

  it('imports a foreign keystore after checking its passphrase', async () => {
    const privateKey = generatePrivateKey()
    const keystore = JSON.stringify(await encryptKeystore({ privateKey, passphrase: 'theirs', scryptN }))
    await expectMedchainError(importKeystore(dir, { name: 'imported', keystore, passphrase: 'nope' }), 'SDK_KEYSTORE_WRONG_PASSPHRASE')
    await expectMedchainError(importKeystore(dir, { name: 'imported', keystore: '{"not":"a keystore"}', passphrase: 'x' }), 'SDK_KEYSTORE_INVALID')
    const imported = await importKeystore(dir, { name: 'imported', keystore, passphrase: 'theirs' })
    assert.equal(imported.address, privateKeyToAddress(privateKey))
    assert.equal((await stat(imported.path)).mode & 0o777, 0o600)
    assert.equal((await loadKeystore(dir, { name: 'imported', passphrase: 'theirs' })).privateKey, privateKey)
  })

  it('lists nothing for a missing directory', async () => {
    assert.deepEqual(await listKeystores(join(root, 'absent')), [])
  })
})
