import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { before, describe, it } from 'node:test'
import { loadPoseidon, type PoseidonHash } from '@medchain/zk'
import { ResearchError } from '../errors.ts'
import { createStudy } from './createStudy.ts'
import { decodeStudyDocument, encodeStudyDocument } from './studyCodec.ts'
import { studyHashOf } from './studyHash.ts'

const isCode = (code: string) => (e: unknown) => e instanceof ResearchError && e.code === code
const base = {
  title: 'BP',
  purpose: 'research',
  mode: 'verified' as const,
  indicators: [{ code: '8480-6', plausible: { low: 60, high: 250 }, range: { low: 90, high: 129 } }],
  notBefore: 1,
  capacity: 3,
  deadline: 2,
}

describe('study documents', () => {
  let poseidon: PoseidonHash
  before(async () => {
    poseidon = await loadPoseidon()
  })

  it('round-trips through the bytes whose hash goes on chain, and refuses any other bytes', () => {
    const study = createStudy(poseidon, base)
    assert.equal(study.document.circuit, 'verified8')
    const decoded = decodeStudyDocument(study.documentBytes, study.documentHash)
    assert.deepEqual(decoded, study.document)
    assert.equal(studyHashOf(poseidon, decoded), study.studyHash)
    const tampered = encodeStudyDocument({ ...study.document, notBefore: 0 })
    assert.throws(() => decodeStudyDocument(tampered.bytes, study.documentHash), isCode('RESEARCH_INVALID_STUDY'))
    const garbage = new TextEncoder().encode('{"version":1')
    assert.throws(() => decodeStudyDocument(garbage, encodeStudyDocumentHash(garbage)), isCode('RESEARCH_INVALID_STUDY'))
  })

  it('refuses inconsistent definitions', () => {
    const bad = (indicators: typeof base.indicators) => () => createStudy(poseidon, { ...base, indicators })
    assert.throws(bad([]), isCode('RESEARCH_INVALID_ARGUMENT'))
    assert.throws(bad([base.indicators[0]!, base.indicators[0]!]), isCode('RESEARCH_INVALID_ARGUMENT'))
    assert.throws(bad([{ code: '8480-6', plausible: { low: 60, high: 250 }, range: { low: 50, high: 129 } }]), isCode('RESEARCH_INVALID_ARGUMENT'))
    assert.throws(() => createStudy(poseidon, { ...base, mode: 'paillier' }), isCode('RESEARCH_INVALID_ARGUMENT'))
  })
})

function encodeStudyDocumentHash(bytes: Uint8Array): string {
  return `0x${createHash('sha256').update(bytes).digest('hex')}`
}
