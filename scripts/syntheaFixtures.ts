// Where the shared Synthea R4 fixtures are: the 40 patient bundles every suite and benchmark uses.
// They live beside the repository (`<repo>/../shared/fixtures/synthea-r4`) on the workplace's
// machines; a clone elsewhere (CI) points MEDCHAIN_SHARED_DIR at the shared folder, and the
// workplace's usual place is tried last.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const repo = fileURLToPath(new URL('..', import.meta.url))

function findSyntheaDir(): string {
  const candidates = [
    process.env.MEDCHAIN_SHARED_DIR,
    join(repo, '..', 'shared'),
    '/work/shared',
  ].filter((dir): dir is string => dir !== undefined && dir !== '')
  for (const shared of candidates) {
    const dir = join(shared, 'fixtures', 'synthea-r4')
    if (existsSync(dir)) return `${dir}/`
  }
  throw new Error(`Synthea fixtures not found in ${candidates.map((dir) => join(dir, 'fixtures', 'synthea-r4')).join(', ')}: set MEDCHAIN_SHARED_DIR`)
}

/** The Synthea fixtures directory, with a trailing slash. */
export const SYNTHEA_DIR = findSyntheaDir()
