import { randomBytes } from 'node:crypto'
import { open, rename, rm } from 'node:fs/promises'

/**
 * Writes `contents` to a new uniquely named file beside `path` and flushes it to disk; returns
 * that file's path. The caller renames or links it into place.
 */
export async function writeTempFile(path: string, contents: string, mode: number): Promise<string> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`
  try {
    const handle = await open(temp, 'wx', mode)
    try {
      await handle.writeFile(contents)
      await handle.sync()
    } finally {
      await handle.close()
    }
    return temp
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}

/**
 * Writes `contents` to `path` through a temporary file and a rename, so that a reader sees the
 * old file or the new one, never a torn write, even across a crash.
 */
export async function atomicWrite(path: string, contents: string, mode = 0o644): Promise<void> {
  const temp = await writeTempFile(path, contents, mode)
  try {
    await rename(temp, path)
  } catch (error) {
    await rm(temp, { force: true })
    throw error
  }
}
