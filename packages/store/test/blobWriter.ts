// Child process for the crash test: writes batches of random blobs forever and prints each
// batch's hashes once putMany has resolved (acknowledged), until the parent SIGKILLs it.
import { randomBytes } from 'node:crypto'
import { contentHash, createDiskBlobBackend } from '../src/index.ts'

const dir = process.argv[2] as string
const store = await createDiskBlobBackend({ dir, maxSegmentBytes: 256 * 1024 })
process.stdout.write('ready\n')
for (;;) {
  const blobs = Array.from({ length: 1 + (randomBytes(1)[0] as number) % 40 }, () => {
    const bytes = new Uint8Array(randomBytes(200 + ((randomBytes(2).readUInt16BE(0)) % 4000)))
    return { hash: contentHash(bytes), bytes }
  })
  await store.putMany(blobs)
  process.stdout.write(`${blobs.map((b) => b.hash).join(' ')}\n`)
}
