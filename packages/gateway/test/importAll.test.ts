// All 40 Synthea bundles import; a patient's Observations searched by LOINC code return the same
// values as the source bundle.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import type { Bundle, Observation } from 'fhir/r4.js'
import { importPatient, newPerson, signedFetch, startTestNetwork, syntheaFiles, type Person, type TestNetwork } from './testNetwork.ts'

describe('Synthea import', () => {
  let net: TestNetwork
  const imported: { file: string; patient: Person; source: { entry: { resource: Record<string, unknown> }[] } }[] = []
  before(async () => {
    net = await startTestNetwork({ hospitals: 1 })
  })
  after(() => net?.close())

  it('imports all 40 bundles', async () => {
    const files = await syntheaFiles()
    assert.equal(files.length, 40)
    const queue = [...files]
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
          const { patient, source, response } = await importPatient(net.hospitals[0]!, file)
          assert.equal(response.status, 200, `${file}: ${JSON.stringify(response.body).slice(0, 300)}`)
          const entries = (response.body as Bundle).entry ?? []
          assert.equal(entries.length, source.entry.length)
          imported.push({ file, patient, source })
        }
      }),
    )
    const total = imported.reduce((sum, item) => sum + item.source.entry.length, 0)
    const held = await net.hospitals[0]!.gateway.context.index.query<{ n: string }>('SELECT count(*)::text AS n FROM records WHERE is_current')
    assert.equal(Number(held.rows[0]?.n), total - duplicateDirectoryEntries(imported.map((i) => i.source)))
  })

  it('returns, per LOINC code, the values of the source bundle', async () => {
    for (const { patient, source } of imported.slice(0, 5)) {
      const observations = source.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation') as unknown as Observation[]
      const byCode = new Map<string, unknown[]>()
      for (const o of observations) {
        const code = o.code.coding?.find((c) => c.system === 'http://loinc.org')?.code
        if (code !== undefined) byCode.set(code, [...(byCode.get(code) ?? []), o.valueQuantity?.value ?? o.valueCodeableConcept?.coding?.[0]?.code])
      }
      for (const [code, expected] of [...byCode].slice(0, 6)) {
        const answer = await signedFetch(net.hospitals[0]!.url, patient.privateKey, 'GET', `/Observation?patient=Patient/${patient.address}&code=http://loinc.org|${code}&_count=1000`)
        assert.equal(answer.status, 200)
        const values = ((answer.body as Bundle).entry ?? []).map((e) => {
          const o = e.resource as Observation
          return o.valueQuantity?.value ?? o.valueCodeableConcept?.coding?.[0]?.code
        })
        assert.deepEqual(values.map(String).sort(), expected.map(String).sort(), `LOINC ${code}`)
      }
    }
  })
})

describe('batch Bundles', () => {
  let net: TestNetwork
  before(async () => {
    net = await startTestNetwork({ hospitals: 1 })
  })
  after(() => net?.close())

  it('writes each entry on its own: a refused entry answers its OperationOutcome, the others are stored', async () => {
    const [file] = await syntheaFiles()
    const { patient } = await importPatient(net.hospitals[0]!, file!)
    const observation = (subject: string) => ({
      resourceType: 'Observation',
      status: 'final',
      code: { coding: [{ system: 'http://loinc.org', code: '8867-4' }] },
      subject: { reference: subject },
      valueQuantity: { value: 72, unit: '/min', system: 'http://unitsofmeasure.org', code: '/min' },
    })
    const bundle = {
      resourceType: 'Bundle',
      type: 'batch',
      entry: [
        { resource: observation(`Patient/${patient.address}`), request: { method: 'POST', url: 'Observation' } },
        { resource: observation(`Patient/${newPerson().address}`), request: { method: 'POST', url: 'Observation' } },
      ],
    }
    const answer = await signedFetch(net.hospitals[0]!.url, net.hospitals[0]!.key, 'POST', '/', { body: bundle })
    assert.equal(answer.status, 200)
    const entries = (answer.body as Bundle).entry ?? []
    assert.equal((answer.body as Bundle).type, 'batch-response')
    assert.match(entries[0]?.response?.status ?? '', /^201/)
    assert.match(entries[1]?.response?.status ?? '', /^422/)
    assert.equal((entries[1]?.response?.outcome as { issue: { details: { coding: { code: string }[] } }[] }).issue[0]?.details.coding[0]?.code, 'GATEWAY_UNKNOWN_PATIENT')
  })
})

/** Directory resources (Organization, Practitioner) repeat across bundles under the same id. */
function duplicateDirectoryEntries(sources: { entry: { fullUrl?: string; resource: Record<string, unknown> }[] }[]): number {
  const seen = new Set<string>()
  let duplicates = 0
  for (const source of sources) {
    for (const entry of source.entry) {
      const type = entry.resource.resourceType
      if (type !== 'Organization' && type !== 'Practitioner') continue
      const id = (entry as { fullUrl?: string }).fullUrl ?? ''
      if (seen.has(id)) duplicates += 1
      seen.add(id)
    }
  }
  return duplicates
}
