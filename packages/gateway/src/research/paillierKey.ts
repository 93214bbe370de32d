import { chmod, mkdir, readFile, rename, writeFile } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { PaillierKeyPair } from '@medchain/paillier'

/** The institution's Paillier key pair, made on first use and kept in one file. */
export type PaillierKeyFile = { get(): Promise<PaillierKeyPair> }

/**
 * The gateway's own Paillier key (2048 bits), generated once and kept at `path` with mode 0600:
 * every paillier-mode study of this institution encrypts its ranges under it, and every result
 * it reads needs the private half, so losing the file loses the studies in progress.
 */
export function createPaillierKeyFile({ path }: { path: string }): PaillierKeyFile {
  let loading: Promise<PaillierKeyPair> | undefined
  const load = async (): Promise<PaillierKeyPair> => {
    const { generateKeyPair, parsePrivateKey, serializePrivateKey } = await import('@medchain/paillier')
    let text: string | undefined
    try {
      text = await readFile(path, 'utf8')
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
    if (text !== undefined) return parsePrivateKey(JSON.parse(text))
    const pair = await generateKeyPair({ bits: 2048 })
    await mkdir(dirname(path), { recursive: true, mode: 0o700 })
    // Written aside then renamed: a crash never leaves half a key where the next start reads one.
    const partial = `${path}.partial`
    await writeFile(partial, `${JSON.stringify(serializePrivateKey(pair.privateKey))}\n`, { mode: 0o600 })
    await chmod(partial, 0o600)
    await rename(partial, path)
    return pair
  }
  return {
    get() {
      loading ??= load().catch((error: unknown) => {
        loading = undefined
        throw error
      })
      return loading
    },
  }
}
