/**
 * Every error code this package throws, with its meaning. Codes are stable: callers and
 * `docs/errors.md` key on them, so a code is never renamed or reused for another meaning.
 */
export const ResearchErrorCodes = {
  RESEARCH_INVALID_ARGUMENT: 'An argument has the wrong type, range or format; the message names it.',
  RESEARCH_UNSUPPORTED_CODE: 'An indicator code is not a LOINC observation code (digits, dash, check digit).',
  RESEARCH_VALUE_OUT_OF_RANGE: 'A value does not fit the fixed-point encoding (negative, or 2^24 or more once scaled).',
  RESEARCH_INVALID_STUDY: 'A study document is malformed, or does not hash to what the chain records.',
  RESEARCH_MISSING_INDICATOR: 'The holder\'s attested set lacks a code the study requires.',
  RESEARCH_STALE_MEASUREMENT: 'The attested measurement is older than the study accepts.',
  RESEARCH_IMPLAUSIBLE_VALUE: 'An attested value lies outside the study\'s plausible bounds.',
  RESEARCH_INVALID_OPENING: 'An attestation opening does not match its commitment.',
  RESEARCH_INVALID_RESULT: 'A classification result is malformed or does not match its on-chain hash.',
  RESEARCH_CLASS_MISMATCH: 'A verified-mode class vector does not open the class commitment proven at enrollment.',
  RESEARCH_GATEWAY_FAILED: 'A gateway the holder talks to refused a request (its OperationOutcome code is in the details) or could not be reached.',
} as const

/** A stable error code of `@medchain/research`. */
export type ResearchErrorCode = keyof typeof ResearchErrorCodes

export type ResearchErrorOptions = {
  code: ResearchErrorCode
  /** Extra, non-secret context appended to `message`; never a health value. */
  details?: string | undefined
  cause?: unknown
}

/** The one error class of `@medchain/research`. Messages name codes, never values. */
export class ResearchError extends Error {
  override name = 'ResearchError'
  readonly code: ResearchErrorCode
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, options: ResearchErrorOptions) {
    const message = options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.shortMessage = shortMessage
    this.details = options.details
  }
}
