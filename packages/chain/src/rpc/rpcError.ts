/** JSON-RPC error codes used by the node (EIP-1474, plus geth's conventions). */
export const RpcErrorCode = {
  parseError: -32700,
  invalidRequest: -32600,
  methodNotFound: -32601,
  invalidParams: -32602,
  internal: -32603,
  /** geth's generic code for a refused transaction (nonce too low, insufficient funds...). */
  transactionRejected: -32000,
  /** More results than the node answers at once. */
  limitExceeded: -32005,
  /** Execution reverted; `data` carries the revert payload. */
  executionReverted: 3,
} as const

/** An error answered to a JSON-RPC caller; never carries secrets or stack traces. */
export class RpcError extends Error {
  readonly code: number
  readonly data: string | undefined
  constructor(code: number, message: string, data?: string) {
    super(message)
    this.name = 'RpcError'
    this.code = code
    this.data = data
  }

  toJSON(): { code: number; message: string; data?: string } {
    return { code: this.code, message: this.message, ...(this.data === undefined ? {} : { data: this.data }) }
  }
}

export function invalidParams(message: string): RpcError {
  return new RpcError(RpcErrorCode.invalidParams, `invalid params: ${message}`)
}
