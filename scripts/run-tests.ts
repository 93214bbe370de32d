// Collects every *.test.ts file and hands them to Node's own test runner (Node 20 has no glob
// support in `node --test`). An argument narrows the run to paths containing it.
import { spawnSync } from 'node:child_process'
import { readdirSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'

const roots = ['circuits/test', 'contracts/test', 'packages', 'bench']
const skip = new Set(['node_modules', '.medchain', 'generated'])

function collect(dir: string, out: string[]): void {
  let entries: string[]
  try {
    entries = readdirSync(dir)
  } catch {
    return
  }
  for (const entry of entries) {
    if (skip.has(entry)) continue
    const path = join(dir, entry)
    if (statSync(path).isDirectory()) collect(path, out)
    else if (entry.endsWith('.test.ts')) out.push(relative(process.cwd(), path))
  }
}

const files: string[] = []
for (const root of roots) collect(root, files)
const filter = process.argv[2]
const selected = filter ? files.filter((file) => file.includes(filter)) : files
if (selected.length === 0) {
  console.error(`no test files${filter ? ` matching "${filter}"` : ''}`)
  process.exit(1)
}
const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-concurrency=2', '--test-reporter=spec', ...selected.sort()],
  { stdio: 'inherit' },
)
process.exit(result.status ?? 1)
