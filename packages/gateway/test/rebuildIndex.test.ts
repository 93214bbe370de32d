// The index is rebuilt from the chain and the store alone: same search answers, erasures kept.
import assert from 'node:assert/strict'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { updateGateway } from '@medchain/sdk'
import type { Bundle } from 'fhir/r4.js'
import { createGateway, rebuildIndex } from '../src/index.ts'
import { importPatient, signedFetch, startTestNetwork, syntheaFiles, type Person, type TestNetwork } from './testNetwork.ts'

describe('index rebuild', () => {
  let net: TestNetwork
  const patients: Person[] = []
  before(async () => {
    net = await startTestNetwork({ hospitals: 1 })
    for (const file of (await syntheaFiles()).slice(5, 7)) {
      const imported = await importPatient(net.hospitals[0]!, file)
      assert.equal(imported.response.status, 200)
      patients.push(imported.patient)
    }
  })
  after(() => net?.close())

  const totals = async () => {
    const out: number[] = []
    for (const patient of patients) {
      for (const type of ['Observation', 'Condition', 'Encounter']) {
        const answer = await signedFetch(net.hospitals[0]!.url, patient.privateKey, 'GET', `/${type}?patient=Patient/${patient.address}&_summary=count`)
        out.push((answer.body as Bundle).total as number)
      }
    }
    return out
  }

  it('answers the same searches after a rebuild, and keeps erasures', async () => {
    const hospital = net.hospitals[0]!
    const erasedKey = (await hospital.gateway.context.index.searchRecords({ resourceType: 'Condition', patient: patients[0]!.address, count: 1 })).rows[0]!.recordKey
    assert.equal((await signedFetch(hospital.url, hospital.key, 'DELETE', `/${erasedKey}?reason=duplicate%20entry`)).status, 204)
    const before = await totals()
    await hospital.gateway.close()

    const dataDir = join(net.dir, 'gateway-0')
    const rebuilt = await rebuildIndex({ dataDir, privateKey: hospital.key, deployment: net.deployment, chain: { provider: net.node.provider } })
    assert.ok(rebuilt.records > 0)
    assert.equal(rebuilt.erased, 1)
    assert.deepEqual(rebuilt.skipped, [])

    hospital.gateway = await createGateway({ dataDir, privateKey: hospital.key, deployment: net.deployment, chain: { provider: net.node.provider }, fsync: false })
    hospital.url = await hospital.gateway.listen()
    await updateGateway(hospital.gateway.context.client, { gatewayUrl: hospital.url })
    assert.deepEqual(await totals(), before)
    const gone = await signedFetch(hospital.url, patients[0]!.privateKey, 'GET', `/${erasedKey}`)
    assert.equal(gone.status, 410)
    const kept = await hospital.gateway.context.index.listAuditEntries({ count: 1 })
    assert.ok(kept.total > 0, 'the access log is local state and survives the rebuild')
  })
})
