/**
 * Every error code the CLI itself throws, with its meaning (SDK and crypto errors keep their own
 * codes). Codes are stable: scripts and `docs/errors.md` key on them.
 */
export const CliErrorCodes = {
  CLI_USAGE: 'A command line argument or option is missing or malformed (exit status 2).',
  CLI_PASSPHRASE_REQUIRED: 'A keystore passphrase is needed but MEDCHAIN_PASSPHRASE is unset and stdin is not a terminal.',
  CLI_PASSPHRASE_MISMATCH: 'The two passphrases typed for a new keystore differ.',
  CLI_CANCELLED: 'The user cancelled a prompt (Ctrl+C).',
  CLI_NOT_FOUND: 'The member or proposal asked for does not exist.',
  CLI_NOT_A_DATA_DIR: '`up --fresh` refused to wipe a directory holding files that a medchain data directory never holds.',
  CLI_DATA_DIR_INCONSISTENT: 'The data directory has a deployment file naming contracts its chain does not hold.',
  CLI_DATA_DIR_LOCKED: 'Another process (another `medchain up`?) has the data directory\'s chain open.',
  CLI_PORT_IN_USE: 'The JSON-RPC port, or the port of a gateway `up` starts, is taken by another process.',
  CLI_GATEWAY_UNREACHABLE: 'The gateway to import into does not answer, answers as no FHIR server, or its member lists no gateway URL on chain.',
  CLI_INVALID_BUNDLE: 'A file given to `import` is not JSON, or its Bundle has no single Patient to import for.',
  CLI_NOT_PERMITTED: 'The --as account lacks the role the command needs (a ceremony needs a regulator).',
  CLI_CEREMONY_FAILED: 'A verifier exported by `ceremony` did not compile or deploy.',
  CLI_IMPORT_FAILED: '`import` finished, but some bundles failed (each is listed with its reason).',
  CLI_VERIFY_REFUSED: '`drugs verify`: the gateway refused the Digital Link (its OperationOutcome diagnostics are printed).',
} as const

export type CliErrorCode = keyof typeof CliErrorCodes

/** The CLI's one error class; printed as `error [CODE]: message`, exit status 2 for CLI_USAGE, else 1. */
export class CliError extends Error {
  override name = 'CliError'
  readonly code: CliErrorCode
  readonly shortMessage: string
  readonly details: string | undefined

  constructor(shortMessage: string, options: { code: CliErrorCode; details?: string | undefined; cause?: unknown }) {
    super(options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.shortMessage = shortMessage
    this.details = options.details
  }
}

/** A usage error: exit status 2. */
export function usageError(message: string): CliError {
  return new CliError(message, { code: 'CLI_USAGE' })
}
