// `medchain research ...` as its three parties use it, against the demo consortium started in
// process (St. Mary Hospital's and Northgate Research Institute's gateways): the patient asks for
// an attestation and enrolls, the institution publishes and reads its distribution.
import assert from 'node:assert/strict'
import { copyFile, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { privateKeyToAddress, signRequest } from '@medchain/crypto'
import { distributionOf } from '@medchain/research'
import { loadKeystore } from '@medchain/sdk'
import { run, TEST_SCRYPT_N } from '../../../test/captureIo.ts'
import { DEFAULT_DEMO_PASSPHRASE } from '../../up/demoConsortium.ts'
import { startUp, type StartUpResult } from '../../up/startUp.ts'
import { SYNTHEA_DIR } from '../../../../../scripts/syntheaFixtures.ts'
import { clearOutcome } from '../../../../research/test/clearClasses.ts'
import { VITALS, VITAL_CODES } from '../../../../research/test/screeningFlow.ts'
import { loadScreenedPatients } from '../../../../research/test/syntheaPatients.ts'

const NOT_BEFORE = Date.parse('2019-01-01T00:00:00Z') / 1000

describe('medchain research', () => {
  let root: string
  let up: StartUpResult
  let common: string[]
  const env = { MEDCHAIN_PASSPHRASE: DEFAULT_DEMO_PASSPHRASE }
  const patient = loadScreenedPatients().find((p) => clearOutcome(p.observations, VITALS, NOT_BEFORE).eligible)!
  const expected = clearOutcome(patient.observations, VITALS, NOT_BEFORE) as { eligible: true; classes: (-1 | 0 | 1)[] }

  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medchain-cli-research-'))
    up = await startUp({ dataDir: join(root, 'data'), port: 0, scryptN: TEST_SCRYPT_N })
    common = ['--rpc-url', up.rpcUrl, '--data-dir', up.dataDir]
    const dir = join(root, 'bundles')
    await mkdir(dir)
    await copyFile(join(SYNTHEA_DIR, `patient-${patient.id}.json`), join(dir, `patient-${patient.id}.json`))
    const imported = await run(['import', dir, ...common], env)
    assert.equal(imported.code, 0, imported.stderr)
    // The hospital records the screening visit the fixtures lack.
    const { address } = await loadKeystore(join(up.dataDir, 'patients'), { name: `patient-${patient.id}`, passphrase: DEFAULT_DEMO_PASSPHRASE })
    const { privateKey: stMary } = await loadKeystore(join(up.dataDir, 'keys'), { name: 'st-mary-hospital', passphrase: DEFAULT_DEMO_PASSPHRASE })
    const gateway = up.gateways.find((g) => g.name === 'St. Mary Hospital')!
    for (const observation of patient.observations.filter((o) => o.code.coding?.some((c) => c.code === '8867-4' || c.code === '8310-5'))) {
      const body = JSON.stringify({ ...observation, subject: { reference: `Patient/${address}` } })
      const headers = signRequest({ privateKey: stMary, method: 'POST', path: '/Observation', body, audience: privateKeyToAddress(stMary) })
      const response = await fetch(`${gateway.url}/Observation`, { method: 'POST', body, headers: { ...headers, 'content-type': 'application/fhir+json' } })
      assert.equal(response.status, 201, await response.text())
    }
  })
  after(async () => {
    await up?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('attest, publish, enroll, distribution: the institution learns the clear classes and no more', async () => {
    const attested = await run(['research', 'attest', '--patient', patient.id, ...common], env)
    assert.equal(attested.code, 0, attested.stderr)
    assert.match(attested.stdout, /^Attested by St\. Mary Hospital: \d+ indicators/m)
    for (const code of VITAL_CODES) assert.match(attested.stdout, new RegExp(code))

    const studyFile = join(root, 'study.json')
    const deadline = new Date(Date.now() + 86_400_000).toISOString()
    await writeFile(studyFile, JSON.stringify({ title: 'Vital signs screening', purpose: 'research', mode: 'verified', indicators: VITALS, notBefore: '2019-01-01T00:00:00Z', capacity: 5, deadline }))
    const published = await run(['research', 'publish', studyFile, '--as', 'northgate-research', '--json', ...common], env)
    assert.equal(published.code, 0, published.stderr)
    const { studyId } = JSON.parse(published.stdout) as { studyId: string }

    const enrolled = await run(['research', 'enroll', studyId, '--patient', patient.id, ...common], env)
    assert.equal(enrolled.code, 0, enrolled.stderr)
    assert.match(enrolled.stdout, new RegExp(`^Enrolled in study ${studyId}; the institution has your result$`, 'm'))
    assert.match(enrolled.stderr, /proving eligibility on this machine/)

    const distribution = await run(['research', 'distribution', studyId, '--as', 'northgate-research', '--json', ...common], env)
    assert.equal(distribution.code, 0, distribution.stderr)
    assert.deepEqual((JSON.parse(distribution.stdout) as { indicators: unknown }).indicators, distributionOf(VITAL_CODES, [expected.classes]))
    const table = await run(['research', 'distribution', studyId, '--as', 'northgate-research', ...common], env)
    assert.match(table.stdout, /1 of 5 enrolled, 1 results received/)

    // A hospital may not read it: the gateway's refusal code reaches the user.
    const institution = up.gateways.find((g) => g.name === 'Northgate Research Institute')!
    const refused = await run(['research', 'distribution', studyId, '--as', 'st-mary-hospital', '--gateway', institution.url, ...common], env)
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /^error \[RESEARCH_GATEWAY_FAILED\]: .*HTTP 403 GATEWAY_FORBIDDEN_ROLE/)
    // Enrolling twice is refused by the chain (the nullifier is used).
    const twice = await run(['research', 'enroll', studyId, '--patient', patient.id, ...common], env)
    assert.equal(twice.code, 1)
    assert.match(twice.stderr, /GATEWAY_RESEARCH_REFUSED/)
    assert.match(twice.stderr, /StudyNullifierUsed/)
  })

  it('refuses a bad study id before anything is sent', async () => {
    const bad = await run(['research', 'enroll', 'abc', '--patient', patient.id, ...common], env)
    assert.equal(bad.code, 2)
    assert.match(bad.stderr, /^error \[CLI_USAGE\]: study id expected a positive decimal integer/)
  })
})
