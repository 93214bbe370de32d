// The real entry point in a child process, as `npm start` runs it: serve, answer, stop on a signal.
import assert from 'node:assert/strict'
import { spawn, spawnSync } from 'node:child_process'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { TEST_SCRYPT_N } from '../test/captureIo.ts'

const repoRoot = resolve(import.meta.dirname, '../../..')

/** The parent's environment without MEDCHAIN_* settings that would change what `up` does. */
function childEnv(): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MEDCHAIN_')))
  return { ...env, MEDCHAIN_KEYSTORE_SCRYPT_N: String(TEST_SCRYPT_N) }
}

type Up = { rpcUrl: string; consortium: string; stdout: string; stop(signal: NodeJS.Signals): Promise<{ code: number | null; stderr: string }> }

/** Starts `medchain up` and resolves once it printed its RPC URL and contract addresses. */
function spawnUp(dataDir: string): Promise<Up> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'packages/cli/src/main.ts', 'up', '--data-dir', dataDir, '--port', '0'], {
    cwd: repoRoot,
    env: childEnv(),
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let stdout = ''
  let stderr = ''
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)))
  return new Promise((resolveUp, reject) => {
    // A first start creates two gateway databases: over 30 s on 2 busy cores.
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`medchain up printed no RPC URL within 120 s\nstdout: ${stdout}\nstderr: ${stderr}`))
    }, 120_000)
    void exited.then((code) => {
      clearTimeout(timer)
      reject(new Error(`medchain up exited early with ${code}\nstdout: ${stdout}\nstderr: ${stderr}`))
    })
    child.stdout.on('data', () => {
      const rpcUrl = /RPC URL\s+(http:\/\/\S+)/.exec(stdout)?.[1]
      const consortium = /Consortium\s+(0x[0-9a-fA-F]{40})/.exec(stdout)?.[1]
      if (!rpcUrl || !consortium || !stdout.includes('Press Ctrl+C')) return
      clearTimeout(timer)
      resolveUp({
        rpcUrl,
        consortium,
        stdout,
        async stop(signal) {
          child.kill(signal)
          return { code: await exited, stderr }
        },
      })
    })
  })
}

describe('medchain up (child process)', () => {
  let dataDir: string
  before(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'medchain-cli-main-'))
  })
  after(() => rm(dataDir, { recursive: true, force: true }))

  it('serves JSON-RPC, exits cleanly on SIGTERM, and resumes the same deployment on restart', async () => {
    const first = await spawnUp(dataDir)
    assert.match(first.stdout, /Created the local medchain consortium/)
    assert.match(first.stdout, /for local use only/)
    assert.match(first.stdout, /^ {2}St\. Mary Hospital\s+http:\/\/127\.0\.0\.1:\d+$/m)
    assert.match(first.stdout, /^ {2}Riverside Clinic\s+http:\/\/127\.0\.0\.1:\d+$/m)
    const response = await fetch(first.rpcUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }),
    })
    const { result } = (await response.json()) as { result: string }
    assert.match(result, /^0x[0-9a-f]+$/)
    assert.match(first.stdout, new RegExp(`chain id\\s+${Number(result)}\\b`))
    const stopped = await first.stop('SIGTERM')
    assert.equal(stopped.code, 0, stopped.stderr)
    assert.match(stopped.stderr, /Stopped\./)

    const second = await spawnUp(dataDir)
    assert.match(second.stdout, /Resumed the local medchain consortium/)
    assert.equal(second.consortium, first.consortium)
    const interrupted = await second.stop('SIGINT')
    assert.equal(interrupted.code, 0, interrupted.stderr)
  })

  it('runs through the bin script too', () => {
    const result = spawnSync(process.execPath, [join(repoRoot, 'packages/cli/bin/medchain.js'), '--version'], { encoding: 'utf8', env: childEnv() })
    assert.equal(result.status, 0, result.stderr)
    assert.match(result.stdout, /^\d+\.\d+\.\d+\n$/)
  })
})
