import type { Address, Hex } from 'viem'
import { GatewayError } from '../errors.ts'
import { ENCRYPTION_KEY_EXTENSION } from '../records/writeService.ts'

type Entry = { fullUrl?: string; resource?: { resourceType?: string; id?: string; extension?: unknown[] } & Record<string, unknown>; request?: { method?: string; url?: string } }

const URN_UUID_RE = /^urn:uuid:([0-9a-fA-F-]{36})$/

/**
 * Turns a Synthea transaction Bundle into the one a hospital imports: the patient becomes
 * `PUT Patient/<pseudonym>` carrying the pseudonym's encryption key (so the gateway registers it
 * on chain), and every other entry a `PUT Type/<its urn:uuid>`, so that re-importing a bundle
 * updates the same records instead of duplicating them. References between entries keep their
 * urn:uuid form; the gateway resolves them to the new ids.
 * @throws GatewayError `GATEWAY_INVALID_REQUEST` for a bundle without exactly one Patient or with
 *   entries lacking a urn:uuid fullUrl
 */
export function prepareImportBundle(bundle: unknown, patient: { pseudonym: Address; encryptionPublicKey: Hex }): { bundle: Record<string, unknown>; sourcePatientId: string; resources: number } {
  const source = bundle as { resourceType?: string; type?: string; entry?: Entry[] }
  if (source?.resourceType !== 'Bundle' || !Array.isArray(source.entry)) throw new GatewayError('Expected a FHIR Bundle with entries', { code: 'GATEWAY_INVALID_REQUEST' })
  const patients = source.entry.filter((entry) => entry.resource?.resourceType === 'Patient')
  if (patients.length !== 1) throw new GatewayError(`Expected one Patient in the bundle, found ${patients.length}`, { code: 'GATEWAY_INVALID_REQUEST' })
  let sourcePatientId = ''
  const entry = source.entry.map((item, i) => {
    const match = URN_UUID_RE.exec(item.fullUrl ?? '')
    const type = item.resource?.resourceType
    if (match === null || typeof type !== 'string') throw new GatewayError(`Entry ${i} needs a urn:uuid fullUrl and a resource`, { code: 'GATEWAY_INVALID_REQUEST' })
    if (type === 'Patient') {
      sourcePatientId = (item.resource?.id as string | undefined) ?? (match[1] as string)
      const extension = [...(Array.isArray(item.resource?.extension) ? item.resource.extension : []), { url: ENCRYPTION_KEY_EXTENSION, valueString: patient.encryptionPublicKey }]
      return { fullUrl: item.fullUrl, resource: { ...item.resource, id: patient.pseudonym, extension }, request: { method: 'PUT', url: `Patient/${patient.pseudonym}` } }
    }
    const id = (match[1] as string).toLowerCase()
    return { fullUrl: item.fullUrl, resource: { ...item.resource, id }, request: { method: 'PUT', url: `${type}/${id}` } }
  })
  return { bundle: { resourceType: 'Bundle', type: 'transaction', entry }, sourcePatientId, resources: entry.length }
}
