import type { EmbeddedNode } from '../node/embeddedNode.ts'
import { methods, refusedMethods } from './methods.ts'
import { RpcError, RpcErrorCode } from './rpcError.ts'

type Id = string | number | null
export interface JsonRpcResponse {
  jsonrpc: '2.0'
  id: Id
  result?: unknown
  error?: { code: number; message: string; data?: string }
}

/** Most requests one JSON-RPC batch may hold. */
export const MAX_BATCH = 1000

/** Runs one method; every failure becomes an RpcError with a clear message and no internals. */
export async function callMethod(node: EmbeddedNode, method: unknown, params: unknown): Promise<unknown> {
  if (typeof method !== 'string') throw new RpcError(RpcErrorCode.invalidRequest, 'invalid request: "method" expected a string')
  if (Object.hasOwn(refusedMethods, method)) throw new RpcError(RpcErrorCode.methodNotFound, `${method} is not supported: ${refusedMethods[method]}`)
  if (!Object.hasOwn(methods, method)) throw new RpcError(RpcErrorCode.methodNotFound, `the method ${method.slice(0, 64)} does not exist/is not available`)
  try {
    return await methods[method]!(node, params)
  } catch (error) {
    if (error instanceof RpcError) throw error
    throw new RpcError(RpcErrorCode.internal, `internal error in ${method}`)
  }
}

/** Answers one parsed JSON-RPC request object (or a batch of them). */
export async function dispatch(node: EmbeddedNode, request: unknown): Promise<JsonRpcResponse | JsonRpcResponse[] | undefined> {
  if (Array.isArray(request)) {
    if (request.length === 0) return errorResponse(null, new RpcError(RpcErrorCode.invalidRequest, 'invalid request: empty batch'))
    if (request.length > MAX_BATCH) return errorResponse(null, new RpcError(RpcErrorCode.limitExceeded, `batch too large: at most ${MAX_BATCH} requests`))
    const responses = await Promise.all(request.map((item) => dispatchOne(node, item)))
    return responses.filter((response): response is JsonRpcResponse => response !== undefined)
  }
  return dispatchOne(node, request)
}

async function dispatchOne(node: EmbeddedNode, request: unknown): Promise<JsonRpcResponse | undefined> {
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return errorResponse(null, new RpcError(RpcErrorCode.invalidRequest, 'invalid request: expected an object'))
  }
  const { jsonrpc, id, method, params } = request as Record<string, unknown>
  const validId = typeof id === 'string' || typeof id === 'number' || id === null ? (id as Id) : null
  if (jsonrpc !== '2.0') return errorResponse(validId, new RpcError(RpcErrorCode.invalidRequest, 'invalid request: "jsonrpc" must be "2.0"'))
  if (id !== undefined && validId === null && id !== null) {
    return errorResponse(null, new RpcError(RpcErrorCode.invalidRequest, 'invalid request: "id" must be a string, number or null'))
  }
  try {
    const result = await callMethod(node, method, params)
    return id === undefined ? undefined : { jsonrpc: '2.0', id: validId, result }
  } catch (error) {
    return id === undefined ? undefined : errorResponse(validId, error as RpcError)
  }
}

function errorResponse(id: Id, error: RpcError): JsonRpcResponse {
  return { jsonrpc: '2.0', id, error: error.toJSON() }
}
