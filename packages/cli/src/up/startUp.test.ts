import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey, signRequest } from '@medchain/crypto'
import { ENCRYPTION_KEY_EXTENSION } from '@medchain/gateway'
import { createMedchainClient, getMembers, listKeystores, loadKeystore } from '@medchain/sdk'
import type { Hex } from 'viem'
import { TEST_SCRYPT_N } from '../../test/captureIo.ts'
import { CliError } from '../errors.ts'
import { DEFAULT_DEMO_PASSPHRASE, DEMO_ORGANISATIONS } from './demoConsortium.ts'
import { startUp, type StartUpResult } from './startUp.ts'

/** A request to a gateway signed by `signer`. */
async function signedFetch(baseUrl: string, signer: Hex, method: string, path: string, body?: unknown): Promise<Response> {
  const text = body === undefined ? undefined : JSON.stringify(body)
  const { member } = (await (await fetch(`${baseUrl}/health`)).json()) as { member: string }
  const headers = { ...signRequest({ privateKey: signer, method, path, body: text, audience: member }), ...(text === undefined ? {} : { 'content-type': 'application/fhir+json' }) }
  return fetch(`${baseUrl}${path}`, { method, body: text, headers })
}

/** Each gateway serves its CapabilityStatement at the URL the chain lists for its member. */
async function assertGatewaysServe(up: StartUpResult): Promise<void> {
  assert.deepEqual(up.gateways.map((gateway) => gateway.name), ['St. Mary Hospital', 'Riverside Clinic', 'Northgate Research Institute'])
  const reader = await createMedchainClient({ rpcUrl: up.rpcUrl, deployment: up.deployment })
  const onChain = new Map((await getMembers(reader)).map((member) => [member.address, member.gatewayUrl]))
  for (const gateway of up.gateways) {
    assert.match(gateway.url, /^http:\/\/127\.0\.0\.1:\d+$/)
    assert.equal(onChain.get(gateway.address), gateway.url)
    const response = await fetch(`${gateway.url}/metadata`)
    assert.equal(response.status, 200)
    assert.equal(((await response.json()) as { resourceType: string }).resourceType, 'CapabilityStatement')
  }
}

