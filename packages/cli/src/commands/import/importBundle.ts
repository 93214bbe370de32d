import { readFile } from 'node:fs/promises'
import { CryptoError } from '@medchain/crypto'
import { GatewayError, prepareImportBundle } from '@medchain/gateway'
import { MedchainError } from '@medchain/sdk'
import type { Hex } from 'viem'
import { CliError } from '../../errors.ts'
import { postBundle } from './gatewayClient.ts'
import type { PatientKeys } from './patientKeys.ts'
import type { BundleFile } from './scanBundles.ts'

/** What became of one bundle file. */
export type BundleOutcome =
  | { ok: true; file: BundleFile; resources: number; sourcePatientId: string; newPatient: boolean }
  | { ok: false; file: BundleFile; reason: string }

export type ImportBundleOptions = { gatewayUrl: string; privateKey: Hex; patientKeys: PatientKeys }

/**
 * Imports one Synthea-style transaction Bundle for its patient: the patient's saved key (or a new
 * one) gives the pseudonym, prepareImportBundle rewrites the entries as idempotent PUTs, and the
 * hospital signs the POST. Never throws: every failure becomes a reason naming its code.
 */
export async function importBundle(file: BundleFile, options: ImportBundleOptions): Promise<BundleOutcome> {
  try {
    const source: unknown = JSON.parse(await readFile(file.path, 'utf8'))
    const sourcePatientId = findSourcePatientId(source)
    const patient = await options.patientKeys.get(sourcePatientId)
    const prepared = prepareImportBundle(source, { pseudonym: patient.address, encryptionPublicKey: patient.publicKey })
    const posted = await postBundle({ gatewayUrl: options.gatewayUrl, privateKey: options.privateKey, body: JSON.stringify(prepared.bundle) })
    if (!posted.ok) return { ok: false, file, reason: posted.reason }
    return { ok: true, file, resources: prepared.resources, sourcePatientId, newPatient: patient.created }
  } catch (error) {
    return { ok: false, file, reason: describeError(error) }
  }
}

/**
 * The id the source system gave the bundle's one Patient (its `id`, else its urn:uuid), as
 * prepareImportBundle reports it: needed before the bundle is prepared, since it names the key.
 * @throws CliError `CLI_INVALID_BUNDLE`
 */
function findSourcePatientId(bundle: unknown): string {
  const entries = (bundle as { entry?: unknown }).entry
  const patients = (Array.isArray(entries) ? entries : []).filter((entry) => entry?.resource?.resourceType === 'Patient') as { fullUrl?: unknown; resource: { id?: unknown } }[]
  const [patient] = patients
  if (patients.length !== 1 || patient === undefined) throw new CliError(`Expected one Patient in the bundle, found ${patients.length}`, { code: 'CLI_INVALID_BUNDLE' })
  const id = patient.resource.id ?? /^urn:uuid:(.+)$/.exec(String(patient.fullUrl ?? ''))?.[1]
  if (typeof id !== 'string' || id === '') throw new CliError('The Patient entry has neither an id nor a urn:uuid fullUrl', { code: 'CLI_INVALID_BUNDLE' })
  return id
}

function describeError(error: unknown): string {
  if (error instanceof CliError || error instanceof MedchainError || error instanceof CryptoError || error instanceof GatewayError) {
    return `[${error.code}] ${error.shortMessage}${error.details ? ` (${error.details})` : ''}`
  }
  if (error instanceof SyntaxError) return `[CLI_INVALID_BUNDLE] not readable as JSON: ${error.message}`
  return error instanceof Error ? error.message : String(error)
}
