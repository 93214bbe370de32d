import type { Block } from '@ethereumjs/block'
import type { LogFilter } from '../node/chainReader.ts'
import type { EmbeddedNode } from '../node/embeddedNode.ts'
import { parseAddress, parseBlockTag, parseHash } from './parseParams.ts'
import { RpcError, RpcErrorCode, invalidParams } from './rpcError.ts'

/** The widest block range one eth_getLogs may scan. */
export const MAX_LOG_BLOCK_RANGE = 1_000_000n

/** Parses an eth_getLogs / eth_newFilter object into block bounds, addresses and topics. */
export async function parseLogFilter(node: EmbeddedNode, value: unknown): Promise<LogFilter> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalidParams('expected a filter object')
  const object = value as Record<string, unknown>
  const addresses = object.address == null ? undefined : (Array.isArray(object.address) ? object.address : [object.address]).map((a, i) => parseAddress(a, `address[${i}]`))
  if (object.topics != null && !Array.isArray(object.topics)) throw invalidParams('"topics" expected an array')
  const topicsIn = (object.topics ?? []) as unknown[]
  if (topicsIn.length > 4) throw invalidParams('"topics" has at most 4 positions')
  const topics = topicsIn.map((position, i) => {
    if (position === null) return null
    const alternatives = Array.isArray(position) ? position : [position]
    return alternatives.map((topic, j) => parseHash(topic, `topics[${i}][${j}]`))
  })
  let fromBlock: bigint
  let toBlock: bigint
  if (object.blockHash != null) {
    if (object.fromBlock != null || object.toBlock != null) throw invalidParams('"blockHash" excludes "fromBlock" and "toBlock"')
    const block = await node.reader.blockByHash(parseHash(object.blockHash, 'blockHash'))
    if (block === undefined) throw new RpcError(RpcErrorCode.invalidParams, 'unknown block')
    fromBlock = toBlock = block.header.number
  } else {
    fromBlock = await blockNumberOf(node, object.fromBlock, 'fromBlock', false)
    toBlock = await blockNumberOf(node, object.toBlock, 'toBlock', true)
    if (fromBlock > toBlock) throw invalidParams('"fromBlock" is after "toBlock"')
    if (toBlock - fromBlock >= MAX_LOG_BLOCK_RANGE) {
      throw new RpcError(RpcErrorCode.limitExceeded, `block range too wide: at most ${MAX_LOG_BLOCK_RANGE} blocks per query`)
    }
  }
  return { fromBlock, toBlock, addresses, topics }
}

/** A block number for a filter bound; the upper bound is capped at the head (later blocks have no logs yet). */
async function blockNumberOf(node: EmbeddedNode, value: unknown, name: string, capAtHead: boolean): Promise<bigint> {
  const tag = parseBlockTag(value, name)
  if (typeof tag === 'object') throw invalidParams(`"${name}" cannot be a block hash`)
  if (typeof tag === 'bigint') {
    const head = await node.reader.head()
    return capAtHead && tag > head.header.number ? head.header.number : tag
  }
  const block = (await node.reader.blockByTag(tag)) as Block
  return block.header.number
}
