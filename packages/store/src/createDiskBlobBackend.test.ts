import assert from 'node:assert/strict'
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { mkdtemp, open, readdir, rm, stat } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { contentHash } from './contentHash.ts'
import { createDiskBlobBackend } from './createDiskBlobBackend.ts'
import { isStoreError, type StoreErrorCode } from './errors.ts'
import { encodeHeader, PACK, segmentName } from './packFormat.ts'

const dirs: string[] = []
after(() => Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true }))))
async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'medchain-store-'))
  dirs.push(dir)
  return dir
}
function blob(size = 300) {
  const bytes = new Uint8Array(randomBytes(size))
  return { hash: contentHash(bytes), bytes }
}
async function rejectsWith(promise: Promise<unknown> | (() => unknown), code: StoreErrorCode) {
  await assert.rejects(async () => (typeof promise === 'function' ? promise() : promise), (error: unknown) => isStoreError(error, code))
}

describe('disk blob backend', () => {
  it('stores, deduplicates and reads back blobs across a reopen', async () => {
    const dir = await tempDir()
    const blobs = Array.from({ length: 50 }, () => blob())
    const store = await createDiskBlobBackend({ dir })
    await store.putMany(blobs)
    await store.putMany([blobs[0] as (typeof blobs)[0]])
    assert.equal(store.size, 50)
    await store.close()
    const reopened = await createDiskBlobBackend({ dir })
    assert.equal(reopened.size, 50)
    for (const { hash, bytes } of blobs) assert.deepEqual(await reopened.get(hash), bytes)
    assert.equal(await reopened.get(blob().hash), undefined)
    await reopened.close()
    await rejectsWith(reopened.get(blobs[0]?.hash as `0x${string}`), 'STORE_CLOSED')
  })

  it('refuses bytes that do not match their hash, storing nothing of the batch', async () => {
    const store = await createDiskBlobBackend({ dir: await tempDir() })
    const good = blob()
    const bad = { hash: blob().hash, bytes: blob().bytes }
    await rejectsWith(() => store.putMany([good, bad]), 'STORE_HASH_MISMATCH')
    assert.equal(store.has(good.hash), false)
    await rejectsWith(() => store.putMany([{ hash: '0xABC' as `0x${string}`, bytes: good.bytes }]), 'STORE_INVALID_ARGUMENT')
    await rejectsWith(() => store.get(good.hash.toUpperCase() as `0x${string}`), 'STORE_INVALID_ARGUMENT')
    await store.close()
  })

  it('detects a flipped byte on disk and keeps serving the other blobs', async () => {
    const dir = await tempDir()
    const [first, second] = [blob(), blob()] as const
    const store = await createDiskBlobBackend({ dir })
    await store.putMany([first, second])
    const file = await open(join(dir, segmentName(1)), 'r+')
    const at = PACK.headerBytes + 10 // inside the first blob's payload
    const byte = Buffer.alloc(1)
    await file.read(byte, 0, 1, at)
    await file.write(Buffer.from([(byte[0] as number) ^ 0xff]), 0, 1, at)
    await file.close()
    await rejectsWith(store.get(first.hash), 'STORE_CORRUPT_BLOB')
    assert.deepEqual(await store.get(second.hash), second.bytes)
    await store.close()
  })

  it('drops an uncommitted tail at open and keeps appending after it', async () => {
    const dir = await tempDir()
    const committed = blob()
    const store = await createDiskBlobBackend({ dir })
    await store.putMany([committed])
    await store.close()
    const path = join(dir, segmentName(1))
    const { size } = await stat(path)
    // A batch cut short: a whole blob record with no commit record, then half a header.
    const torn = blob()
    const file = await open(path, 'r+')
    await file.write(encodeHeader(PACK.blobMagic, torn.bytes.length, Buffer.from(torn.hash.slice(2), 'hex')), 0, PACK.headerBytes, size)
    await file.write(torn.bytes, 0, torn.bytes.length, size + PACK.headerBytes)
    await file.write(Buffer.alloc(17, 1), 0, 17, size + PACK.headerBytes + torn.bytes.length)
    await file.close()
    const reopened = await createDiskBlobBackend({ dir })
    assert.equal(reopened.has(torn.hash), false)
    assert.equal((await stat(path)).size, size)
    const later = blob()
    await reopened.putMany([later])
    assert.deepEqual(await reopened.get(later.hash), later.bytes)
    assert.deepEqual(await reopened.get(committed.hash), committed.bytes)
    await reopened.close()
  })

  it('rolls over to new segments', async () => {
    const dir = await tempDir()
    const store = await createDiskBlobBackend({ dir, maxSegmentBytes: 4096 })
    const blobs = Array.from({ length: 12 }, () => blob(1000))
    for (const item of blobs) await store.putMany([item])
    await store.close()
    assert.ok((await readdir(dir)).length >= 3)
    const reopened = await createDiskBlobBackend({ dir })
    for (const { hash, bytes } of blobs) assert.deepEqual(await reopened.get(hash), bytes)
    await reopened.close()
  })

  it('loses no acknowledged blob when the writer is SIGKILLed mid-write', async () => {
    const dir = await tempDir()
    const acknowledged: `0x${string}`[] = []
    for (let round = 0; round < 4; round += 1) {
      const child = spawn(process.execPath, ['--import', 'tsx', new URL('../test/blobWriter.ts', import.meta.url).pathname, dir], {
        stdio: ['ignore', 'pipe', 'inherit'],
      })
      let buffered = ''
      let ready = false
      const lines: string[] = []
      child.stdout.on('data', (chunk: Buffer) => {
        buffered += chunk.toString()
        const parts = buffered.split('\n')
        buffered = parts.pop() ?? ''
        for (const line of parts) {
          if (line === 'ready') ready = true
          else lines.push(line)
        }
      })
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if (ready && lines.length >= 5 + round * 3) {
            clearInterval(timer)
            resolve()
          }
        }, 5)
      })
      child.kill('SIGKILL')
      await new Promise((resolve) => child.once('exit', resolve))
      for (const line of lines) acknowledged.push(...(line.split(' ') as `0x${string}`[]))
      const store = await createDiskBlobBackend({ dir })
      for (const hash of acknowledged) assert.ok(store.has(hash), `acknowledged blob ${hash} survived round ${round}`)
      for (const hash of acknowledged.slice(-50)) assert.equal(contentHash((await store.get(hash)) as Uint8Array), hash)
      await store.close()
    }
  })
})
