// Attestation at the hospital (research-protocol.md section 1): the gateway reads the vital signs
// it holds for the patient, commits to the latest ones, anchors the commitment and hands the
// opening to the patient inside an encrypted record of theirs.
import { accessActions, purposes, roles as ROLES } from '@medchain/contracts'
import type { RecordVersion } from '@medchain/index'
import type { AttestationOpening } from '@medchain/research'
import { attestIndicators } from '@medchain/sdk'
import type { DocumentReference, Observation } from 'fhir/r4.js'
import { zeroHash, type Address } from 'viem'
import { AuditDecisions } from '../audit/decisions.ts'
import type { Caller } from '../chain/callers.ts'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { openStored } from '../records/openStored.ts'
import { readRecord } from '../records/readService.ts'
import { writeResources } from '../records/writeService.ts'
import { researchModules } from './researchModules.ts'
import { chainStep, fromResearchError, logResearch, refuseResearch } from './researchSteps.ts'

/** The DocumentReference type of an attestation opening. */
export const ATTESTATION_TYPE = { system: 'https://medchain.dev/fhir/CodeSystem/research', code: 'attestation-opening' } as const

/** An attestation as the patient receives it. */
export type PatientAttestation = { record: string; commitment: string; measuredAt: number; attestedAt: string; opening: AttestationOpening }

const PAGE = 1000

/** The patient's current Observations here whose code, or a component's, is one of `codes`. */
async function observationsOf(ctx: GatewayContext, patient: Address, codes: readonly string[]): Promise<{ rows: RecordVersion[]; observations: Observation[] }> {
  const rows = new Map<string, RecordVersion>()
  const tokens = codes.map((code) => ({ system: 'http://loinc.org', code }))
  for (const codeParam of ['code', 'component-code']) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await ctx.index.searchRecords({ resourceType: 'Observation', patient, code: tokens, codeParam, count: PAGE, offset })
      for (const row of page.rows) rows.set(row.recordKey, row)
      if (offset + PAGE >= page.total) break
    }
  }
  const held = [...rows.values()].filter((row) => row.custodian.toLowerCase() === ctx.member.address.toLowerCase())
  const observations: Observation[] = []
  for (const row of held) observations.push((await openStored(ctx, row)) as Observation)
  return { rows: held, observations }
}

/** The record that carries an opening to its patient: theirs, sealed for them and the hospital. */
function openingRecord(patient: Address, opening: AttestationOpening, at: string): DocumentReference {
  return {
    resourceType: 'DocumentReference',
    status: 'current',
    type: { coding: [{ ...ATTESTATION_TYPE, display: 'Attestation opening (research screening)' }] },
    subject: { reference: `Patient/${patient}` },
    date: at,
    description: `Opening of attested commitment ${opening.commitment}`,
    content: [{ attachment: { contentType: 'application/json', data: Buffer.from(JSON.stringify(opening)).toString('base64') } }],
  }
}

/**
 * Attests the caller's latest indicators: reads their Observations this hospital holds (logged),
 * builds the commitment over the codes of INDICATOR_DECIMALS with the patient's identity
 * commitment, anchors it (StudyRegistry.attest) and stores the opening as a DocumentReference of
 * the patient. The opening is health data: it is never logged and never leaves but to the patient.
 * @throws GatewayError `GATEWAY_FORBIDDEN_ROLE` (not a hospital gateway), `GATEWAY_RESEARCH_NO_READINGS`,
 *   `GATEWAY_INVALID_REQUEST` (identity commitment not a field element), `GATEWAY_RESEARCH_REFUSED`
 */
export async function attestPatient(ctx: GatewayContext, caller: Caller, patient: Address, identityCommitment: bigint): Promise<PatientAttestation & { transaction: string }> {
  const member = await ctx.callers.member(ctx.member.address)
  if ((member.roles & ROLES.HOSPITAL) === 0) {
    throw await refuseResearch(ctx, caller, 'attest', { code: 'GATEWAY_FORBIDDEN_ROLE', message: 'Only a hospital attests measurements', decision: AuditDecisions.WRONG_ROLE, patient })
  }
  const { research, poseidon } = await researchModules()
  const codes = Object.keys(research.INDICATOR_DECIMALS)
  const { rows, observations } = await observationsOf(ctx, patient, codes)
  if (rows.length > 0) {
    await ctx.audit.record(
      rows.map((row) => ({ accessor: ctx.member.address, patient, recordId: row.recordId, recordKey: row.recordKey, action: accessActions.READ, purpose: purposes.RESEARCH, authorization: zeroHash, decision: AuditDecisions.ALLOWED, detail: { research: 'attest', basis: 'custodian' } })),
    )
  }
  const snapshot = research.latestReadings(observations, { codes })
  if (snapshot === undefined) {
    throw await refuseResearch(ctx, caller, 'attest', { code: 'GATEWAY_RESEARCH_NO_READINGS', message: 'This hospital holds no attestable measurement of the patient', decision: AuditDecisions.RESEARCH_REFUSED, patient })
  }
  let attestation: ReturnType<typeof research.createAttestation>
  try {
    attestation = research.createAttestation(poseidon, { snapshot, identityCommitment })
  } catch (error) {
    throw fromResearchError(error)
  }
  const { receipt } = await chainStep(ctx, caller, 'attest', patient, () => attestIndicators(ctx.client, { commitment: attestation.commitment, patient }))
  const at = new Date().toISOString()
  const hospital: Caller = { kind: 'member', address: ctx.member.address, member: ctx.member.address, roles: member.roles, encryptionPublicKey: ctx.member.publicKey }
  const [written] = await writeResources(ctx, hospital, [{ resource: openingRecord(patient, attestation.opening, at), method: 'create' }])
  await logResearch(ctx, caller, { step: 'attest', patient, action: accessActions.WRITE })
  return {
    record: `DocumentReference/${written?.resource.id}`,
    commitment: attestation.opening.commitment,
    measuredAt: attestation.opening.measuredAt,
    attestedAt: at,
    opening: attestation.opening,
    transaction: receipt.transactionHash,
  }
}

/**
 * The caller's attestation openings held here, newest first; each record read is logged as any
 * read of the patient's records is.
 */
export async function listAttestations(ctx: GatewayContext, caller: Caller, patient: Address, purpose: number): Promise<PatientAttestation[]> {
  const page = await ctx.index.searchRecords({ resourceType: 'DocumentReference', patient, code: ATTESTATION_TYPE, count: 100, sort: '-date' })
  const attestations: PatientAttestation[] = []
  for (const row of page.rows) {
    const { resource } = await readRecord(ctx, caller, { type: 'DocumentReference', id: row.recordKey.slice('DocumentReference/'.length), purpose })
    const document = resource as DocumentReference
    const data = document.content[0]?.attachment.data
    if (data === undefined) throw new GatewayError(`${row.recordKey} carries no opening`, { code: 'GATEWAY_INTEGRITY_FAILED' })
    const opening = JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as AttestationOpening
    attestations.push({ record: row.recordKey, commitment: opening.commitment, measuredAt: opening.measuredAt, attestedAt: document.date ?? row.lastUpdated, opening })
  }
  return attestations
}
