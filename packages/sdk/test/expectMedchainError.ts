import assert from 'node:assert/strict'
import { MedchainError, type MedchainErrorCode } from '../src/errors.ts'

/** Awaits `action`, asserts it failed with a MedchainError of `code`, and returns that error. */
export async function expectMedchainError(action: Promise<unknown> | (() => unknown), code: MedchainErrorCode): Promise<MedchainError> {
  try {
    await (typeof action === 'function' ? action() : action)
  } catch (error) {
    assert.ok(error instanceof MedchainError, `expected a MedchainError, got ${String(error)}`)
    assert.equal(error.code, code, `expected ${code}, got ${error.code}: ${error.message}`)
    return error
  }
  assert.fail(`expected a MedchainError ${code}, but it succeeded`)
}

/** Like {@link expectMedchainError} for a revert, also checking the decoded custom error. */
export async function expectRevert(action: Promise<unknown>, errorName: string, args?: readonly unknown[]): Promise<MedchainError> {
  const error = await expectMedchainError(action, 'SDK_CONTRACT_REVERTED')
  assert.equal(error.revert?.errorName, errorName, error.message)
  if (args) assert.deepEqual(error.revert?.args, args)
  return error
}
