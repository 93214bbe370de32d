// The first flow of the overview, end to end across two gateways: import at hospital A, the
// patient sees the records, grants hospital B Observations for treatment for 30 days, a clinician
// at B reads them through B (fetched from A, checked against the chain), the access lands on
// chain; the patient revokes, B's next read is refused and the refusal is logged.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signConsentGrant, signConsentRevocation, verifyAccessEntry } from '@medchain/sdk'
import { Client } from 'fhir-kit-client'
import type { Bundle, Observation } from 'fhir/r4.js'
import { zeroHash, type Hex } from 'viem'
import { toRelayJson } from '../src/index.ts'
import { bearerToken, importPatient, signedFetch, startTestNetwork, syntheaFiles, type Person, type TestNetwork } from './testNetwork.ts'

const THIRTY_DAYS = 30 * 24 * 3600

describe('first flow: import, consent, cross-gateway read, revoke', () => {
  let net: TestNetwork
  let patient: Person
  let source: Awaited<ReturnType<typeof importPatient>>['source']
  let consentId: Hex
  before(async () => {
    net = await startTestNetwork({ hospitals: 2 })
    const [file] = await syntheaFiles()
    const imported = await importPatient(net.hospitals[0]!, file!)
    assert.equal(imported.response.status, 200)
    patient = imported.patient
    source = imported.source
  })
  after(() => net?.close())

  const sourceObservations = () => source.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation') as unknown as Observation[]
  const clinicianClient = async () => {
    const b = net.hospitals[1]!
    return new Client({ baseUrl: b.url, bearerToken: await bearerToken(b.url, b.clinician.privateKey) })
  }

  it('lets the patient see the imported records at hospital A', async () => {
    const a = net.hospitals[0]!
    const client = new Client({ baseUrl: a.url, bearerToken: await bearerToken(a.url, patient.privateKey) })
    const bundle = (await client.search({ resourceType: 'Observation', searchParams: { patient: `Patient/${patient.address}`, _count: '1000' } })) as unknown as Bundle
    assert.equal(bundle.total, sourceObservations().length)
    const self = (await client.read({ resourceType: 'Patient', id: patient.address })) as unknown as { id: string }
    assert.equal(self.id, patient.address)
  })

  it('exports all the patient records held at A as one Bundle, logged as exports', async () => {
    const a = net.hospitals[0]!
    const answer = await signedFetch(a.url, patient.privateKey, 'GET', `/Patient/${patient.address}/$export`)
    assert.equal(answer.status, 200)
    const patientRecords = source.entry.filter((e) => !['Organization', 'Practitioner'].includes(e.resource.resourceType as string)).length
    assert.equal((answer.body as Bundle).entry?.length, patientRecords)
    const entries = await a.gateway.context.index.listAuditEntries({ patient: patient.address, count: 1000 })
    assert.equal(entries.rows.filter((e) => e.action === 4).length, patientRecords)
  })

  it('refuses hospital B before any consent, and logs the refusal', async () => {
    const client = await clinicianClient()
    const error = await client.search({ resourceType: 'Observation', searchParams: { patient: `Patient/${patient.address}` } }).then(
      () => undefined,
      (e: { response: { status: number; data: { issue: { details: { coding: { code: string }[] }; diagnostics: string }[] } } }) => e,
    )
    assert.equal(error?.response.status, 403)
    assert.equal(error?.response.data.issue[0]?.details.coding[0]?.code, 'GATEWAY_ACCESS_DENIED')
    assert.match(error?.response.data.issue[0]?.diagnostics ?? '', /no consent/)
  })

  it('relays the patient-signed grant of Observations for treatment, 30 days, to hospital B', async () => {
    const b = net.hospitals[1]!
    const now = BigInt(Math.floor(Date.now() / 1000))
    const signed = await signConsentGrant(b.gateway.context.client, {
      patient: patient.privateKey,
      grantee: b.address,
      purposes: 'treatment',
      resourceTypes: ['Observation'],
      expiry: now + BigInt(THIRTY_DAYS),
    })
    const relayed = await fetch(`${net.hospitals[0]!.url}/Consent/$relay-grant`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authHeader(net.hospitals[0]!.url, patient.privateKey)) },
      body: toRelayJson(signed),
    })
    assert.equal(relayed.status, 201)
    const consent = (await relayed.json()) as { resourceType: string; status: string; provision: { period: { end: string } } }
    assert.equal(consent.resourceType, 'Consent')
    assert.equal(consent.status, 'active')
    consentId = signed.consentId
  })

  it('serves the clinician at B the Observations through B, fetched from A and checked on chain', async () => {
    const client = await clinicianClient()
    const loinc = '8302-2' // body height
    const expected = sourceObservations()
      .filter((o) => o.code.coding?.some((c) => c.code === loinc))
      .map((o) => o.valueQuantity?.value)
      .sort()
    assert.ok(expected.length > 0)
    const bundle = (await client.search({ resourceType: 'Observation', searchParams: { patient: `Patient/${patient.address}`, code: `http://loinc.org|${loinc}`, _count: '100' } })) as unknown as Bundle
    const values = (bundle.entry ?? []).map((e) => (e.resource as Observation).valueQuantity?.value).sort()
    assert.deepEqual(values, expected)
    const one = bundle.entry?.[0]?.resource as Observation
    const read = (await client.read({ resourceType: 'Observation', id: one.id as string })) as unknown as Observation
    assert.deepEqual(read.valueQuantity, one.valueQuantity)
  })

  it('puts the reads at B on chain, with inclusion proofs the patient can check', async () => {
    const b = net.hospitals[1]!
    await b.gateway.context.audit.anchorPending()
    const trail = await signedFetch(b.url, patient.privateKey, 'GET', `/AuditEvent?patient=Patient/${patient.address}&_count=1000`)
    assert.equal(trail.status, 200)
    const events = (trail.body as Bundle).entry?.map((e) => e.resource as { action: string; outcome: string; entity?: unknown[] }) ?? []
    assert.ok(events.some((e) => e.action === 'R' && e.outcome === '0'))
    const entries = await b.gateway.context.index.listAuditEntries({ patient: patient.address, count: 1000 })
    const read = entries.rows.find((e) => e.action === 1 && e.authorization === consentId)
    assert.ok(read?.batchRoot && read.proof)
    const onChain = await verifyAccessEntry(b.gateway.context.client, {
      root: read.batchRoot,
      entry: { ...read, recordId: read.recordId ?? zeroHash, accessedAt: BigInt(Math.floor(Date.parse(read.at) / 1000)) },
      proof: read.proof,
    })
    assert.equal(onChain, true)
  })

  it('refuses B after the patient revokes, and logs the refusal for the patient to see', async () => {
    const b = net.hospitals[1]!
    const signed = await signConsentRevocation(b.gateway.context.client, { patient: patient.privateKey, consentId })
    const revoked = await fetch(`${b.url}/Consent/$relay-revocation`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(await authHeader(b.url, patient.privateKey)) },
      body: toRelayJson(signed),
    })
    assert.equal(revoked.status, 200)
    const client = await clinicianClient()
    const error = await client.search({ resourceType: 'Observation', searchParams: { patient: `Patient/${patient.address}` } }).then(
      () => undefined,
      (e: { response: { status: number; data: { issue: { diagnostics: string }[] } } }) => e,
    )
    assert.equal(error?.response.status, 403)
    assert.match(error?.response.data.issue[0]?.diagnostics ?? '', /revoked/)
    await b.gateway.context.audit.anchorPending()
    const entries = await b.gateway.context.index.listAuditEntries({ patient: patient.address, count: 1000 })
    const refusal = entries.rows.find((e) => e.action === 3 && e.decision === 2)
    assert.ok(refusal?.batchRoot, 'the refusal (decision REVOKED) is anchored on chain')
  })
})

async function authHeader(baseUrl: string, key: Hex): Promise<Record<string, string>> {
  return { authorization: `Bearer ${await bearerToken(baseUrl, key)}` }
}
