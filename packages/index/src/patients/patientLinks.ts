import { toAddress, toText } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Address } from '../types.ts'

// patient_links is local state: the hospital's own patient ids (e.g. a Synthea id) next to the
// pseudonym the importer created for them. It never leaves the hospital and is never rebuilt.

/** Options of {@link linkPatient}. */
export type LinkPatientOptions = { sourcePatientId: string; pseudonym: Address }

/**
 * Links a local patient id to a pseudonym unless it is already linked. Returns the pseudonym the
 * id is linked to, which is the earlier one when there was one: an import run twice reuses it.
 */
export async function linkPatient(db: SqlExecutor, { sourcePatientId, pseudonym }: LinkPatientOptions): Promise<Address> {
  const id = toText('sourcePatientId', sourcePatientId, 256)
  const { rows } = await db.query<{ pseudonym: Address }>(
    `WITH added AS (
       INSERT INTO patient_links (source_patient_id, pseudonym) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING pseudonym
     )
     SELECT pseudonym FROM added UNION ALL SELECT pseudonym FROM patient_links WHERE source_patient_id = $1`,
    [id, toAddress('pseudonym', pseudonym)],
  )
  // Empty only when another connection linked the id between this statement's snapshot and its
  // insert (PostgreSQL, concurrent imports): the link is committed now, so read it.
  return rows[0]?.pseudonym ?? ((await findPatientLink(db, { sourcePatientId: id })) as Address)
}

/** Options of {@link findPatientLink}. */
export type FindPatientLinkOptions = { sourcePatientId: string }

/** The pseudonym linked to a local patient id, or undefined. */
export async function findPatientLink(db: SqlExecutor, { sourcePatientId }: FindPatientLinkOptions): Promise<Address | undefined> {
  const { rows } = await db.query<{ pseudonym: Address }>('SELECT pseudonym FROM patient_links WHERE source_patient_id = $1', [
    toText('sourcePatientId', sourcePatientId, 256),
  ])
  return rows[0]?.pseudonym
}
