/**
 * Every error code this package throws, with its meaning. Codes are stable: callers and
 * `docs/errors.md` key on them, so a code is never renamed or reused for another meaning.
 */
export const ZkErrorCodes = {
  ZK_INVALID_ARGUMENT: 'An argument has the wrong type, range or length; the message names it.',
  ZK_UNKNOWN_CIRCUIT: 'No circuit of that name or size class is built into this release.',
  ZK_MISSING_ARTIFACT: 'A circuit artifact (witness generator, proving key, verification key) is missing on disk.',
  ZK_ARTIFACT_MISMATCH: 'A circuit artifact does not hash to the value recorded in the circuit manifest.',
  ZK_WITNESS_FAILED: 'The inputs violate a circuit constraint: the statement being proven is false.',
  ZK_CEREMONY_FAILED: 'A setup ceremony step failed or its transcript does not verify.',
} as const

/** A stable error code of `@medchain/zk`. */
export type ZkErrorCode = keyof typeof ZkErrorCodes

/** Options of {@link ZkError}. */
export type ZkErrorOptions = {
  code: ZkErrorCode
  /** Extra, non-secret context appended to `message`. */
  details?: string | undefined
  cause?: unknown
}

/** The one error class of `@medchain/zk`. Messages never contain witness values. */
export class ZkError extends Error {
  override name = 'ZkError'
  readonly code: ZkErrorCode
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, options: ZkErrorOptions) {
    const message = options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.shortMessage = shortMessage
    this.details = options.details
  }
}
