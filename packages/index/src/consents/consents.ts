import { optional, toAddress, toArray, toBlock, toBytes32, toInt, toTimestamp, toUint256 } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Address, Hex, TimestampInput } from '../types.ts'

/** A consent as granted on chain, and its revocation. Timestamps are ISO strings (UTC). */
export type Consent = {
  consentId: Hex
  patient: Address
  grantee: Address
  /** Bit mask of purposes of use. */
  purposes: number
  /** Bit mask of resource types (uint256). */
  resourceTypes: bigint
  /** Record ids the consent is limited to; empty for every record of the granted types. */
  recordIds: Hex[]
  startAt: string
  /** null: no expiry. */
  expiryAt: string | null
  grantedBlock: number
  revokedAt: string | null
  revokedBlock: number | null
}

/** A `ConsentGranted` event to mirror. */
export type ConsentGrantedInput = Omit<Consent, 'startAt' | 'expiryAt' | 'revokedAt' | 'revokedBlock'> & {
  startAt: TimestampInput
  expiryAt?: TimestampInput | null | undefined
}

/** Mirrors a grant; replaying it updates the row and keeps a revocation already recorded. */
export async function upsertConsentGranted(db: SqlExecutor, consent: ConsentGrantedInput): Promise<void> {
  await db.query(
    `INSERT INTO consents (consent_id, patient, grantee, purposes, resource_types, record_ids, start_at, expiry_at, granted_block)
     VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8, $9)
     ON CONFLICT (consent_id) DO UPDATE SET patient = excluded.patient, grantee = excluded.grantee, purposes = excluded.purposes,
       resource_types = excluded.resource_types, record_ids = excluded.record_ids, start_at = excluded.start_at,
       expiry_at = excluded.expiry_at, granted_block = excluded.granted_block`,
    [
      toBytes32('consentId', consent?.consentId),
      toAddress('patient', consent.patient),
      toAddress('grantee', consent.grantee),
      toInt('purposes', consent.purposes),
      toUint256('resourceTypes', consent.resourceTypes),
      JSON.stringify(toArray('recordIds', consent.recordIds).map((id, i) => toBytes32(`recordIds[${i}]`, id))),
      toTimestamp('startAt', consent.startAt),
      optional(consent.expiryAt, (v) => toTimestamp('expiryAt', v)),
      toBlock('grantedBlock', consent.grantedBlock),
    ],
  )
}

/** Options of {@link markConsentRevoked}. */
export type MarkConsentRevokedOptions = { consentId: Hex; revokedAt: TimestampInput; block: number }

/** Mirrors a revocation. Returns false when the consent is unknown or already revoked. */
export async function markConsentRevoked(db: SqlExecutor, { consentId, revokedAt, block }: MarkConsentRevokedOptions): Promise<boolean> {
  const { rowCount } = await db.query(
    'UPDATE consents SET revoked_at = $2, revoked_block = $3 WHERE consent_id = $1 AND revoked_at IS NULL',
    [toBytes32('consentId', consentId), toTimestamp('revokedAt', revokedAt), toBlock('block', block)],
  )
  return rowCount > 0
}

/** Options of {@link listConsents}. */
export type ListConsentsOptions = {
  patient?: Address | undefined
  grantee?: Address | undefined
  /** Only consents in force at this instant: started, not expired, not revoked. */
  activeAt?: TimestampInput | undefined
}

type ConsentRow = {
  consent_id: Hex
  patient: Address
  grantee: Address
  purposes: number
  resource_types: string
  record_ids: Hex[]
  start_at: string
  expiry_at: string | null
  granted_block: string
  revoked_at: string | null
  revoked_block: string | null
}

/** Consents of a patient and/or to a grantee, newest grant first. */
export async function listConsents(db: SqlExecutor, options: ListConsentsOptions = {}): Promise<Consent[]> {
  const params = [
    optional(options.patient, (v) => toAddress('patient', v)),
    optional(options.grantee, (v) => toAddress('grantee', v)),
    optional(options.activeAt, (v) => toTimestamp('activeAt', v)),
  ]
  const { rows } = await db.query<ConsentRow>(
    `SELECT * FROM consents
     WHERE ($1::text IS NULL OR patient = $1) AND ($2::text IS NULL OR grantee = $2)
       AND ($3::timestamptz IS NULL OR (start_at <= $3 AND (expiry_at IS NULL OR expiry_at > $3)
            AND (revoked_at IS NULL OR revoked_at > $3)))
     ORDER BY granted_block DESC, consent_id`,
    params,
  )
  return rows.map((row) => ({
    consentId: row.consent_id,
    patient: row.patient,
    grantee: row.grantee,
    purposes: row.purposes,
    resourceTypes: BigInt(row.resource_types),
    recordIds: row.record_ids,
    startAt: row.start_at,
    expiryAt: row.expiry_at,
    grantedBlock: Number(row.granted_block),
    revokedAt: row.revoked_at,
    revokedBlock: row.revoked_block === null ? null : Number(row.revoked_block),
  }))
}
