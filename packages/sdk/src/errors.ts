/**
 * Every error code this package throws, with its meaning. Codes are stable: callers and
 * `docs/errors.md` key on them, so a code is never renamed or reused for another meaning.
 */
export const MedchainErrorCodes = {
  SDK_INVALID_ARGUMENT: 'An argument has the wrong type, length, range or format; the message names it.',
  SDK_CONTRACT_REVERTED:
    'A contract call or transaction simulation reverted; `revert` holds the custom error name and decoded arguments.',
  SDK_TRANSACTION_FAILED: 'A transaction was included but reverted (the state changed between simulation and inclusion).',
  SDK_RPC_UNREACHABLE: 'The JSON-RPC endpoint could not be reached or did not answer in time.',
  SDK_RPC_ERROR: 'The node refused or failed a request for a reason other than a revert (nonce, funds, invalid params...).',
  SDK_CHAIN_MISMATCH: 'The node serves another chain id than the one the client or its deployment expects.',
  SDK_NO_ACCOUNT: 'A write was attempted on a client created without an account.',
  SDK_NOT_DEPLOYED: 'The client has no deployment, or no contract exists at a deployment address on this chain.',
  SDK_DEPLOYMENT_NOT_FOUND: 'No deployment file exists for this chain id; the message names the file.',
  SDK_DEPLOYMENT_INVALID: 'A deployment file is not valid JSON or lacks a valid field; the message names the file and field.',
  SDK_KEYSTORE_NOT_FOUND: 'No keystore file of that name exists in the keys directory.',
  SDK_KEYSTORE_EXISTS: 'A keystore file of that name already exists; it is never overwritten.',
  SDK_KEYSTORE_INVALID_NAME: 'A keystore name is not 1-64 letters, digits, ".", "_" or "-" starting with a letter or digit.',
  SDK_KEYSTORE_INVALID: 'A keystore file is not a valid Web3 Secret Storage v3 keystore; the message names the file.',
  SDK_KEYSTORE_WRONG_PASSPHRASE: 'The passphrase does not decrypt the keystore (or the keystore was tampered with).',
  SDK_FILE_ERROR: 'A file or directory could not be read or written (permissions, disk full...); the message names it.',
  SDK_UNKNOWN_ERROR: 'An unexpected error; `cause` holds the original.',
} as const

/** A stable error code of `@medchain/sdk`. */
export type MedchainErrorCode = keyof typeof MedchainErrorCodes

/** A decoded custom error (or `Error(string)` / `Panic(uint256)`) from a reverted contract call. */
export type ContractRevert = {
  /** The custom error name, e.g. `ConsortiumAlreadyVoted`; undefined for an unknown selector or an empty revert. */
  errorName: string | undefined
  /** Decoded arguments in declaration order (empty when the error is unknown). */
  args: readonly unknown[]
  /** The raw revert data (`0x` for an empty revert). */
  data: `0x${string}`
}

/** Options of {@link MedchainError}. */
export type MedchainErrorOptions = {
  code: MedchainErrorCode
  /** Extra, non-secret context appended to `message`. */
  details?: string | undefined
  cause?: unknown
  revert?: ContractRevert | undefined
}

/**
 * The one error class of `@medchain/sdk` (viem `BaseError` style): `code` is stable, `shortMessage`
 * is one readable line, `details` adds context, `cause` keeps the original error. Messages never
 * hold secrets (private keys, passphrases).
 */
export class MedchainError extends Error {
  override name = 'MedchainError'
  readonly code: MedchainErrorCode
  readonly shortMessage: string
  readonly details: string | undefined
  /** Set for `SDK_CONTRACT_REVERTED`. */
  readonly revert: ContractRevert | undefined

  constructor(shortMessage: string, options: MedchainErrorOptions) {
    const message = options.details ? `${shortMessage}\n\nDetails: ${options.details}` : shortMessage
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code
    this.shortMessage = shortMessage
    this.details = options.details
    this.revert = options.revert
  }
}

/** Whether `error` is a {@link MedchainError}, optionally with the given code. */
export function isMedchainError(error: unknown, code?: MedchainErrorCode): error is MedchainError {
  return error instanceof MedchainError && (code === undefined || error.code === code)
}
