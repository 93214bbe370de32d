// `medchain import` into the demo consortium's St. Mary gateway, started in process with startUp
// and driven through runCli as a user would.
import assert from 'node:assert/strict'
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { signRequest } from '@medchain/crypto'
import { loadKeystore } from '@medchain/sdk'
import { run, TEST_SCRYPT_N } from '../../../test/captureIo.ts'
import { DEFAULT_DEMO_PASSPHRASE } from '../../up/demoConsortium.ts'
import { startUp, type StartUpResult } from '../../up/startUp.ts'
import { SYNTHEA_DIR } from '../../../../../scripts/syntheaFixtures.ts'

const FIXTURES = SYNTHEA_DIR
/** The three smallest fixture bundles (61, 66 and 70 entries), their Patient ids in their names. */
const SOURCE_IDS = ['1ae0605d-e5b8-4d6d-a96d-c93dcbd57e06', 'e4531916-b162-4f4b-90c2-ce37e132b8d4', 'd78af07c-9cb9-4f31-9b11-c45a28f2eec8']
const MALFORMED =
  '{"resourceType":"Bundle","type":"transaction","entry":[{"fullUrl":"urn:uuid:1","resource":{"resourceType":"Observation","valueQuantity":{"value":"x"}},"request":{"method":"POST","url":"Observation"}}]}'

/** The malformed Observation again, now with a Patient, so that the gateway is the one to refuse it. */
const REFUSED = JSON.stringify({
  resourceType: 'Bundle',
  type: 'transaction',
  entry: [
    { fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001', resource: { resourceType: 'Patient', id: 'refused' }, request: { method: 'POST', url: 'Patient' } },
    {
      fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000002',
      resource: { resourceType: 'Observation', status: 'final', code: { text: 'x' }, subject: { reference: 'urn:uuid:00000000-0000-4000-8000-000000000001' }, valueQuantity: { value: 'x' } },
      request: { method: 'POST', url: 'Observation' },
    },
  ],
})

async function entryCount(sourceId: string): Promise<number> {
  return ((JSON.parse(await readFile(join(FIXTURES, `patient-${sourceId}.json`), 'utf8')) as { entry: unknown[] }).entry).length
}

/** A directory holding copies of the given fixtures and extra files. */
async function inputDir(root: string, name: string, sourceIds: readonly string[], extra: Record<string, string> = {}): Promise<string> {
  const dir = join(root, name)
  await mkdir(dir)
  for (const id of sourceIds) await copyFile(join(FIXTURES, `patient-${id}.json`), join(dir, `patient-${id}.json`))
  for (const [file, text] of Object.entries(extra)) await writeFile(join(dir, file), text)
  return dir
}

/** A port nothing listens on: one the system just handed out and took back. */
async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolveListen) => server.listen(0, '127.0.0.1', resolveListen))
  const { port } = server.address() as { port: number }
  await new Promise((resolveClose) => server.close(resolveClose))
  return port
}

describe('medchain import', () => {
  let root: string
  let up: StartUpResult
  let common: string[]
  const env = { MEDCHAIN_PASSPHRASE: DEFAULT_DEMO_PASSPHRASE }
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medchain-cli-import-'))
    up = await startUp({ dataDir: join(root, 'data'), port: 0, scryptN: TEST_SCRYPT_N })
    common = ['--rpc-url', up.rpcUrl, '--data-dir', up.dataDir]
  })
  after(async () => {
    await up?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('imports a directory of Synthea bundles into the --as hospital\'s gateway, a patient key each', async () => {
    const dir = await inputDir(root, 'first', SOURCE_IDS)
    const { code, stdout, stderr } = await run(['import', dir, ...common], env)
    assert.equal(code, 0, stderr)
    const entries = (await Promise.all(SOURCE_IDS.map(entryCount))).reduce((sum, n) => sum + n, 0)
    assert.match(stdout, new RegExp(`^Imported 3 of 3 bundle files into ${up.gateways[0]!.url}\\.$`, 'm'))
    assert.match(stdout, new RegExp(`^  resources\\s+${entries}$`, 'm'))
    assert.match(stdout, /^ {2}patients\s+3 \(3 new, 0 existing\)$/m)
    assert.match(stdout, /^ {2}time\s+\d+\.\d s \(\d+\.\d resources\/s\)$/m)
    assert.match(stderr, /^\[3\/3\] patient-\S+\.json: \d+ resources$/m)
    assert.deepEqual((await readdir(join(up.dataDir, 'patients'))).sort(), SOURCE_IDS.map((id) => `patient-${id}.json`).sort())
  })

  it('reuses the patient key on a second import, and reports malformed bundles while importing the rest', async () => {
    const [sourceId] = SOURCE_IDS as [string]
    const keyFile = join(up.dataDir, 'patients', `patient-${sourceId}.json`)
    const keyBefore = await readFile(keyFile, 'utf8')
    const dir = await inputDir(root, 'second', [sourceId], { 'bad.json': MALFORMED, 'refused.json': REFUSED, 'notes.json': '{"resourceType":"Patient"}' })
    const { code, stdout, stderr } = await run(['import', dir, ...common], env)

    assert.equal(code, 1)
    assert.match(stdout, /^Imported 1 of 3 bundle files/m)
    assert.match(stdout, new RegExp(`^  resources\\s+${await entryCount(sourceId)}$`, 'm'))
    assert.match(stdout, /^ {2}patients\s+1 \(0 new, 1 existing\)$/m)
    assert.match(stdout, /^ {2}bad\.json\s+\[CLI_INVALID_BUNDLE\] Expected one Patient in the bundle, found 0$/m)
    assert.match(stdout, /^ {2}refused\.json\s+HTTP 400 \[FHIR_INVALID_RESOURCE\] .*valueQuantity\.value expected a number/m)
    assert.match(stderr, /^warning: notes\.json is not a FHIR Bundle \(resourceType "Patient"\): skipped$/m)
    assert.match(stderr, /^error \[CLI_IMPORT_FAILED\]: 2 of 3 bundle files failed to import/m)
    assert.equal(await readFile(keyFile, 'utf8'), keyBefore)

    // Same pseudonym, so the Patient got a second version rather than a twin.
    const patient = await loadKeystore(join(up.dataDir, 'patients'), { name: `patient-${sourceId}`, passphrase: DEFAULT_DEMO_PASSPHRASE })
    const hospital = await loadKeystore(join(up.dataDir, 'keys'), { name: 'st-mary-hospital', passphrase: DEFAULT_DEMO_PASSPHRASE })
    const path = `/Patient/${patient.address}`
    const response = await fetch(`${up.gateways[0]!.url}${path}`, { headers: signRequest({ privateKey: hospital.privateKey, method: 'GET', path, audience: hospital.address }) })
    assert.equal(response.status, 200)
    assert.equal(((await response.json()) as { meta: { versionId: string } }).meta.versionId, '2')
  })

  it('names the gateway it cannot reach', async () => {
    const dir = await inputDir(root, 'unreachable', SOURCE_IDS.slice(0, 1))
    const url = `http://127.0.0.1:${await closedPort()}`
    const { code, stderr } = await run(['import', dir, '--gateway', url, '--data-dir', up.dataDir], env)
    assert.equal(code, 1)
    assert.equal(stderr, `error [CLI_GATEWAY_UNREACHABLE]: Cannot reach the gateway at ${url}\n  ECONNREFUSED\n`)
  })
})
