import { mkdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { enrollThroughGateway, type EnrollmentStep } from '@medchain/research/client'
import { releaseProver } from '@medchain/zk'
import { connect } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { println, toJson, type CliIo } from '../../io.ts'
import { resolveDataDir } from '../../options.ts'
import { createProgress } from '../../up/progress.ts'
import type { ResearchOptions } from './index.ts'
import { gatewayAt, patientKey } from './researchKeys.ts'

const STEPS: EnrollmentStep[] = ['study', 'attestation', 'proving', 'enrolling', 'result']
const LABELS: Record<EnrollmentStep, string> = {
  study: 'fetching the study and checking it against the chain',
  attestation: 'fetching your attestations',
  proving: 'proving eligibility on this machine (zk-SNARK)',
  enrolling: 'enrolling through your hospital',
  result: 'sealing and sending your result',
}

/**
 * Proves and enrolls the `--patient` in a study, then sends their result. The sealed result is
 * kept in `<data-dir>/research/` until the hospital has taken it, so a failed send can be retried
 * by running the command's relay again (the hash on chain is recorded once).
 */
export async function runEnroll(io: CliIo, studyIdText: string, options: ResearchOptions): Promise<void> {
  if (!/^[1-9]\d{0,77}$/.test(studyIdText)) throw usageError(`study id expected a positive decimal integer, got ${JSON.stringify(studyIdText)}`)
  const studyId = BigInt(studyIdText)
  const privateKey = await patientKey(io, options)
  const client = await connect(io, { ...options, as: undefined })
  const hospital = options.gateway === undefined ? undefined : await gatewayAt(options.gateway)
  const pendingDir = join(resolveDataDir(io, options.dataDir), 'research')
  let pendingFile: string | undefined
  const progress = createProgress(io.stderr)
  let timer: NodeJS.Timeout | undefined
  try {
    const enrolled = await enrollThroughGateway(client, {
      studyId,
      privateKey,
      hospital,
      onStep: (step) => {
        const index = STEPS.indexOf(step)
        clearInterval(timer)
        progress.step({ index, total: STEPS.length, label: LABELS[step] })
        if (step === 'proving' && io.stderr.isTTY) {
          const started = Date.now()
          timer = setInterval(() => progress.step({ index, total: STEPS.length, label: `${LABELS[step]} ${((Date.now() - started) / 1000).toFixed(0)} s` }), 1000)
        }
      },
      onSealed: async (sealed) => {
        await mkdir(pendingDir, { recursive: true, mode: 0o700 })
        pendingFile = join(pendingDir, `result-${sealed.studyId}-${sealed.nullifier}.json`)
        await writeFile(pendingFile, `${JSON.stringify(sealed)}\n`, { mode: 0o600 })
      },
    })
    clearInterval(timer)
    progress.stop()
    if (pendingFile !== undefined) await rm(pendingFile, { force: true })
    pendingFile = undefined
    if (options.json) return println(io.stdout, toJson(enrolled))
    println(io.stdout, `Enrolled in study ${studyId}; the institution has your result${enrolled.forwarded ? '' : ' recorded on chain (not yet delivered)'}`)
    println(io.stdout, `  nullifier  ${enrolled.nullifier}`)
    println(io.stdout, `  enroll tx  ${enrolled.enrollTransaction}`)
    println(io.stdout, `  result     ${enrolled.resultHash}`)
  } finally {
    clearInterval(timer)
    progress.stop()
    await releaseProver()
    if (pendingFile !== undefined) println(io.stderr, `Your result was sealed and kept in ${pendingFile}; nothing of it is lost.`)
  }
}
