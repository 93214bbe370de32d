import assert from 'node:assert/strict'
import { randomBytes } from 'node:crypto'
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { contentHash } from './contentHash.ts'
import { isStoreError } from './errors.ts'
import { openKeyStore } from './keyStore.ts'

const dirs: string[] = []
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))
const hashOf = () => contentHash(randomBytes(16))

describe('key store', () => {
  it('keeps wrapped keys across a reopen, and shreds them for good', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'medchain-keys-'))
    dirs.push(dir)
    const kept = { hash: hashOf(), keys: { patient: new Uint8Array(randomBytes(93)), custodian: new Uint8Array(randomBytes(93)) } }
    const erased = { hash: hashOf(), keys: { patient: new Uint8Array(randomBytes(93)), custodian: new Uint8Array(randomBytes(93)) } }
    const store = await openKeyStore({ dir })
    await store.putMany([kept, erased])
    await store.close()

    const reopened = await openKeyStore({ dir })
    assert.deepEqual(await reopened.get(kept.hash), kept.keys)
    const erasure = await reopened.shred(erased.hash, 'patient request (GDPR art. 17)')
    assert.equal(await reopened.get(erased.hash), undefined)
    assert.deepEqual(await reopened.erasure(erased.hash), erasure)
    assert.equal(await reopened.erasure(kept.hash), undefined)
    await reopened.close()

    // No file of the database still holds the destroyed key bytes (base64 as stored).
    const needles = Object.values(erased.keys).map((key) => Buffer.from(Buffer.from(key).toString('base64')))
    const keptNeedle = Buffer.from(Buffer.from(kept.keys.patient).toString('base64'))
    let keptFound = false
    for (const name of await readdir(dir)) {
      const content = await readFile(join(dir, name))
      for (const needle of needles) assert.equal(content.includes(needle), false, `${name} still holds a shredded key`)
      keptFound ||= content.includes(keptNeedle)
    }
    assert.ok(keptFound, 'the scan can find a key that was not shredded')
  })

  it('checks its arguments', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'medchain-keys-'))
    dirs.push(dir)
    const store = await openKeyStore({ dir })
    await assert.rejects(store.putMany([{ hash: hashOf(), keys: {} }]), (e: unknown) => isStoreError(e, 'STORE_INVALID_ARGUMENT'))
    await assert.rejects(store.shred(hashOf(), ''), (e: unknown) => isStoreError(e, 'STORE_INVALID_ARGUMENT'))
    await assert.rejects(store.get('0x12' as `0x${string}`), (e: unknown) => isStoreError(e, 'STORE_INVALID_ARGUMENT'))
    await store.close()
    await assert.rejects(store.get(hashOf()), (e: unknown) => isStoreError(e, 'STORE_CLOSED'))
  })
})
