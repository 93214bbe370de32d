// Asserts that a contract call reverts with a given custom error and arguments, decoded by viem.
import assert from 'node:assert/strict'
import {
  BaseError,
  ContractFunctionRevertedError,
  decodeErrorResult,
  isHex,
  type ContractErrorArgs,
  type ContractErrorName,
} from 'viem'
import { errorsAbi } from '../../generated/errors.ts'

type ErrorsAbi = typeof errorsAbi
export type MedchainErrorName = ContractErrorName<ErrorsAbi>

/** Awaits `action` and asserts it reverted with `errorName` and, when given, exactly `args`. */
export async function expectRevert<const name extends MedchainErrorName>(
  action: Promise<unknown>,
  errorName: name,
  args?: ContractErrorArgs<ErrorsAbi, name>,
): Promise<void> {
  try {
    await action
  } catch (error) {
    assert.ok(error instanceof BaseError, `expected a viem error, got ${String(error)}`)
    const decoded = decodeRevert(error)
    assert.ok(decoded, `expected a revert with ${errorName}, got: ${error.shortMessage}`)
    assert.equal(decoded.errorName, errorName, `expected ${errorName}, got ${decoded.errorName}`)
    if (args !== undefined) assert.deepEqual(decoded.args, args)
    return
  }
  assert.fail(`expected a revert with ${errorName}, but the call succeeded`)
}

/**
 * The custom error in a viem error: decoded by viem for contract calls, or decoded here from the raw
 * revert data for a deployment (viem's deployContract does not decode constructor reverts).
 */
function decodeRevert(error: BaseError): { errorName: string; args: readonly unknown[] | undefined } | undefined {
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError)
  if (reverted instanceof ContractFunctionRevertedError && reverted.data) {
    return { errorName: reverted.data.errorName, args: reverted.data.args }
  }
  const withData = error.walk((e) => isHex((e as { data?: unknown }).data)) as { data?: unknown } | null
  const data = withData?.data
  if (!isHex(data) || data.length < 10) return undefined
  const result = decodeErrorResult({ abi: errorsAbi, data })
  return { errorName: result.errorName, args: result.args }
}
