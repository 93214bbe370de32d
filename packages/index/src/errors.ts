/**
 * Every error code this package throws, with its meaning. Codes are stable: callers and
 * `docs/errors.md` key on them, so a code is never renamed or reused for another meaning.
 */
export const IndexErrorCodes = {
  INDEX_INVALID_ARGUMENT: 'An argument has the wrong type, length, range or format; the message names it, never its value.',
  INDEX_OPEN_FAILED: 'The database could not be opened: a bad URL, an unreachable server, a refused login or an unusable data directory.',
  INDEX_MIGRATION_FAILED: 'A schema migration failed and was rolled back, or the database has a newer schema than this code knows.',
  INDEX_QUERY_FAILED: 'A SQL statement failed; `sqlState` holds the PostgreSQL error code. No row data is in the message.',
  INDEX_CLOSED: 'The index was used after `close()`.',
} as const

/** A stable error code of `@medchain/index`. */
export type IndexErrorCode = keyof typeof IndexErrorCodes

/** Options of {@link IndexError}. */
export type IndexErrorOptions = {
  code: IndexErrorCode
  /** Extra context appended to `message`: identifiers and SQLSTATEs only, never row values. */
  details?: string | undefined
  /** The PostgreSQL SQLSTATE (e.g. `23505` unique violation) when the database refused a statement. */
  sqlState?: string | undefined
  cause?: unknown
}

/**
 * The one error class of `@medchain/index` (viem `BaseError` style). Messages never hold row data
 * (pseudonyms, codes, dates, keys): the database's own message can quote values, so it is not
 * copied, and database errors are not kept as `cause` (their `detail` quotes key values).
 */
export class IndexError extends Error {
  override name = 'IndexError'
  readonly code: IndexErrorCode
  readonly shortMessage: string
  readonly details: string | undefined
  readonly sqlState: string | undefined

  constructor(shortMessage: string, options: IndexErrorOptions) {
    const message = options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.shortMessage = shortMessage
    this.details = options.details
    this.sqlState = options.sqlState
  }
}

/** Whether `error` is an {@link IndexError}, optionally with the given code. */
export function isIndexError(error: unknown, code?: IndexErrorCode): error is IndexError {
  return error instanceof IndexError && (code === undefined || error.code === code)
}
