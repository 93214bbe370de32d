import type { Block } from '@ethereumjs/block'
import { Bloom } from '@ethereumjs/vm'
import { equalsBytes } from '@ethereumjs/util'
import type { ChainState } from './chainState.ts'
import { Namespace } from './stagedStore.ts'
import {
  blockNumberKey,
  decodeBlockReceipts,
  decodeTxLocation,
  readBlockNumberKey,
  type StoredLog,
  type StoredReceipt,
} from './storedReceipt.ts'

/** A block reference as JSON-RPC clients give it. */
export type BlockTag = 'latest' | 'earliest' | 'pending' | 'safe' | 'finalized' | bigint

/** eth_getLogs criteria, parsed. Each topic position is null (any) or a list of alternatives. */
export interface LogFilter {
  fromBlock: bigint
  toBlock: bigint
  addresses: Uint8Array[] | undefined
  topics: (Uint8Array[] | null)[]
}

export interface FoundLog extends StoredLog {
  blockNumber: bigint
  blockHash: Uint8Array
  transactionHash: Uint8Array
  transactionIndex: number
  logIndex: number
}

/** The most logs one eth_getLogs answers, as Infura and Alchemy do. */
export const MAX_LOGS_PER_QUERY = 10_000

export class TooManyLogsError extends Error {
  constructor() {
    super(`query returned more than ${MAX_LOGS_PER_QUERY} results; narrow the block range`)
  }
}

/** Read-only queries over committed blocks, receipts and indexes. */
export class ChainReader {
  readonly #state: ChainState
  constructor(state: ChainState) {
    this.#state = state
  }

  async head(): Promise<Block> {
    return this.#state.blocks.head
  }

  /** The block a tag names, or undefined past the head. Every finality tag means the head: one authority seals final blocks. */
  async blockByTag(tag: BlockTag): Promise<Block | undefined> {
    if (typeof tag === 'bigint') {
      const head = await this.head()
      if (tag > head.header.number) return undefined
      return this.#state.blocks.byNumber(tag) ?? this.#remember(await this.#state.blockchain.getBlock(tag))
    }
    if (tag === 'earliest') return this.blockByTag(0n)
    return this.head()
  }

  async blockByHash(hash: Uint8Array): Promise<Block | undefined> {
    const cached = this.#state.blocks.byHash(hash)
    if (cached !== undefined) return cached
    try {
      const block = await this.#state.blockchain.getBlock(hash)
      const canonical = await this.blockByTag(block.header.number)
      return canonical !== undefined && equalsBytes(canonical.hash(), hash) ? block : undefined
    } catch {
      return undefined
    }
  }

  #remember(block: Block): Block {
    this.#state.blocks.add(block)
    return block
  }

  async receipts(blockNumber: bigint): Promise<StoredReceipt[]> {
    const raw = await this.#state.store.getCommitted(Namespace.receipts, blockNumberKey(blockNumber))
    return raw === undefined ? [] : decodeBlockReceipts(raw)
  }

  async txLocation(hash: Uint8Array): Promise<{ blockNumber: bigint; index: number } | undefined> {
    const raw = await this.#state.store.getCommitted(Namespace.txIndex, hash)
    return raw === undefined ? undefined : decodeTxLocation(raw)
  }

  seal(blockNumber: bigint): Promise<Uint8Array | undefined> {
    return this.#state.store.getCommitted(Namespace.seal, blockNumberKey(blockNumber))
  }

  /** Logs matching `filter`, using the per-emitter index when addresses are given, block blooms otherwise. */
  async logs(filter: LogFilter): Promise<FoundLog[]> {
    const candidates = await this.#candidateBlocks(filter)
    const found: FoundLog[] = []
    for (const blockNumber of candidates) {
      const block = (await this.blockByTag(blockNumber))!
      const receipts = await this.receipts(blockNumber)
      let logIndex = 0
      for (const [txIndex, receipt] of receipts.entries()) {
        for (const log of receipt.logs) {
          if (matches(log, filter)) {
            found.push({
              ...log,
              blockNumber,
              blockHash: block.hash(),
              transactionHash: block.transactions[txIndex]!.hash(),
              transactionIndex: txIndex,
              logIndex,
            })
            if (found.length > MAX_LOGS_PER_QUERY) throw new TooManyLogsError()
          }
          logIndex++
        }
      }
    }
    return found
  }

  async #candidateBlocks(filter: LogFilter): Promise<bigint[]> {
    const { store } = this.#state
    const from = blockNumberKey(filter.fromBlock)
    const to = blockNumberKey(filter.toBlock)
    if (filter.addresses !== undefined) {
      const numbers = new Set<bigint>()
      for (const address of filter.addresses) {
        const keys = await store.keys(Namespace.logAddress, concat(address, from), concat(address, to), Number.MAX_SAFE_INTEGER)
        for (const key of keys) numbers.add(readBlockNumberKey(key, 20))
      }
      return [...numbers].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
    }
    const keys = await store.keys(Namespace.logBloom, from, to, Number.MAX_SAFE_INTEGER)
    const out: bigint[] = []
    for (const key of keys) {
      const blockNumber = readBlockNumberKey(key)
      const bits = await store.getCommitted(Namespace.logBloom, key)
      if (bits === undefined || bloomMayMatch(new Bloom(bits), filter)) out.push(blockNumber)
    }
    return out
  }
}

function bloomMayMatch(bloom: Bloom, filter: LogFilter): boolean {
  return filter.topics.every((alternatives) => alternatives === null || alternatives.some((topic) => bloom.check(topic)))
}

function matches(log: StoredLog, filter: LogFilter): boolean {
  if (filter.addresses !== undefined && !filter.addresses.some((address) => equalsBytes(address, log.address))) return false
  return filter.topics.every((alternatives, position) => {
    if (alternatives === null) return true
    const topic = log.topics[position]
    return topic !== undefined && alternatives.some((wanted) => equalsBytes(wanted, topic))
  })
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length)
  out.set(a, 0)
  out.set(b, a.length)
  return out
}

