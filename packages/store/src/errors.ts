/**
 * Every error code this package throws, with its meaning. Codes are stable: callers and
 * `docs/errors.md` key on them, so a code is never renamed or reused for another meaning.
 */
export const StoreErrorCodes = {
  STORE_INVALID_ARGUMENT: 'An argument has the wrong type, length or format; the message names it.',
  STORE_HASH_MISMATCH: 'Bytes given to put do not hash (SHA-256) to the content address they were given under.',
  STORE_CORRUPT_BLOB: 'A stored blob no longer hashes to its content address: the disk copy was altered or damaged.',
  STORE_CLOSED: 'The store was used after close().',
  STORE_IO_FAILED: 'The disk refused a read or write (permissions, space, I/O error).',
} as const

/** A stable error code of `@medchain/store`. */
export type StoreErrorCode = keyof typeof StoreErrorCodes

/** Options of {@link StoreError}. */
export type StoreErrorOptions = { code: StoreErrorCode; details?: string | undefined; cause?: unknown }

/** The one error class of `@medchain/store`; messages name hashes and paths, never contents or keys. */
export class StoreError extends Error {
  override name = 'StoreError'
  readonly code: StoreErrorCode
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, options: StoreErrorOptions) {
    super(options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.shortMessage = shortMessage
    this.details = options.details
  }
}

/** Whether `error` is a {@link StoreError}, optionally with the given code. */
export function isStoreError(error: unknown, code?: StoreErrorCode): error is StoreError {
  return error instanceof StoreError && (code === undefined || error.code === code)
}
