// Synthetic patients for the records benchmark: the 40 Synthea fixtures, each copied under fresh
// UUIDs so that every copy is a distinct patient with distinct records (same shapes and sizes as
// the real bundles).
import { randomUUID } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { SYNTHEA_DIR } from '../../scripts/syntheaFixtures.ts'

export const FIXTURES = SYNTHEA_DIR

const UUID_RE = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi

/** The fixture bundles as JSON text. */
export async function loadFixtures(): Promise<string[]> {
  const files = (await readdir(FIXTURES)).filter((f) => f.endsWith('.json')).sort()
  return Promise.all(files.map((f) => readFile(join(FIXTURES, f), 'utf8')))
}

/** A copy of `bundle` with every UUID replaced consistently by a fresh one. */
export function freshCopy(bundle: string): unknown {
  const renamed = new Map<string, string>()
  return JSON.parse(bundle.replace(UUID_RE, (uuid) => {
    const key = uuid.toLowerCase()
    let next = renamed.get(key)
    if (next === undefined) {
      next = randomUUID()
      renamed.set(key, next)
    }
    return next
  }))
}
