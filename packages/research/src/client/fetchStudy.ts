import { getStudy, type MedchainClient, type Study } from '@medchain/sdk'
import { ResearchError } from '../errors.ts'
import { decodeStudyDocument } from '../study/studyCodec.ts'
import type { RangeOpening, StudyDocument } from '../study/studyDocument.ts'
import { gatewayJson, gatewayRequest, type GatewayEndpoint } from './gatewayRequest.ts'
import { memberGateway } from './memberGateway.ts'

export type FetchStudyParameters = {
  studyId: bigint
  /** Signs the range request of a verified-mode study (the holder's patient key). */
  privateKey?: `0x${string}` | undefined
}

/** A study as a holder sees it: on chain, its document checked against the chain, its institution. */
export type FetchedStudy = {
  study: Study
  document: StudyDocument
  institution: GatewayEndpoint & { encryptionPublicKey: `0x${string}` }
  /** Verified mode, when a key was given: the ranges the proof classifies against. */
  rangeOpening?: RangeOpening | undefined
}

/**
 * Reads a study from the chain and its document from the institution's gateway, refusing a
 * document whose SHA-256 differs from the chain's (a gateway cannot change what a holder proves
 * against). In verified mode, with a key, also fetches the range opening.
 * @throws ResearchError `RESEARCH_INVALID_ARGUMENT` (unknown study), `RESEARCH_INVALID_STUDY`, `RESEARCH_GATEWAY_FAILED`
 */
export async function fetchStudy(client: MedchainClient, { studyId, privateKey }: FetchStudyParameters): Promise<FetchedStudy> {
  const study = await getStudy(client, { studyId })
  if (study === undefined) throw new ResearchError(`Study ${studyId} is not on chain`, { code: 'RESEARCH_INVALID_ARGUMENT' })
  const institution = await memberGateway(client, study.institution)
  const bytes = await gatewayRequest({ gateway: institution, method: 'GET', path: `/research/studies/${studyId}` })
  const document = decodeStudyDocument(bytes, study.documentHash)
  if (document.studyId !== studyId.toString()) throw new ResearchError('The study document names another study', { code: 'RESEARCH_INVALID_STUDY' })
  let rangeOpening: RangeOpening | undefined
  if (document.mode === 'verified' && privateKey !== undefined) {
    rangeOpening = await gatewayJson<RangeOpening>({ gateway: institution, method: 'GET', path: `/research/studies/${studyId}/ranges`, privateKey })
  }
  return { study, document, institution, rangeOpening }
}
