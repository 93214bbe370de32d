import { usageError } from './errors.ts'
import type { CliIo } from './io.ts'

/**
 * scrypt cost for new keystores: MEDCHAIN_KEYSTORE_SCRYPT_N (a power of two) or the crypto
 * package's default. Lowering it makes brute-forcing the passphrase cheaper: tests only.
 */
export function keystoreScryptN(io: CliIo): number | undefined {
  const text = io.env.MEDCHAIN_KEYSTORE_SCRYPT_N
  if (text === undefined || text === '') return undefined
  const n = /^\d{1,8}$/.test(text) ? Number(text) : Number.NaN
  if (!(n >= 2 && (n & (n - 1)) === 0)) throw usageError(`MEDCHAIN_KEYSTORE_SCRYPT_N expected a power of two, got ${JSON.stringify(text)}`)
  return n
}
