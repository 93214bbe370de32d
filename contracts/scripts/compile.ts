// Compiles contracts/src/**/*.sol offline with the pinned solc-js and writes typed ABIs and
// bytecode to contracts/generated. With --check, writes nothing and exits 1 if any generated file
// is missing, stale or no longer produced.
//
//   npx tsx contracts/scripts/compile.ts [--check]
//
// No OpenZeppelin: the only helpers needed (ECDSA recovery with low-s, EIP-712 hashing) are a few
// dozen lines in contracts/src/utils, easier to audit in place than a pinned package reached
// through an import callback, and nothing unused gets compiled.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compile, readSources } from './lib/solc.ts'
import { collectArtifacts } from './lib/artifacts.ts'
import { collectLibraryConstants } from './lib/constants.ts'
import { collectErrors, renderArtifact, renderConstants, renderErrors, renderIndex } from './lib/render.ts'

const contractsDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const srcDir = join(contractsDir, 'src')
const generatedDir = join(contractsDir, 'generated')

/** File name (in contracts/generated) -> content, for the current sources. */
function build(): Map<string, string> {
  const output = compile(readSources(srcDir))
  const messages = output.errors ?? []
  for (const warning of messages.filter((m) => m.severity !== 'error')) console.warn(warning.formattedMessage)
  const errors = messages.filter((m) => m.severity === 'error')
  if (errors.length > 0) {
    console.error(errors.map((m) => m.formattedMessage).join('\n'))
    console.error(`compilation failed with ${errors.length} error${errors.length === 1 ? '' : 's'}`)
    process.exit(1)
  }
  // Interfaces, abstract contracts and libraries are kept when they have an ABI (their errors
  // and events decode client-side); a library of internal constants alone has none.
  const artifacts = collectArtifacts(output).filter((a) => a.kind === 'contract' || a.abi.length > 0)
  const files = new Map<string, string>()
  for (const artifact of artifacts) files.set(artifact.name, renderArtifact(artifact))
  files.set('constants', renderConstants(collectLibraryConstants(output)))
  files.set('errors', renderErrors(collectErrors(artifacts)))
  files.set('index', renderIndex([...files.keys()].sort()))
  return new Map([...files].map(([name, content]) => [`${name}.ts`, content]))
}

function existingFiles(): string[] {
  return existsSync(generatedDir) ? readdirSync(generatedDir).filter((f) => f.endsWith('.ts')) : []
}

function main(): void {
  const check = process.argv.includes('--check')
  const started = performance.now()
  const expected = build()
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const show = (file: string) => relative(process.cwd(), join(generatedDir, file))

  const problems: string[] = []
  const changed: string[] = []
  for (const [file, content] of expected) {
    const path = join(generatedDir, file)
    if (!existsSync(path)) problems.push(`missing: ${show(file)}`)
    else if (readFileSync(path, 'utf8') !== content) problems.push(`stale: ${show(file)}`)
    else continue
    changed.push(file)
  }
  const extra = existingFiles().filter((file) => !expected.has(file))
  for (const file of extra) problems.push(`no longer generated: ${show(file)}`)

  if (check) {
    if (problems.length > 0) {
      console.error(`${problems.join('\n')}\ngenerated contract files are out of date: run npm run contracts:build`)
      process.exit(1)
    }
    console.log(`contracts: ${expected.size} generated files up to date (compiled in ${seconds} s)`)
    return
  }
  mkdirSync(generatedDir, { recursive: true })
  for (const file of changed) writeFileSync(join(generatedDir, file), expected.get(file)!)
  for (const file of extra) rmSync(join(generatedDir, file))
  console.log(
    `contracts: compiled in ${seconds} s; ${changed.length} written, ${extra.length} removed, ` +
      `${expected.size - changed.length} unchanged`,
  )
}

main()
