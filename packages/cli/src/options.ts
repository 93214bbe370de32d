// Flags, environment variables and defaults, resolved in one place: a flag wins over its
// environment variable, which wins over the default.
import { isAbsolute, join, resolve } from 'node:path'
import { getAddress, isAddress, type Address } from 'viem'
import { usageError } from './errors.ts'
import type { CliIo } from './io.ts'

export const DEFAULT_DATA_DIR = '.medchain'
export const DEFAULT_RPC_HOST = '127.0.0.1'
export const DEFAULT_RPC_PORT = 8545
export const DEFAULT_RPC_URL = `http://${DEFAULT_RPC_HOST}:${DEFAULT_RPC_PORT}`

/** The data directory, absolute: `--data-dir`, else MEDCHAIN_DATA_DIR, else `./.medchain`. */
export function resolveDataDir(io: CliIo, flag: string | undefined): string {
  return absolute(io, flag ?? nonEmpty(io.env.MEDCHAIN_DATA_DIR) ?? DEFAULT_DATA_DIR)
}

/** `<data-dir>/keys`. */
export function keysDir(dataDir: string): string {
  return join(dataDir, 'keys')
}

/** `path` made absolute against the run's working directory. */
export function absolute(io: CliIo, path: string): string {
  return isAbsolute(path) ? path : resolve(io.cwd ?? process.cwd(), path)
}

/** The JSON-RPC URL for commands that talk to a running node. */
export function resolveRpcUrl(io: CliIo, flag: string | undefined): string {
  const url = flag ?? nonEmpty(io.env.MEDCHAIN_RPC_URL) ?? DEFAULT_RPC_URL
  if (!/^https?:\/\/\S+$/.test(url)) throw usageError(`--rpc-url (or MEDCHAIN_RPC_URL) expected an http(s) URL, got ${JSON.stringify(url)}`)
  return url
}

/** `up`'s listening host and port. */
export function resolveListen(io: CliIo, flags: { host?: string | undefined; port?: string | undefined }): { host: string; port: number } {
  const host = flags.host ?? nonEmpty(io.env.MEDCHAIN_RPC_HOST) ?? DEFAULT_RPC_HOST
  const portText = flags.port ?? nonEmpty(io.env.MEDCHAIN_RPC_PORT) ?? String(DEFAULT_RPC_PORT)
  return { host, port: parsePort(portText) }
}

export function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN
  if (!(port >= 0 && port <= 65535)) throw usageError(`port expected an integer from 0 to 65535, got ${JSON.stringify(text)}`)
  return port
}

export function parseAddress(what: string, text: string): Address {
  if (!isAddress(text, { strict: false })) throw usageError(`${what} expected an address (0x + 40 hex digits), got ${JSON.stringify(text)}`)
  return getAddress(text)
}

export function parseProposalId(text: string): bigint {
  if (!/^[1-9]\d{0,30}$/.test(text)) throw usageError(`proposal id expected a positive integer, got ${JSON.stringify(text)}`)
  return BigInt(text)
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value
}