describe('startUp', () => {
  let root: string
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medchain-cli-up-'))
  })
  after(() => rm(root, { recursive: true, force: true }))

  it('creates the six-member demo consortium with a gateway per hospital and research institution, then reuses both on restart', async () => {
    const dataDir = join(root, 'data')
    const steps: string[] = []
    const first = await startUp({ dataDir, port: 0, scryptN: TEST_SCRYPT_N, onStep: ({ index, total, label }) => steps.push(`${index}/${total} ${label}`) })
    let firstDeployment
    let stMary: Hex | undefined
    const patientKey = generatePrivateKey()
    const patientPath = `/Patient/${privateKeyToAddress(patientKey)}`
    try {
      assert.equal(first.created, true)
      assert.match(first.rpcUrl, /^http:\/\/127\.0\.0\.1:\d+$/)
      assert.deepEqual(first.members.map((member) => member.name), DEMO_ORGANISATIONS.map((organisation) => organisation.name))
      assert.deepEqual(first.members.map((member) => member.keystore), DEMO_ORGANISATIONS.map((organisation) => organisation.keystore))
      assert.deepEqual(first.members.find((member) => member.name === 'Helix Pharma')?.roles, ['manufacturer'])
      assert.deepEqual(steps.slice(-3), ['12/14 starting gateway of St. Mary Hospital', '13/14 starting gateway of Riverside Clinic', '14/14 starting gateway of Northgate Research Institute'])
      assert.deepEqual(first.skippedGateways, [])
      await assertGatewaysServe(first)
      // A record written before the restart, to read after it.
      stMary = (await loadKeystore(join(dataDir, 'keys'), { name: 'st-mary-hospital', passphrase: DEFAULT_DEMO_PASSPHRASE })).privateKey
      const patient = { resourceType: 'Patient', id: privateKeyToAddress(patientKey), extension: [{ url: ENCRYPTION_KEY_EXTENSION, valueString: privateKeyToPublicKey(patientKey) }] }
      const created = await signedFetch(first.gateways[0]!.url, stMary, 'PUT', patientPath, patient)
      assert.equal(created.status, 201, await created.clone().text())
      const keys = await listKeystores(join(dataDir, 'keys'))
      assert.equal(keys.length, 6)
      assert.equal((await stat(join(dataDir, 'keys', 'helix-pharma.json'))).mode & 0o777, 0o600)
      assert.deepEqual((await readdir(join(dataDir, 'deployments'))), [`${first.chainId}.json`])
      const response = await fetch(first.rpcUrl, { method: 'POST', body: JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'eth_chainId', params: [] }) })
      assert.equal(Number(((await response.json()) as { result: string }).result), first.chainId)
      firstDeployment = first.deployment
    } finally {
      await first.close()
      await first.close()
    }

    const second = await startUp({ dataDir, port: 0, scryptN: TEST_SCRYPT_N })
    try {
      assert.equal(second.created, false)
      assert.deepEqual(second.deployment, firstDeployment)
      assert.equal(second.members.length, 6)
      assert.deepEqual(await readdir(join(dataDir, 'gateways')), ['northgate-research', 'riverside-clinic', 'st-mary-hospital'])
      await assertGatewaysServe(second)
      const read = await signedFetch(second.gateways[0]!.url, stMary!, 'GET', patientPath)
      assert.equal(read.status, 200, await read.clone().text())
      assert.equal(((await read.json()) as { id: string }).id, privateKeyToAddress(patientKey))
    } finally {
      await second.close()
    }
  })

  it('refuses a second start, fresh or not, on a data directory in use', async () => {
    const dataDir = join(root, 'busy')
    const up = await startUp({ dataDir, port: 0, scryptN: TEST_SCRYPT_N, gateways: false })
    try {
      const locked = (error: unknown) => error instanceof CliError && error.code === 'CLI_DATA_DIR_LOCKED'
      await assert.rejects(startUp({ dataDir, port: 0, scryptN: TEST_SCRYPT_N }), locked)
      // --fresh must not wipe a chain that is being served.
      await assert.rejects(startUp({ dataDir, port: 0, fresh: true, scryptN: TEST_SCRYPT_N }), locked)
      assert.deepEqual((await readdir(dataDir)).sort(), ['chain', 'deployments', 'keys'])
      const port = Number(new URL(up.rpcUrl).port)
      await assert.rejects(startUp({ dataDir: join(root, 'other'), port, scryptN: TEST_SCRYPT_N }), (error: unknown) => error instanceof CliError && error.code === 'CLI_PORT_IN_USE')
    } finally {
      await up.close()
    }
  })

  it('wipes with --fresh only a directory that looks like a data directory', async () => {
    const foreign = join(root, 'home')
    await mkdir(foreign)
    await writeFile(join(foreign, 'thesis.tex'), 'precious')
    await assert.rejects(startUp({ dataDir: foreign, port: 0, fresh: true }), (error: unknown) => error instanceof CliError && error.code === 'CLI_NOT_A_DATA_DIR')
    assert.deepEqual(await readdir(foreign), ['thesis.tex'])

    const dataDir = join(root, 'data')
    const before = await startUp({ dataDir, port: 0, scryptN: TEST_SCRYPT_N, gateways: false })
    await before.close()
    const fresh = await startUp({ dataDir, port: 0, fresh: true, scryptN: TEST_SCRYPT_N, gateways: false })
    try {
      assert.equal(fresh.created, true)
      assert.notDeepEqual(fresh.members.map((member) => member.address), before.members.map((member) => member.address))
    } finally {
      await fresh.close()
    }
  })

  it('reports a deployment file whose contracts the chain does not hold', async () => {
    const dataDir = join(root, 'reset')
    const up = await startUp({ dataDir, port: 0, scryptN: TEST_SCRYPT_N, gateways: false })
    await up.close()
    await rm(join(dataDir, 'chain'), { recursive: true })
    await assert.rejects(startUp({ dataDir, port: 0, scryptN: TEST_SCRYPT_N }), (error: unknown) => error instanceof CliError && error.code === 'CLI_DATA_DIR_INCONSISTENT')
  })
})
