// Studies at the institution (research-protocol.md section 2): created with the gateway's own
// Paillier key, the document kept in the blob store under the SHA-256 the chain records.
import { accessActions } from '@medchain/contracts'
import type { StudyDocument, StudyIndicatorDefinition } from '@medchain/research'
import { getStudy, publishStudy, type Study } from '@medchain/sdk'
import type { Hex } from 'viem'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { intValue, numberValue, stringValue } from './researchValues.ts'
import { researchModules } from './researchModules.ts'
import { chainStep, fromResearchError, logResearch } from './researchSteps.ts'

/** A study definition as the institution posts it (clinical units; the gateway encodes them). */
export type StudyDefinition = {
  title: string
  purpose: string
  mode: 'paillier' | 'verified'
  indicators: StudyIndicatorDefinition[]
  notBefore: number
  capacity: number
  deadline: number
}

const MAX_UINT32 = 2 ** 32 - 1
const MAX_UNIX = 2 ** 40

/** Parses a study definition body, naming the field at fault. @throws GatewayError `GATEWAY_INVALID_REQUEST` */
export function parseStudyDefinition(body: Record<string, unknown>): StudyDefinition {
  const mode = body.mode
  if (mode !== 'paillier' && mode !== 'verified') throw new GatewayError('"mode" expected "paillier" or "verified"', { code: 'GATEWAY_INVALID_REQUEST', expression: 'mode' })
  if (!Array.isArray(body.indicators) || body.indicators.length === 0 || body.indicators.length > 32) {
    throw new GatewayError('"indicators" expected 1 to 32 indicators', { code: 'GATEWAY_INVALID_REQUEST', expression: 'indicators' })
  }
  const bounds = (value: unknown, field: string) => {
    const pair = value as { low?: unknown; high?: unknown } | undefined
    if (typeof pair !== 'object' || pair === null) throw new GatewayError(`"${field}" expected { low, high }`, { code: 'GATEWAY_INVALID_REQUEST', expression: field })
    return { low: numberValue(pair.low, `${field}.low`), high: numberValue(pair.high, `${field}.high`) }
  }
  const indicators = (body.indicators as unknown[]).map((value, j) => {
    const row = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>
    return { code: stringValue(row, 'code', 16), plausible: bounds(row.plausible, `indicators[${j}].plausible`), range: bounds(row.range, `indicators[${j}].range`) }
  })
  const now = Math.floor(Date.now() / 1000)
  return {
    title: stringValue(body, 'title', 200),
    purpose: stringValue(body, 'purpose', 2000),
    mode,
    indicators,
    notBefore: intValue(body.notBefore, 'notBefore', 0, MAX_UNIX),
    capacity: intValue(body.capacity, 'capacity', 1, MAX_UINT32),
    deadline: intValue(body.deadline, 'deadline', now + 1, MAX_UNIX),
  }
}

/** A published study, as the institution's gateway answers. */
export type PublishedStudy = { studyId: string; mode: string; circuit: string; documentHash: Hex; studyHash: string; transaction: Hex; documentUrl: string }

/**
 * Creates the study (ranges under the gateway's Paillier key in paillier mode, a range commitment
 * in verified mode), stores its document bytes and what the institution keeps, then publishes it
 * from the member's account, which becomes the study's institution.
 * @throws GatewayError `GATEWAY_INVALID_REQUEST` (a definition the protocol refuses), `GATEWAY_RESEARCH_REFUSED`
 */
export async function publishInstitutionStudy(ctx: GatewayContext, caller: Caller, definition: StudyDefinition): Promise<PublishedStudy> {
  const { research, poseidon } = await researchModules()
  const keyPair = definition.mode === 'paillier' ? await ctx.research.paillierKey() : undefined
  let study: ReturnType<typeof research.createStudy>
  try {
    study = research.createStudy(poseidon, { ...definition, paillierPublicKey: keyPair?.publicKey })
  } catch (error) {
    throw fromResearchError(error)
  }
  const studyId = BigInt(study.document.studyId)
  // Stored before the chain hears of it: a published study always has its document and opening here.
  await ctx.blobs.putMany([{ hash: study.documentHash, bytes: study.documentBytes }])
  await ctx.index.saveResearchStudy({
    studyId,
    documentHash: study.documentHash,
    mode: definition.mode,
    codes: definition.indicators.map((indicator) => indicator.code),
    rangeOpening: study.rangeOpening ?? null,
  })
  const { receipt } = await chainStep(ctx, caller, 'publish', undefined, () =>
    publishStudy(ctx.client, {
      studyId,
      circuit: study.document.circuit,
      studyHash: study.studyHash,
      documentHash: study.documentHash,
      capacity: definition.capacity,
      deadline: BigInt(definition.deadline),
    }),
  )
  await logResearch(ctx, caller, { step: 'publish', action: accessActions.WRITE })
  return {
    studyId: studyId.toString(),
    mode: definition.mode,
    circuit: study.document.circuit,
    documentHash: study.documentHash,
    studyHash: study.studyHash.toString(),
    transaction: receipt.transactionHash,
    documentUrl: `${ctx.baseUrl}/research/studies/${studyId}`,
  }
}

/** A study on chain whose institution is this gateway's member. @throws GatewayError `GATEWAY_NOT_FOUND` */
export async function ownStudy(ctx: GatewayContext, studyId: bigint): Promise<Study> {
  const study = await getStudy(ctx.client, { studyId })
  if (study === undefined || study.institution.toLowerCase() !== ctx.member.address.toLowerCase()) {
    throw new GatewayError(`Study ${studyId} is not a study of this institution`, { code: 'GATEWAY_NOT_FOUND' })
  }
  return study
}

/** The exact document bytes whose SHA-256 the chain records for `study`. @throws GatewayError `GATEWAY_NOT_FOUND` */
export async function studyDocumentBytes(ctx: GatewayContext, study: Study): Promise<Uint8Array> {
  const bytes = await ctx.blobs.get(study.documentHash)
  if (bytes === undefined) throw new GatewayError(`The document of study ${study.studyId} is not held here`, { code: 'GATEWAY_NOT_FOUND' })
  return bytes
}

/** The document of `study`, checked against its on-chain hash. */
export async function studyDocument(ctx: GatewayContext, study: Study): Promise<StudyDocument> {
  const { research } = await researchModules()
  return research.decodeStudyDocument(await studyDocumentBytes(ctx, study), study.documentHash)
}
