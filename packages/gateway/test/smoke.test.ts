import assert from 'node:assert/strict'
import { after, before, it } from 'node:test'
import { importPatient, signedFetch, startTestNetwork, syntheaFiles, type TestNetwork } from './testNetwork.ts'

let net: TestNetwork
before(async () => {
  net = await startTestNetwork({ hospitals: 2 })
})
after(() => net?.close())

it('smoke: import one bundle and read it back as the patient', async () => {
  const [file] = await syntheaFiles()
  const started = performance.now()
  const { patient, response, source } = await importPatient(net.hospitals[0]!, file!)
  console.log('import', response.status, performance.now() - started, 'ms', source.entry.length)
  if (response.status !== 200) console.log(JSON.stringify(response.body).slice(0, 2000))
  assert.equal(response.status, 200)
  const search = await signedFetch(net.hospitals[0]!.url, patient.privateKey, 'GET', `/Observation?patient=Patient/${patient.address}&_count=5`)
  console.log(search.status, JSON.stringify(search.body).slice(0, 600))
  assert.equal(search.status, 200)
})
