// A throwaway consortium for gateway tests: an embedded chain, hospitals each with its own
// gateway and a clinician, and a regulator. Fixtures from ../shared/fixtures/synthea-r4.
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey, signChallenge, signRequest } from '@medchain/crypto'
import { createMedchainClient, deployContracts, registerIndividual, updateGateway, type Deployment, type MedchainClient } from '@medchain/sdk'
import type { Address, Hex } from 'viem'
import { createGateway, type Gateway } from '../src/index.ts'
import { prepareImportBundle } from '../src/import/prepareImportBundle.ts'
import { SYNTHEA_DIR } from '../../../scripts/syntheaFixtures.ts'

export const FIXTURES = SYNTHEA_DIR

/** A person with a key: a clinician, a patient. */
export type Person = { privateKey: Hex; address: Address; publicKey: Hex }
export function newPerson(): Person {
  const privateKey = generatePrivateKey()
  return { privateKey, address: privateKeyToAddress(privateKey), publicKey: privateKeyToPublicKey(privateKey) }
}

export type Hospital = { name: string; key: Hex; address: Address; gateway: Gateway; url: string; clinician: Person }

/** A research member with its gateway and a registered researcher. */
export type Institution = { name: string; key: Hex; address: Address; gateway: Gateway; url: string; researcher: Person }

export type TestNetwork = {
  node: RunningNode
  deployment: Deployment
  hospitals: Hospital[]
  regulator: { key: Hex; address: Address; client: MedchainClient }
  /** Research members (with `institutions`), after the regulator in the bootstrap. */
  institutions: Institution[]
  dir: string
  close(): Promise<void>
}

/**
 * Starts a chain, deploys a consortium of `hospitals` hospitals, a regulator and `institutions`
 * research members, and a gateway per hospital and institution.
 */
