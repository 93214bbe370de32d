// What `medchain import` was pointed at: one file, or every *.json of a directory, sorted, each
// read once up front so that the progress bar knows the resource total.
import { readdir, readFile, stat } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { usageError } from '../../errors.ts'

/** A file to import, with its entry count. */
export type BundleFile = { path: string; name: string; entries: number }

/** The result of a scan: Bundles to import, files that are not Bundles, files that are not JSON. */
export type BundleScan = {
  bundles: BundleFile[]
  skipped: { name: string; reason: string }[]
  unreadable: { name: string; reason: string }[]
}

/**
 * Reads `path` (a file, or a directory's *.json files in name order) and sorts each file into a
 * Bundle with entries, a JSON document that is no Bundle (skipped) or a file that is not JSON.
 * @throws CliError `CLI_USAGE` when `path` does not exist or a directory holds no *.json file
 */
export async function scanBundles(path: string): Promise<BundleScan> {
  const files = await listFiles(path)
  const scan: BundleScan = { bundles: [], skipped: [], unreadable: [] }
  for (const file of files) {
    const name = basename(file)
    let document: unknown
    try {
      document = JSON.parse(await readFile(file, 'utf8'))
    } catch (error) {
      scan.unreadable.push({ name, reason: `[CLI_INVALID_BUNDLE] not readable as JSON: ${(error as Error).message}` })
      continue
    }
    const { resourceType, entry } = (document ?? {}) as { resourceType?: unknown; entry?: unknown }
    if (resourceType !== 'Bundle') {
      scan.skipped.push({ name, reason: `not a FHIR Bundle (resourceType ${JSON.stringify(resourceType ?? null)})` })
    } else {
      scan.bundles.push({ path: file, name, entries: Array.isArray(entry) ? entry.length : 0 })
    }
  }
  return scan
}

async function listFiles(path: string): Promise<string[]> {
  let isDirectory: boolean
  try {
    isDirectory = (await stat(path)).isDirectory()
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw usageError(`${path} does not exist`)
    throw error
  }
  if (!isDirectory) return [path]
  const names = (await readdir(path)).filter((name) => name.endsWith('.json')).sort()
  if (names.length === 0) throw usageError(`${path} holds no *.json file`)
  return names.map((name) => join(path, name))
}
