import { toAddress, toBlock, toHex } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Address, Hex } from '../types.ts'

/** A patient registered on chain under a pseudonym (mirror of the identity registry). */
export type Patient = {
  pseudonym: Address
  /** The member that registered the patient. */
  registrar: Address
  /** The compressed secp256k1 key records are wrapped to (33 bytes). */
  encryptionPublicKey: Hex
  registeredBlock: number
}

/**
 * Records a registration, or a key rotation of a known pseudonym (the key is replaced, the
 * registrar and block kept).
 */
export async function upsertPatient(db: SqlExecutor, patient: Patient): Promise<void> {
  await db.query(
    `INSERT INTO patients (pseudonym, registrar, encryption_public_key, registered_block) VALUES ($1, $2, $3, $4)
     ON CONFLICT (pseudonym) DO UPDATE SET encryption_public_key = excluded.encryption_public_key`,
    [
      toAddress('pseudonym', patient?.pseudonym),
      toAddress('registrar', patient.registrar),
      toHex('encryptionPublicKey', patient.encryptionPublicKey, 33),
      toBlock('registeredBlock', patient.registeredBlock),
    ],
  )
}

/** Options of {@link getPatient}. */
export type GetPatientOptions = { pseudonym: Address }

/** The registered patient of that pseudonym, or undefined. */
export async function getPatient(db: SqlExecutor, { pseudonym }: GetPatientOptions): Promise<Patient | undefined> {
  const { rows } = await db.query<{ pseudonym: Address; registrar: Address; encryption_public_key: Hex; registered_block: string }>(
    'SELECT pseudonym, registrar, encryption_public_key, registered_block FROM patients WHERE pseudonym = $1',
    [toAddress('pseudonym', pseudonym)],
  )
  const row = rows[0]
  return row && {
    pseudonym: row.pseudonym,
    registrar: row.registrar,
    encryptionPublicKey: row.encryption_public_key,
    registeredBlock: Number(row.registered_block),
  }
}
