import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { EmbeddedNode } from '../node/embeddedNode.ts'
import { dispatch } from './dispatch.ts'
import { RpcError, RpcErrorCode } from './rpcError.ts'

/** Largest JSON-RPC request body accepted (a batch of 1000 calls fits; a 128 KiB transaction too). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024

export interface RpcHttpServerOptions {
  host?: string
  /** 0 picks a free port. */
  port?: number
  /** Value of Access-Control-Allow-Origin, so browser wallets and dapps can call the node. */
  corsOrigin?: string
}

export interface RpcHttpServer {
  url: string
  close(): Promise<void>
}

/** Serves the node's JSON-RPC over HTTP POST (single requests and batches). */
export async function startRpcHttpServer(node: EmbeddedNode, options: RpcHttpServerOptions = {}): Promise<RpcHttpServer> {
  const cors = options.corsOrigin ?? '*'
  const server: Server = createServer((req, res) => void handle(node, req, res, cors))
  server.keepAliveTimeout = 60_000
  server.requestTimeout = 120_000
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 8545, options.host ?? '127.0.0.1', () => resolve())
  })
  const { address, port } = server.address() as AddressInfo
  const host = address.includes(':') ? `[${address}]` : address
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve())
        server.closeAllConnections()
      }),
  }
}

async function handle(node: EmbeddedNode, req: IncomingMessage, res: ServerResponse, cors: string): Promise<void> {
  res.setHeader('access-control-allow-origin', cors)
  res.setHeader('access-control-allow-headers', 'content-type')
  res.setHeader('access-control-allow-methods', 'POST, OPTIONS')
  if (req.method === 'OPTIONS') return void res.writeHead(204).end()
  if (req.method !== 'POST') {
    return send(res, 405, { jsonrpc: '2.0', id: null, error: new RpcError(RpcErrorCode.invalidRequest, 'use POST with a JSON-RPC body').toJSON() })
  }
  let body: string
  try {
    body = await readBody(req)
  } catch (error) {
    return send(res, 413, { jsonrpc: '2.0', id: null, error: new RpcError(RpcErrorCode.limitExceeded, (error as Error).message).toJSON() })
  }
  let parsed: unknown
  try {
    parsed = JSON.parse(body)
  } catch {
    return send(res, 200, { jsonrpc: '2.0', id: null, error: new RpcError(RpcErrorCode.parseError, 'parse error: the body is not valid JSON').toJSON() })
  }
  const response = await dispatch(node, parsed)
  if (response === undefined || (Array.isArray(response) && response.length === 0)) return void res.writeHead(204).end()
  send(res, 200, response)
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0)
    if (declared > MAX_BODY_BYTES) {
      req.resume()
      return reject(new Error(`request body too large: at most ${MAX_BODY_BYTES} bytes`))
    }
    const chunks: Buffer[] = []
    let size = 0
    req.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY_BYTES) {
        req.removeAllListeners('data')
        req.resume()
        reject(new Error(`request body too large: at most ${MAX_BODY_BYTES} bytes`))
      } else chunks.push(chunk)
    })
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    req.on('error', reject)
  })
}

function send(res: ServerResponse, status: number, payload: unknown): void {
  const text = JSON.stringify(payload)
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) })
  res.end(text)
}
