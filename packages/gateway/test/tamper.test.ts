// Tampering: a byte flipped in a stored blob, an index row edited, a forged anchor. Each read
// fails with a clear OperationOutcome and serves nothing of the record.
import assert from 'node:assert/strict'
import { open, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { bytesToHex, createMerkleBatch } from '@medchain/crypto'
import { anchorRecordBatch, encodeRecordLeaf } from '@medchain/sdk'
import { keccak256, stringToHex } from 'viem'
import { importPatient, signedFetch, startTestNetwork, syntheaFiles, type Person, type TestNetwork } from './testNetwork.ts'

type Outcome = { resourceType: string; issue: { details: { coding: { code: string }[] }; diagnostics: string }[] }

describe('tamper detection', () => {
  let net: TestNetwork
  let patient: Person
  let observations: { key: string; contentHash: `0x${string}` }[]
  before(async () => {
    net = await startTestNetwork({ hospitals: 2 })
    const [, , file] = await syntheaFiles()
    const imported = await importPatient(net.hospitals[0]!, file!)
    assert.equal(imported.response.status, 200)
    patient = imported.patient
    const rows = await net.hospitals[0]!.gateway.context.index.searchRecords({ resourceType: 'Observation', patient: patient.address, count: 10 })
    observations = rows.rows.map((r) => ({ key: r.recordKey, contentHash: r.contentHash }))
  })
  after(() => net?.close())

  const read = (key: string) => signedFetch(net.hospitals[0]!.url, patient.privateKey, 'GET', `/${key}`)
  const expectIntegrityFailure = async (key: string, message: RegExp) => {
    const answer = await read(key)
    assert.equal(answer.status, 500)
    const outcome = answer.body as Outcome
    assert.equal(outcome.resourceType, 'OperationOutcome')
    assert.equal(outcome.issue[0]?.details.coding[0]?.code, 'GATEWAY_INTEGRITY_FAILED')
    assert.match(outcome.issue[0]?.diagnostics ?? '', message)
    assert.equal(JSON.stringify(answer.body).includes('valueQuantity'), false, 'nothing of the record is served')
  }

  it('reads an untouched record', async () => {
    assert.equal((await read(observations[0]!.key)).status, 200)
  })

  it('detects one byte flipped in a stored blob', async () => {
    const target = observations[1]!
    const segment = join(net.dir, 'gateway-0', 'blobs', '00000001.pack')
    const content = await readFile(segment)
    const at = content.indexOf(Buffer.from(target.contentHash.slice(2), 'hex'))
    assert.ok(at > 0)
    const file = await open(segment, 'r+')
    const offset = at + 32 + 20 // inside the payload, after the header's hash
    await file.write(Buffer.from([(content[offset] as number) ^ 0x01]), 0, 1, offset)
    await file.close()
    await expectIntegrityFailure(target.key, /altered on disk/)
  })

  it('detects an index row pointing at another ciphertext', async () => {
    const [victim, other] = [observations[2]!, observations[3]!]
    await net.hospitals[0]!.gateway.context.index.query('UPDATE records SET content_hash = $1 WHERE record_key = $2', [other.contentHash, victim.key])
    await expectIntegrityFailure(victim.key, /does not match its on-chain anchor/)
  })

  it('detects a forged anchor: a root another member anchored for a leaf naming this custodian', async () => {
    const a = net.hospitals[0]!
    const b = net.hospitals[1]!
    const victim = observations[4]!
    const row = (await a.gateway.context.index.getCurrentRecord({ recordKey: victim.key }))!
    const forgedHash = keccak256(stringToHex('forged content'))
    const batch = createMerkleBatch()
    batch.add(encodeRecordLeaf({ recordId: row.recordId, patient: row.patient, custodian: row.custodian, resourceType: row.resourceType, contentHash: forgedHash, version: row.version, previousContentHash: row.previousHash ?? `0x${'0'.repeat(64)}` }))
    const sealed = batch.seal()
    await anchorRecordBatch(b.gateway.context.client, { root: sealed.root, count: 1 })
    await a.gateway.context.index.query('UPDATE records SET content_hash = $1, batch_root = $2, proof = $3::jsonb WHERE record_key = $4', [
      forgedHash,
      bytesToHex(sealed.root),
      JSON.stringify([]),
      victim.key,
    ])
    await expectIntegrityFailure(victim.key, /anchor made by another member/)
  })

  it('logs each integrity failure as a refusal', async () => {
    const entries = await net.hospitals[0]!.gateway.context.index.listAuditEntries({ patient: patient.address, count: 100 })
    assert.equal(entries.rows.filter((e) => e.action === 3 && e.decision === 13).length, 3)
  })
})
