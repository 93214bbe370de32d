import { spawn } from 'node:child_process'
import { createRequire } from 'node:module'
import { mkdir } from 'node:fs/promises'
import { join, relative } from 'node:path'
import { CIRCUIT_SOURCES_DIR, type CircuitName } from '../circuits.ts'
import { ZkError } from '../errors.ts'

const require = createRequire(import.meta.url)

/** What one compilation produced. */
export type CompiledCircuit = { r1cs: string; wasm: string; constraints: number }

/**
 * Compiles a circuit with the pinned circom 2 (the `circom2` WASI build, so no toolchain to
 * install) at --O2. circom is deterministic for the same sources and version, so a ceremony can
 * recompile instead of shipping the large r1cs files; the manifest's hash proves it matches.
 */
export async function compileCircuit(name: CircuitName, outDir: string): Promise<CompiledCircuit> {
  await mkdir(outDir, { recursive: true })
  const circom = require.resolve('circom2/cli.js')
  const root = join(CIRCUIT_SOURCES_DIR, '..')
  // circom2 runs under WASI with the working directory preopened: pass paths relative to it.
  const source = relative(root, join(CIRCUIT_SOURCES_DIR, 'main', `${name}.circom`))
  const output = await run(process.execPath, [circom, source, '--r1cs', '--wasm', '--O2', '-l', 'node_modules', '-o', relative(root, outDir)], root)
  const constraints = /non-linear constraints: (\d+)/.exec(output)
  if (!constraints) throw new ZkError(`circom did not report constraints for ${name}`, { code: 'ZK_CEREMONY_FAILED', details: output.slice(-2000) })
  return { r1cs: join(outDir, `${name}.r1cs`), wasm: join(outDir, `${name}_js`, `${name}.wasm`), constraints: Number(constraints[1]) }
}

function run(command: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code === 0 && output.includes('Everything went okay')) resolve(output)
      else reject(new ZkError(`circom failed (exit ${code})`, { code: 'ZK_CEREMONY_FAILED', details: output.slice(-2000) }))
    })
  })
}
