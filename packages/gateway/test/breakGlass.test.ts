// Break-glass: a clinician of another hospital, with no consent, opens emergency access with a
// reason; it lets them read for a fixed window, is logged with its id, ends by itself, and the
// regulator closes its review on chain.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createMedchainClient, getBreakGlass, openBreakGlass, reviewBreakGlass } from '@medchain/sdk'
import { Client } from 'fhir-kit-client'
import type { Bundle } from 'fhir/r4.js'
import { keccak256, stringToHex, type Hex } from 'viem'
import { bearerToken, importPatient, startTestNetwork, syntheaFiles, type Person, type TestNetwork } from './testNetwork.ts'

const WINDOW_SECONDS = 6

describe('break-glass: open, read, expire, review', () => {
  let net: TestNetwork
  let patient: Person
  let accessId: Hex
  let expiresAt: bigint
  before(async () => {
    net = await startTestNetwork({ hospitals: 2, emergencyWindowSeconds: WINDOW_SECONDS })
    const [, file] = await syntheaFiles()
    const imported = await importPatient(net.hospitals[0]!, file!)
    assert.equal(imported.response.status, 200)
    patient = imported.patient
  })
  after(() => net?.close())

  const emergencySearch = async () => {
    const c = net.hospitals[1]!
    const client = new Client({ baseUrl: c.url, bearerToken: await bearerToken(c.url, c.clinician.privateKey), customHeaders: { 'x-medchain-purpose': 'emergency' } })
    return client.search({ resourceType: 'Condition', searchParams: { patient: `Patient/${patient.address}` } }).then(
      (bundle) => ({ status: 200, bundle: bundle as unknown as Bundle }),
      (e: { response: { status: number; data: { issue: { diagnostics: string }[] } } }) => ({ status: e.response.status, diagnostics: e.response.data.issue[0]?.diagnostics }),
    )
  }

  it('refuses the emergency clinician before break-glass', async () => {
    const answer = await emergencySearch()
    assert.equal(answer.status, 403)
  })

  it('opens time-boxed access with a reason, flagged for review, and serves the records under it', async () => {
    const clinician = net.hospitals[1]!.clinician
    const client = await createMedchainClient({ provider: net.node.provider, account: clinician.privateKey, deployment: net.deployment })
    const opened = await openBreakGlass(client, { patient: patient.address, reasonCode: 1, justificationHash: keccak256(stringToHex('unconscious on arrival, allergy history needed')) })
    accessId = opened.accessId
    expiresAt = opened.expiresAt
    const access = await getBreakGlass(client, { accessId })
    assert.equal(access?.reviewStatus, 'pending')
    assert.equal(access?.expiresAt! - access?.openedAt!, BigInt(WINDOW_SECONDS))

    const answer = await emergencySearch()
    assert.equal(answer.status, 200)
    assert.ok((answer as { bundle: Bundle }).bundle.total! > 0)
    const entries = await net.hospitals[1]!.gateway.context.index.listAuditEntries({ patient: patient.address, count: 100 })
    assert.ok(entries.rows.some((e) => e.action === 1 && e.authorization === accessId && e.purpose === 2), 'reads are logged under the break-glass id')
    // The custodian logged its export under the same break-glass.
    const exported = await net.hospitals[0]!.gateway.context.index.listAuditEntries({ patient: patient.address, count: 100 })
    assert.ok(exported.rows.some((e) => e.action === 4 && e.authorization === accessId))
  })

  it('ends by itself when the window is over', async () => {
    const wait = Number(expiresAt) * 1000 - Date.now() + 1100
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait))
    const answer = await emergencySearch()
    assert.equal(answer.status, 403)
  })

  it('is reviewed by the regulator on chain', async () => {
    await reviewBreakGlass(net.regulator.client, { accessId, justified: true })
    const access = await getBreakGlass(net.regulator.client, { accessId })
    assert.equal(access?.reviewStatus, 'justified')
    assert.equal(access?.reviewer?.toLowerCase(), net.regulator.address.toLowerCase())
  })
})
