// The refusal matrix: every way a read is refused answers a clear OperationOutcome and leaves an
// access entry that is anchored on chain. Reads are by hospital B's clinician (or others) of
// records hospital A holds.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { signRequest } from '@medchain/crypto'
import { signConsentGrant, signConsentRevocation } from '@medchain/sdk'
import type { Hex } from 'viem'
import { AuditDecisions, toRelayJson } from '../src/index.ts'
import { importPatient, newPerson, signedFetch, startTestNetwork, syntheaFiles, type Person, type TestNetwork } from './testNetwork.ts'

type Outcome = { issue: { details: { coding: { code: string }[] }; diagnostics: string }[] }

describe('refusal matrix', () => {
  let net: TestNetwork
  let patient: Person
  before(async () => {
    net = await startTestNetwork({ hospitals: 2 })
    const [, , , file] = await syntheaFiles()
    const imported = await importPatient(net.hospitals[0]!, file!)
    assert.equal(imported.response.status, 200)
    patient = imported.patient
  })
  after(() => net?.close())

  const a = () => net.hospitals[0]!
  const b = () => net.hospitals[1]!
  const now = () => BigInt(Math.floor(Date.now() / 1000))

  async function grant(terms: { purposes: 'treatment' | 'research'; resourceTypes: string[]; expiry: bigint }): Promise<Hex> {
    const signed = await signConsentGrant(b().gateway.context.client, { patient: patient.privateKey, grantee: b().address, ...terms })
    const answer = await signedFetch(a().url, patient.privateKey, 'POST', '/Consent/$relay-grant', { body: toRelayJson(signed) })
    assert.equal(answer.status, 201)
    return signed.consentId
  }

  async function revoke(consentId: Hex) {
    const signed = await signConsentRevocation(b().gateway.context.client, { patient: patient.privateKey, consentId })
    assert.equal((await signedFetch(a().url, patient.privateKey, 'POST', '/Consent/$relay-revocation', { body: toRelayJson(signed) })).status, 200)
  }

  const search = (type: string, signer: Hex, purpose = 'treatment') =>
    signedFetch(b().url, signer, 'GET', `/${type}?patient=Patient/${patient.address}`, { headers: { 'x-medchain-purpose': purpose } })

  /** Asserts the answer, then that gateway `at` logged a refusal with `decision` and anchored it. */
  async function expectRefusal(answer: Awaited<ReturnType<typeof signedFetch>>, status: number, code: string, diagnostics: RegExp, decision: number, at = b()) {
    assert.equal(answer.status, status, JSON.stringify(answer.body))
    const outcome = answer.body as Outcome
    assert.equal(outcome.issue[0]?.details.coding[0]?.code, code)
    assert.match(outcome.issue[0]?.diagnostics ?? '', diagnostics)
    await at.gateway.context.audit.anchorPending()
    const entries = await at.gateway.context.index.listAuditEntries({ count: 1000 })
    const entry = entries.rows.find((e) => e.action === 3 && e.decision === decision)
    assert.ok(entry, `a refusal with decision ${decision} is logged`)
    assert.ok(entry.batchRoot !== null && entry.proof !== null, 'and anchored on chain')
  }

  it('no consent', async () => {
    await expectRefusal(await search('Observation', b().clinician.privateKey), 403, 'GATEWAY_ACCESS_DENIED', /no consent/, AuditDecisions.NO_CONSENT)
  })

  it('wrong purpose', async () => {
    const consentId = await grant({ purposes: 'treatment', resourceTypes: ['Observation'], expiry: now() + 3600n })
    await expectRefusal(await search('Observation', b().clinician.privateKey, 'research'), 403, 'GATEWAY_ACCESS_DENIED', /purpose/, AuditDecisions.WRONG_PURPOSE)
    await revoke(consentId)
  })

  it('out-of-scope resource type', async () => {
    const consentId = await grant({ purposes: 'treatment', resourceTypes: ['Observation'], expiry: now() + 3600n })
    await expectRefusal(await search('Condition', b().clinician.privateKey), 403, 'GATEWAY_ACCESS_DENIED', /resource type/, AuditDecisions.OUT_OF_SCOPE)
    await revoke(consentId)
  })

  it('revoked', async () => {
    // The newest consent for B is a revoked one (from the tests above).
    await expectRefusal(await search('Observation', b().clinician.privateKey), 403, 'GATEWAY_ACCESS_DENIED', /revoked/, AuditDecisions.REVOKED)
  })

  it('expired', async () => {
    await grant({ purposes: 'treatment', resourceTypes: ['Procedure'], expiry: now() + 2n })
    await new Promise((resolve) => setTimeout(resolve, 3200))
    await expectRefusal(await search('Procedure', b().clinician.privateKey), 403, 'GATEWAY_ACCESS_DENIED', /expired/, AuditDecisions.EXPIRED)
  })

  it('non-member', async () => {
    await expectRefusal(await search('Observation', newPerson().privateKey), 403, 'GATEWAY_NOT_MEMBER', /neither a consortium member/, AuditDecisions.NOT_MEMBER)
  })

  it('bad signature', async () => {
    const path = `/Observation?patient=Patient/${patient.address}`
    const headers = signRequest({ privateKey: b().clinician.privateKey, method: 'GET', path, audience: b().address })
    const forged = { ...headers, 'x-medchain-signature': signRequest({ privateKey: b().clinician.privateKey, method: 'GET', path: '/other', audience: b().address })['x-medchain-signature'] }
    const response = await fetch(`${b().url}${path}`, { headers: forged })
    await expectRefusal({ status: response.status, body: await response.json(), headers: response.headers }, 401, 'GATEWAY_BAD_SIGNATURE', /signature/, AuditDecisions.BAD_SIGNATURE)
  })

  it('replayed request', async () => {
    const path = `/Observation?patient=Patient/${patient.address}`
    const headers = signRequest({ privateKey: b().clinician.privateKey, method: 'GET', path, audience: b().address })
    await fetch(`${b().url}${path}`, { headers })
    const response = await fetch(`${b().url}${path}`, { headers })
    await expectRefusal({ status: response.status, body: await response.json(), headers: response.headers }, 401, 'GATEWAY_REPLAYED_REQUEST', /replayed/, AuditDecisions.REPLAYED_REQUEST)
  })

  it('request signed for another gateway (a replay by that gateway)', async () => {
    const path = `/Observation?patient=Patient/${patient.address}`
    const headers = signRequest({ privateKey: b().clinician.privateKey, method: 'GET', path, audience: a().address })
    const response = await fetch(`${b().url}${path}`, { headers })
    await expectRefusal({ status: response.status, body: await response.json(), headers: response.headers }, 401, 'GATEWAY_BAD_SIGNATURE', /not addressed to this gateway/, AuditDecisions.BAD_SIGNATURE)
  })

  it('stale timestamp', async () => {
    const path = `/Observation?patient=Patient/${patient.address}`
    const headers = signRequest({ privateKey: b().clinician.privateKey, method: 'GET', path, timestamp: Date.now() - 10 * 60_000, audience: b().address })
    const response = await fetch(`${b().url}${path}`, { headers })
    await expectRefusal({ status: response.status, body: await response.json(), headers: response.headers }, 401, 'GATEWAY_STALE_REQUEST', /clock skew/, AuditDecisions.STALE_REQUEST)
  })

  it('erased record: 410 Gone with the reason, the anchor stays', async () => {
    const rows = await a().gateway.context.index.searchRecords({ resourceType: 'Immunization', patient: patient.address, count: 1 })
    const key = rows.rows[0]!.recordKey
    const erased = await signedFetch(a().url, a().key, 'DELETE', `/${key}?reason=patient%20request%20under%20GDPR%20art.%2017`)
    assert.equal(erased.status, 204)
    const answer = await signedFetch(a().url, patient.privateKey, 'GET', `/${key}`)
    await expectRefusal(answer, 410, 'GATEWAY_GONE', /erased on .*patient request under GDPR art\. 17/, AuditDecisions.ERASED, a())
    assert.equal(await a().gateway.context.keys.get(rows.rows[0]!.contentHash), undefined, 'the data keys are destroyed')
    assert.ok(a().gateway.context.blobs.has(rows.rows[0]!.contentHash), 'the ciphertext stays, unreadable')
  })
})
