import { println, type OutputStream } from '../../io.ts'
import type { BundleOutcome } from './importBundle.ts'

export type ImportSummary = {
  gatewayUrl: string | undefined
  outcomes: readonly BundleOutcome[]
  /** Files that failed before any import was tried (not JSON). */
  unreadable: readonly { name: string; reason: string }[]
  skipped: number
  seconds: number
  patientKeysDir: string
}

/** Totals, rate, and one line per failed file with its reason. */
export function printImportSummary(out: OutputStream, summary: ImportSummary): void {
  const imported = summary.outcomes.filter((outcome) => outcome.ok)
  const failures = [...summary.unreadable, ...summary.outcomes.flatMap((outcome) => (outcome.ok ? [] : [{ name: outcome.file.name, reason: outcome.reason }]))].sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )
  const resources = imported.reduce((sum, outcome) => sum + outcome.resources, 0)
  const patients = new Set(imported.map((outcome) => outcome.sourcePatientId))
  const newPatients = new Set(imported.filter((outcome) => outcome.newPatient).map((outcome) => outcome.sourcePatientId))
  const rate = summary.seconds > 0 ? resources / summary.seconds : 0
  println(out, `Imported ${imported.length} of ${imported.length + failures.length} bundle files${summary.gatewayUrl ? ` into ${summary.gatewayUrl}` : ''}.`)
  println(out)
  const rows = [
    ['bundles', `${imported.length} imported, ${failures.length} failed, ${summary.skipped} skipped (not Bundles)`],
    ['resources', String(resources)],
    ['patients', `${patients.size} (${newPatients.size} new, ${patients.size - newPatients.size} existing)`],
    ['time', `${summary.seconds.toFixed(1)} s (${rate.toFixed(1)} resources/s)`],
    ['patient keys', summary.patientKeysDir],
  ]
  for (const [label, value] of rows) println(out, `  ${label!.padEnd(12)}  ${value}`)
  if (failures.length === 0) return
  println(out)
  println(out, 'Failures')
  const width = Math.max(...failures.map((failure) => failure.name.length))
  for (const failure of failures) println(out, `  ${failure.name.padEnd(width)}  ${failure.reason}`)
}
