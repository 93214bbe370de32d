// `medchain ceremony` against a node started in process: six members contribute to the phase 2
// of enroll8, the verifier is deployed and installed with its transcript hash, and a proof made
// with the new key verifies on chain while one made with the development key no longer does.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { studyRegistryAbi } from '@medchain/contracts'
import { createMedchainClient } from '@medchain/sdk'
import { loadPoseidon, prove, releaseProver, toSolidityProof, type CircuitManifest } from '@medchain/zk'
import { createAttestation, createStudy, deriveHolderSecret, identityCommitmentOf, prepareEnrollment } from '@medchain/research'
import { enroll8VerifierAbi } from '@medchain/contracts'
import { run, TEST_SCRYPT_N } from '../../../test/captureIo.ts'
import { DEFAULT_DEMO_PASSPHRASE } from '../../up/demoConsortium.ts'
import { startUp, type StartUpResult } from '../../up/startUp.ts'

describe('medchain ceremony', () => {
  let root: string
  let up: StartUpResult
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medchain-cli-ceremony-'))
    up = await startUp({ dataDir: join(root, 'data'), port: 0, scryptN: TEST_SCRYPT_N, gateways: false })
  })
  after(async () => {
    await releaseProver()
    await up?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('installs a verifier every member contributed to, and only its proofs verify', async () => {
    const out = join(root, 'keys')
    const common = ['--rpc-url', up.rpcUrl, '--data-dir', up.dataDir]
    const refused = await run(['ceremony', '--circuits', 'enroll8', '--out', out, '--as', 'st-mary-hospital', ...common], { MEDCHAIN_PASSPHRASE: DEFAULT_DEMO_PASSPHRASE })
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /error \[CLI_NOT_PERMITTED\]: "st-mary-hospital" is not a regulator member/)

    const ran = await run(['ceremony', '--circuits', 'enroll8', '--out', out, '--as', 'health-data-authority', ...common], { MEDCHAIN_PASSPHRASE: DEFAULT_DEMO_PASSPHRASE })
    assert.equal(ran.code, 0, ran.stderr)
    const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as CircuitManifest
    const entry = manifest.circuits.enroll8
    assert.equal(entry.contributionHashes.length, up.members.length + 1, 'one contribution per member, then the beacon')
    assert.match(ran.stdout, new RegExp(`enroll8: ${up.members.length} contributions, transcript ${entry.transcriptHash}, verifier (0x[0-9a-fA-F]{40}) installed`))

    const client = await createMedchainClient({ rpcUrl: up.rpcUrl, deployment: up.deployment })
    const [verifier, transcript] = await client.publicClient.readContract({ address: up.deployment.studyRegistry, abi: studyRegistryAbi, functionName: 'verifierOf', args: [0] })
    assert.equal(transcript, entry.transcriptHash)

    // The same statement proven with the ceremony's key and with the development key.
    const poseidon = await loadPoseidon()
    const secret = deriveHolderSecret(`0x${'07'.repeat(32)}`)
    const now = Math.floor(Date.now() / 1000)
    const { opening } = createAttestation(poseidon, { snapshot: { measuredAt: now, readings: [{ code: '8480-6', value: 120 }] }, identityCommitment: identityCommitmentOf(poseidon, secret) })
    const study = createStudy(poseidon, { title: 't', purpose: 'research', mode: 'verified', indicators: [{ code: '8480-6', plausible: { low: 50, high: 250 }, range: { low: 90, high: 129 } }], notBefore: now - 60, capacity: 1, deadline: now + 60 })
    const document = { ...study.document, mode: 'paillier' as const, circuit: 'enroll8', rangeCommitment: '0' }
    const prepared = prepareEnrollment(poseidon, { opening, secret, document, submitter: '0x0000000000000000000000000000000000000001' })
    const signals = [0n, prepared.commitment, prepared.studyHash, prepared.nullifier, 1n] as const
    const verifies = async (proofDir?: string) => {
      const proof = toSolidityProof(await prove('enroll8', prepared.input, proofDir))
      return client.publicClient.readContract({ address: verifier, abi: enroll8VerifierAbi, functionName: 'verifyProof', args: [proof.a, proof.b, proof.c, signals] as never })
    }
    assert.equal(await verifies(out), true)
    assert.equal(await verifies(), false)
  })
})
