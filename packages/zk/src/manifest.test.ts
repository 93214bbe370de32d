import assert from 'node:assert/strict'
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, describe, it } from 'node:test'
import { ARTIFACTS_DIR, CIRCUIT_NAMES, artifactPaths } from './circuits.ts'
import { ZkError } from './errors.ts'
import { assertArtifactsMatch, readManifest } from './manifest.ts'

describe('circuit artifacts', () => {
  const dirs: string[] = []
  after(async () => {
    for (const dir of dirs) await rm(dir, { recursive: true, force: true })
  })

  it('the committed development keys match their manifest, which says what they are', async () => {
    for (const circuit of CIRCUIT_NAMES) await assertArtifactsMatch(circuit)
    const manifest = await readManifest()
    assert.match(manifest.notice, /DEVELOPMENT KEYS/)
    assert.equal(manifest.ptau.power, 15)
    assert.ok(Object.values(manifest.circuits).every((entry) => entry.constraints < 2 ** 15 && /^0x[0-9a-f]{64}$/.test(entry.transcriptHash)))
  })

  it('refuses a swapped verification key and a missing proving key', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'medchain-zk-artifacts-'))
    dirs.push(dir)
    const source = artifactPaths('enroll8')
    const copy = artifactPaths('enroll8', dir)
    await copyFile(join(ARTIFACTS_DIR, 'manifest.json'), join(dir, 'manifest.json'))
    await copyFile(source.wasm, copy.wasm)
    await copyFile(artifactPaths('enroll32').vkey, copy.vkey)
    await assert.rejects(assertArtifactsMatch('enroll8', dir), (e: unknown) => e instanceof ZkError && e.code === 'ZK_MISSING_ARTIFACT')
    await copyFile(source.zkey, copy.zkey)
    await assert.rejects(assertArtifactsMatch('enroll8', dir), (e: unknown) => e instanceof ZkError && e.code === 'ZK_ARTIFACT_MISMATCH' && /vkey/.test(e.message))
    await copyFile(source.vkey, copy.vkey)
    await assertArtifactsMatch('enroll8', dir)
    await writeFile(join(dir, 'manifest.json'), '{')
    await assert.rejects(assertArtifactsMatch('enroll32', dir), (e: unknown) => e instanceof ZkError && e.code === 'ZK_MISSING_ARTIFACT')
  })
})
