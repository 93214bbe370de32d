// Bytes a directory tree takes, as a benchmark reports disk use.
import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'

/** Sum of the sizes of the regular files under `dir` (apparent size, as `du --apparent-size`). */
export async function dirSize(dir: string): Promise<number> {
  let total = 0
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) total += await dirSize(path)
    else if (entry.isFile()) total += (await stat(path)).size
  }
  return total
}