export async function startTestNetwork({ hospitals: count = 2, emergencyWindowSeconds, institutions: institutionCount = 0 }: { hospitals?: number; emergencyWindowSeconds?: number; institutions?: number } = {}): Promise<TestNetwork> {
  const dir = await mkdtemp(join(tmpdir(), 'medchain-gw-'))
  const node = await createEmbeddedNode({ fsync: false, allowTimeTravel: true })
  const keys = node.accounts
  const deployer = await createMedchainClient({ provider: node.provider, account: keys[0] })
  const hospitalKeys = keys.slice(1, 1 + count)
  const regulatorKey = keys[1 + count] as Hex
  const institutionKeys = keys.slice(2 + count, 2 + count + institutionCount)
  const names = ['St. Mary Hospital', 'Riverside Clinic', 'Northside Emergency', 'Harbor General']
  const deployment = await deployContracts(deployer, {
    bootstrap: [
      ...hospitalKeys.map((key, i) => ({ org: privateKeyToAddress(key), name: names[i] as string, roles: ['hospital'] as const, gatewayUrl: '', encryptionPublicKey: privateKeyToPublicKey(key) })),
      { org: privateKeyToAddress(regulatorKey), name: 'Health Data Authority', roles: ['regulator'] as const, gatewayUrl: '', encryptionPublicKey: privateKeyToPublicKey(regulatorKey) },
      ...institutionKeys.map((key, i) => ({ org: privateKeyToAddress(key), name: `Research Institute ${i + 1}`, roles: ['research'] as const, gatewayUrl: '', encryptionPublicKey: privateKeyToPublicKey(key) })),
    ],
    proposalLifetimeSeconds: 3600,
    emergencyWindowSeconds: emergencyWindowSeconds === undefined ? undefined : BigInt(emergencyWindowSeconds),
  })
  const hospitals: Hospital[] = []
  for (const [i, key] of hospitalKeys.entries()) {
    const gateway = await createGateway({ dataDir: join(dir, `gateway-${i}`), privateKey: key, deployment, chain: { provider: node.provider }, fsync: false, auditAnchorIntervalMs: 50 })
    const url = await gateway.listen()
    await updateGateway(gateway.context.client, { gatewayUrl: url })
    const clinician = newPerson()
    await registerIndividual(gateway.context.client, { account: clinician.address, kind: 'clinician' })
    hospitals.push({ name: names[i] as string, key, address: privateKeyToAddress(key), gateway, url, clinician })
  }
  const institutions: Institution[] = []
  for (const [i, key] of institutionKeys.entries()) {
    const gateway = await createGateway({ dataDir: join(dir, `institution-${i}`), privateKey: key, deployment, chain: { provider: node.provider }, fsync: false, auditAnchorIntervalMs: 50 })
    const url = await gateway.listen()
    await updateGateway(gateway.context.client, { gatewayUrl: url })
    const researcher = newPerson()
    await registerIndividual(gateway.context.client, { account: researcher.address, kind: 'researcher' })
    institutions.push({ name: `Research Institute ${i + 1}`, key, address: privateKeyToAddress(key), gateway, url, researcher })
  }
  const regulator = { key: regulatorKey, address: privateKeyToAddress(regulatorKey), client: await createMedchainClient({ provider: node.provider, account: regulatorKey, deployment }) }
  return {
    node,
    deployment,
    hospitals,
    regulator,
    institutions,
    dir,
    async close() {
      for (const hospital of hospitals) await hospital.gateway.close()
      for (const institution of institutions) await institution.gateway.close()
      await node.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}

/** The Synthea fixture bundles, by file name. */
export async function syntheaFiles(): Promise<string[]> {
  return (await readdir(FIXTURES)).filter((name) => name.endsWith('.json')).sort()
}

export async function readSynthea(name: string): Promise<{ resourceType: string; entry: { resource: Record<string, unknown> }[] }> {
  return JSON.parse(await readFile(join(FIXTURES, name), 'utf8'))
}

const audiences = new Map<string, string>()
/** The member address a gateway answers for (its /health), the audience signed requests name. */
export async function audienceOf(baseUrl: string): Promise<string> {
  let audience = audiences.get(baseUrl)
  if (audience === undefined) {
    audience = ((await (await fetch(`${baseUrl}/health`)).json()) as { member: string }).member
    audiences.set(baseUrl, audience)
  }
  return audience
}

/** Sends a request signed by `signer` for the gateway at `baseUrl` and returns status and JSON body. */
export async function signedFetch(baseUrl: string, signer: Hex, method: string, path: string, { body, headers = {} }: { body?: unknown; headers?: Record<string, string> } = {}) {
  const url = new URL(baseUrl)
  const fullPath = `${url.pathname.replace(/\/$/, '')}${path}`
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
  const signed = signRequest({ privateKey: signer, method, path: fullPath, body: text, audience: await audienceOf(baseUrl) })
  const response = await fetch(`${url.origin}${fullPath}`, {
    method,
    body: text,
    headers: { ...signed, ...headers, ...(text === undefined ? {} : { 'content-type': 'application/fhir+json' }) },
  })
  const raw = await response.text()
  return { status: response.status, body: raw === '' ? undefined : JSON.parse(raw), headers: response.headers }
}

/** A bearer token for `signer` at the gateway, through the challenge flow. */
export async function bearerToken(baseUrl: string, signer: Hex): Promise<string> {
  const { challenge, audience } = (await (await fetch(`${baseUrl}/auth/challenge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).json()) as { challenge: string; audience: string }
  const signature = signChallenge({ privateKey: signer, challenge, audience })
  const response = await fetch(`${baseUrl}/auth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ address: privateKeyToAddress(signer), challenge, signature }) })
  return ((await response.json()) as { access_token: string }).access_token
}

/** Imports one Synthea bundle at `hospital` for a new patient; returns the patient's keys and the source bundle. */
export async function importPatient(hospital: Hospital, file: string): Promise<{ patient: Person; source: Awaited<ReturnType<typeof readSynthea>>; response: Awaited<ReturnType<typeof signedFetch>> }> {
  const patient = newPerson()
  const source = await readSynthea(file)
  const { bundle } = prepareImportBundle(source, { pseudonym: patient.address, encryptionPublicKey: patient.publicKey })
  const response = await signedFetch(hospital.url, hospital.key, 'POST', '/', { body: bundle })
  return { patient, source, response }
}
