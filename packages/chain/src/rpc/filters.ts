import { randomBytes } from 'node:crypto'
import { bytesToHex } from '@ethereumjs/util'
import type { LogFilter } from '../node/chainReader.ts'
import type { EmbeddedNode } from '../node/embeddedNode.ts'
import { formatLog } from './formatters.ts'
import { RpcError, RpcErrorCode } from './rpcError.ts'

/** Filters unpolled this long are dropped, as geth does. */
const FILTER_TTL_MS = 5 * 60_000
const MAX_FILTERS = 1000

type Filter =
  | { kind: 'logs'; criteria: LogFilter; nextBlock: bigint; lastPolled: number }
  | { kind: 'blocks'; nextBlock: bigint; lastPolled: number }

/** eth_newFilter / eth_newBlockFilter / eth_getFilterChanges, for clients (ethers) that subscribe by polling filters. */
export class FilterRegistry {
  readonly #filters = new Map<string, Filter>()

  async addLogFilter(node: EmbeddedNode, criteria: LogFilter): Promise<string> {
    const head = (await node.reader.head()).header.number
    return this.#add({ kind: 'logs', criteria, nextBlock: head + 1n, lastPolled: Date.now() })
  }

  async addBlockFilter(node: EmbeddedNode): Promise<string> {
    const head = (await node.reader.head()).header.number
    return this.#add({ kind: 'blocks', nextBlock: head + 1n, lastPolled: Date.now() })
  }

  /** What happened since the last poll: new logs, or new block hashes. */
  async changes(node: EmbeddedNode, id: string): Promise<unknown[]> {
    const filter = this.#get(id)
    const head = (await node.reader.head()).header.number
    if (filter.nextBlock > head) return []
    const from = filter.nextBlock
    filter.nextBlock = head + 1n
    if (filter.kind === 'blocks') {
      const hashes: string[] = []
      for (let n = from; n <= head; n++) hashes.push(bytesToHex((await node.reader.blockByTag(n))!.hash()))
      return hashes
    }
    const toBlock = filter.criteria.toBlock < head ? filter.criteria.toBlock : head
    const fromBlock = filter.criteria.fromBlock > from ? filter.criteria.fromBlock : from
    if (fromBlock > toBlock) return []
    return (await node.reader.logs({ ...filter.criteria, fromBlock, toBlock })).map(formatLog)
  }

  /** Every log the filter matches (eth_getFilterLogs). */
  async logs(node: EmbeddedNode, id: string): Promise<unknown[]> {
    const filter = this.#get(id)
    if (filter.kind !== 'logs') throw new RpcError(RpcErrorCode.invalidParams, 'filter is not a log filter')
    const head = (await node.reader.head()).header.number
    const toBlock = filter.criteria.toBlock < head ? filter.criteria.toBlock : head
    return (await node.reader.logs({ ...filter.criteria, toBlock })).map(formatLog)
  }

  remove(id: string): boolean {
    return this.#filters.delete(id)
  }

  #add(filter: Filter): string {
    this.#expire()
    if (this.#filters.size >= MAX_FILTERS) throw new RpcError(RpcErrorCode.limitExceeded, `too many filters (at most ${MAX_FILTERS})`)
    const id = `0x${randomBytes(16).toString('hex')}`
    this.#filters.set(id, filter)
    return id
  }

  #get(id: string): Filter {
    this.#expire()
    const filter = this.#filters.get(String(id))
    if (filter === undefined) throw new RpcError(RpcErrorCode.invalidParams, 'filter not found')
    filter.lastPolled = Date.now()
    return filter
  }

  #expire(): void {
    const cutoff = Date.now() - FILTER_TTL_MS
    for (const [id, filter] of this.#filters) if (filter.lastPolled < cutoff) this.#filters.delete(id)
  }
}
