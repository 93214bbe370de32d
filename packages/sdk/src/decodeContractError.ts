import { errorsAbi } from '@medchain/contracts'
import {
  AbiDecodingZeroDataError,
  BaseError,
  ContractFunctionRevertedError,
  ContractFunctionZeroDataError,
  ExecutionRevertedError,
  HttpRequestError,
  TimeoutError,
  WebSocketRequestError,
  decodeErrorResult,
  isHex,
  type AbiParameter,
  type Hex,
} from 'viem'
import { MedchainError, type ContractRevert } from './errors.ts'

/** Options of {@link decodeContractError}. */
export type DecodeContractErrorOptions = {
  /** What was being done, for the message, e.g. `Consortium.vote`. */
  context?: string | undefined
}

/** JSON-RPC code of a revert (geth, anvil and the embedded node). */
const EXECUTION_REVERTED_CODE = 3

/** Names of the values of the Solidity enums that appear in custom errors, by `internalType`. */
const ENUM_NAMES: Record<string, readonly string[]> = {
  'enum IConsortium.ProposalStatus': ['None', 'Pending', 'Executed', 'Rejected', 'Expired'],
  'enum IConsortium.ProposalKind': ['Admission', 'Removal', 'RolesChange'],
  'enum IEmergencyAccess.ReviewStatus': ['Pending', 'Justified', 'Unjustified'],
}

/**
 * Turns any error from a contract read, simulation or write into a {@link MedchainError}. A revert
 * becomes `SDK_CONTRACT_REVERTED` with the custom error decoded against `errorsAbi` (every error of
 * every medchain contract), so it decodes whatever ABI the call used; an unreachable node becomes
 * `SDK_RPC_UNREACHABLE`, another node refusal `SDK_RPC_ERROR`. A MedchainError is returned as is.
 */
export function decodeContractError(error: unknown, { context }: DecodeContractErrorOptions = {}): MedchainError {
  if (error instanceof MedchainError) return error
  if (!(error instanceof BaseError)) {
    const message = error instanceof Error ? error.message : String(error)
    return new MedchainError(`${context ? `${context}: ` : ''}${message}`, { code: 'SDK_UNKNOWN_ERROR', cause: error })
  }
  const revert = findRevert(error)
  if (revert) {
    return new MedchainError(`${context ?? 'Contract call'} reverted: ${formatRevert(revert)}`, {
      code: 'SDK_CONTRACT_REVERTED',
      revert,
      cause: error,
    })
  }
  if (error.walk((e) => e instanceof ContractFunctionZeroDataError || e instanceof AbiDecodingZeroDataError)) {
    return new MedchainError(`${context ?? 'Contract call'} returned no data: is a contract deployed at that address?`, {
      code: 'SDK_NOT_DEPLOYED',
      cause: error,
    })
  }
  const unreachable = error.walk((e) => e instanceof HttpRequestError || e instanceof TimeoutError || e instanceof WebSocketRequestError)
  if (unreachable) {
    const url = (unreachable as { url?: string }).url
    return new MedchainError(`Cannot reach the JSON-RPC endpoint${url ? ` ${url}` : ''}`, {
      code: 'SDK_RPC_UNREACHABLE',
      details: rootMessage(error),
      cause: error,
    })
  }
  return new MedchainError(`${context ? `${context}: ` : ''}${rootMessage(error)}`, { code: 'SDK_RPC_ERROR', cause: error })
}

/** `ConsortiumAlreadyVoted(proposalId: 3, voter: 0xAb…)`, or a fallback for unknown data. */
export function formatRevert(revert: ContractRevert): string {
  if (revert.errorName === undefined) {
    return revert.data === '0x' ? 'execution reverted without a reason' : `unknown custom error ${revert.data.slice(0, 10)}`
  }
  const inputs = errorInputs(revert.errorName)
  const args = revert.args.map((value, i) => {
    const input = inputs?.[i]
    const name = input?.name ? `${input.name}: ` : ''
    return `${name}${formatValue(value, input)}`
  })
  return `${revert.errorName}(${args.join(', ')})`
}

/** The revert in a viem error chain, decoded against `errorsAbi`; undefined when it is no revert. */
function findRevert(error: BaseError): ContractRevert | undefined {
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError) as ContractFunctionRevertedError | null
  const data = reverted?.raw ?? findRevertData(error)
  if (data !== undefined) return decodeRevertData(data)
  const isRevert =
    reverted !== null ||
    error.walk((e) => e instanceof ExecutionRevertedError || (e as { code?: unknown }).code === EXECUTION_REVERTED_CODE) !== null
  return isRevert ? { errorName: undefined, args: [], data: '0x' } : undefined
}

/** Revert data carried by an RPC error of the chain (`data` or `data.data`, as nodes differ). */
function findRevertData(error: BaseError): Hex | undefined {
  let found: Hex | undefined
  error.walk((e) => {
    const candidate = (e as { data?: unknown }).data
    const data = typeof candidate === 'object' && candidate !== null ? (candidate as { data?: unknown }).data : candidate
    if (typeof data === 'string' && isHex(data) && data.length >= 10) found ??= data
    return false
  })
  return found
}

function decodeRevertData(data: Hex): ContractRevert {
  if (data === '0x' || data.length < 10) return { errorName: undefined, args: [], data }
  try {
    const decoded = decodeErrorResult({ abi: errorsAbi, data })
    return { errorName: decoded.errorName, args: decoded.args ?? [], data }
  } catch {
    // A selector no medchain contract declares (a foreign contract, or a newer ABI): keep the raw data.
    return { errorName: undefined, args: [], data }
  }
}

function errorInputs(errorName: string): readonly AbiParameter[] | undefined {
  if (errorName === 'Error') return [{ name: 'reason', type: 'string' }]
  if (errorName === 'Panic') return [{ name: 'code', type: 'uint256' }]
  const item = errorsAbi.find((entry) => entry.type === 'error' && entry.name === errorName)
  return item?.inputs
}

function formatValue(value: unknown, input: AbiParameter | undefined): string {
  const enumNames = input && 'internalType' in input && input.internalType ? ENUM_NAMES[input.internalType] : undefined
  if (enumNames && typeof value === 'number') return `${value} (${enumNames[value] ?? 'unknown'})`
  if (typeof value === 'string' && input?.type === 'string') return JSON.stringify(value)
  if (typeof value === 'string' && value.length > 140) return `${value.slice(0, 140)}…`
  return String(value)
}

/** The most specific message of a viem error chain, without viem's docs links and version footer. */
function rootMessage(error: BaseError): string {
  const details = error.details?.trim()
  return details && details !== error.shortMessage ? `${error.shortMessage} (${details})` : error.shortMessage
}
