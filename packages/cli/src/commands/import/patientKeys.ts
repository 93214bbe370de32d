// The keys a hospital makes for the patients it imports and later hands to them: one keystore per
// source patient id, so that importing a patient again reuses its pseudonym.
import { generatePrivateKey, privateKeyToPublicKey } from '@medchain/crypto'
import { isMedchainError, loadKeystore, saveKeystore } from '@medchain/sdk'
import type { Address, Hex } from 'viem'

/** A patient's key: the pseudonym is its address. `created` says whether this run made it. */
export type PatientKey = { address: Address; publicKey: Hex; created: boolean }

export type PatientKeys = {
  /**
   * The key saved for `sourceId` in `<dir>/patient-<sourceId>.json`, or a new one saved there.
   * Concurrent calls for one id share one answer.
   * @throws MedchainError `SDK_KEYSTORE_INVALID_NAME` (an id unfit for a file name), `SDK_KEYSTORE_WRONG_PASSPHRASE`, `SDK_FILE_ERROR`...
   */
  get(sourceId: string): Promise<PatientKey>
}

/** Patient keystores in `dir`, under `passphrase` (scrypt cost `scryptN` for new ones). */
export function createPatientKeys({ dir, passphrase, scryptN }: { dir: string; passphrase: string; scryptN?: number | undefined }): PatientKeys {
  const pending = new Map<string, Promise<PatientKey>>()
  const find = async (sourceId: string): Promise<PatientKey> => {
    const name = `patient-${sourceId}`
    try {
      const { address, publicKey } = await loadKeystore(dir, { name, passphrase })
      return { address, publicKey, created: false }
    } catch (error) {
      if (!isMedchainError(error, 'SDK_KEYSTORE_NOT_FOUND')) throw error
    }
    const privateKey = generatePrivateKey()
    // Saved before the import is sent: a patient registered on chain must never lose its key.
    const { address } = await saveKeystore(dir, { name, privateKey, passphrase, scryptN })
    return { address, publicKey: privateKeyToPublicKey(privateKey), created: true }
  }
  return {
    get(sourceId) {
      let key = pending.get(sourceId)
      if (key === undefined) {
        key = find(sourceId)
        pending.set(sourceId, key)
      }
      return key
    },
  }
}
