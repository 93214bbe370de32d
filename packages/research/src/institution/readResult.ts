import { createHash } from 'node:crypto'
import { classifyRangeQueries, parseCiphertext, type PaillierKeyPair } from '@medchain/paillier'
import type { PoseidonHash } from '@medchain/zk'
import { ResearchError } from '../errors.ts'
import { packClasses, parseClasses, type IndicatorClass } from '../holder/classes.ts'
import type { StudyDocument } from '../study/studyDocument.ts'

export type ReadResultParameters = {
  document: StudyDocument
  bytes: Uint8Array
  /** From the chain: the enrollment's recorded result hash and class commitment. */
  resultHash: string
  classCommitment: bigint
  nullifier: bigint
  /** Paillier mode: the institution's key pair. */
  keyPair?: PaillierKeyPair | undefined
}

/**
 * Institution side: checks a result against its on-chain hash, then learns the -1/0/1 vector
 * and nothing else. Paillier mode decrypts A_j, B_j; verified mode checks the vector opens the
 * class commitment the enrollment proof produced, so a holder cannot lie about a class.
 */
export function readResult(poseidon: PoseidonHash, parameters: ReadResultParameters): IndicatorClass[] {
  const { document, bytes } = parameters
  const hash = `0x${createHash('sha256').update(bytes).digest('hex')}`
  if (hash !== parameters.resultHash.toLowerCase()) {
    throw new ResearchError('the result does not match the hash on chain', { code: 'RESEARCH_INVALID_RESULT' })
  }
  let result: Record<string, unknown>
  try {
    result = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as Record<string, unknown>
  } catch (error) {
    throw new ResearchError('the result is not JSON', { code: 'RESEARCH_INVALID_RESULT', cause: error })
  }
  if (result.studyId !== document.studyId || result.nullifier !== parameters.nullifier.toString() || result.mode !== document.mode) {
    throw new ResearchError('the result names another study, enrollment or mode', { code: 'RESEARCH_INVALID_RESULT' })
  }
  const count = document.indicators.length
  if (document.mode === 'verified') {
    const classes = parseClasses(result.classes, count)
    if (typeof result.classSalt !== 'string' || !/^\d+$/.test(result.classSalt)) {
      throw new ResearchError('the result lacks its class salt', { code: 'RESEARCH_INVALID_RESULT' })
    }
    if (poseidon([packClasses(classes), BigInt(result.classSalt)]) !== parameters.classCommitment) {
      throw new ResearchError('the class vector does not open the commitment proven at enrollment', { code: 'RESEARCH_CLASS_MISMATCH' })
    }
    return classes
  }
  const keyPair = parameters.keyPair
  if (!keyPair) throw new ResearchError('"keyPair" is required in paillier mode', { code: 'RESEARCH_INVALID_ARGUMENT' })
  const queries = result.queries
  if (!Array.isArray(queries) || queries.length !== count) {
    throw new ResearchError(`the result expected ${count} queries`, { code: 'RESEARCH_INVALID_RESULT' })
  }
  const { publicKey, privateKey } = keyPair
  return classifyRangeQueries(privateKey, {
    lambda: document.paillier?.lambda,
    bounds: document.indicators.map((indicator) => ({ min: BigInt(indicator.plausibleLow), max: BigInt(indicator.plausibleHigh) })),
    queries: queries.map((query: { a?: unknown; b?: unknown }) => ({ a: parseCiphertext(publicKey, query?.a), b: parseCiphertext(publicKey, query?.b) })),
  })
}
