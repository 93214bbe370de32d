import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const script = fileURLToPath(new URL('../fixtures/runNode.ts', import.meta.url))

export interface NodeProcess {
  url: string
  child: ChildProcess
  /** SIGKILL: no shutdown code runs, as in a crash. */
  kill(): Promise<void>
}

/** Starts an embedded node in a child process on `dataDir` and waits until it serves HTTP. */
export function startNodeProcess(dataDir: string): Promise<NodeProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', script, dataDir], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stderr = ''
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
  return new Promise((resolve, reject) => {
    let stdout = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
      const match = /READY (\S+)/.exec(stdout)
      if (match) {
        resolve({
          url: match[1]!,
          child,
          kill: () =>
            new Promise<void>((done) => {
              if (child.exitCode !== null || child.signalCode !== null) return done()
              child.once('exit', () => done())
              child.kill('SIGKILL')
            }),
        })
      }
    })
    child.once('exit', (code) => reject(new Error(`node process exited with ${code} before it was ready:\n${stderr}`)))
  })
}
