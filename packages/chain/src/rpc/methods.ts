import type { Block } from '@ethereumjs/block'
import { Address, bigIntToHex, bytesToHex, intToHex, setLengthLeft } from '@ethereumjs/util'
import { ExecutionFailedError } from '../node/callExecutor.ts'
import { TooManyLogsError } from '../node/chainReader.ts'
import type { EmbeddedNode } from '../node/embeddedNode.ts'
import { recoverSealer } from '../node/authoritySeal.ts'
import { TxPoolError } from '../node/txPool.ts'
import { FilterRegistry } from './filters.ts'
import { formatBlock, formatLog, formatReceipt, formatTransaction } from './formatters.ts'
import { parseLogFilter } from './logFilterParams.ts'
import { paramsOf, parseAddress, parseBlockTag, parseCallRequest, parseData, parseHash, parseQuantity } from './parseParams.ts'
import { RpcError, RpcErrorCode, invalidParams } from './rpcError.ts'

type Handler = (node: EmbeddedNode, params: unknown) => Promise<unknown>

export const CLIENT_VERSION = 'medchain/0.1.0/embedded'

const filters = new WeakMap<EmbeddedNode, FilterRegistry>()
function filtersOf(node: EmbeddedNode): FilterRegistry {
  let registry = filters.get(node)
  if (registry === undefined) filters.set(node, (registry = new FilterRegistry()))
  return registry
}

async function blockAt(node: EmbeddedNode, value: unknown): Promise<Block> {
  const tag = parseBlockTag(value)
  const block = typeof tag === 'object' && 'hash' in tag ? await node.reader.blockByHash(tag.hash) : await node.reader.blockByTag(tag)
  if (block === undefined) throw new RpcError(RpcErrorCode.invalidParams, 'header not found')
  return block
}

function executionError(error: unknown): never {
  if (error instanceof ExecutionFailedError) {
    if (error.reverted) throw new RpcError(RpcErrorCode.executionReverted, revertMessage(error.data), bytesToHex(error.data))
    throw new RpcError(RpcErrorCode.transactionRejected, error.message)
  }
  throw error
}

/** "execution reverted" plus the reason string when the revert carries Error(string). */
function revertMessage(data: Uint8Array): string {
  if (data.length >= 68 && bytesToHex(data.subarray(0, 4)) === '0x08c379a0') {
    const length = Number(BigInt(bytesToHex(data.subarray(36, 68))))
    const reason = new TextDecoder().decode(data.subarray(68, 68 + Math.min(length, 256)))
    return `execution reverted: ${reason}`
  }
  return 'execution reverted'
}

/** The JSON-RPC methods the node answers, by name. */
export const methods: Record<string, Handler> = {
  web3_clientVersion: async (_node, params) => (paramsOf(params, 0, 0), CLIENT_VERSION),
  net_version: async (node, params) => (paramsOf(params, 0, 0), String(node.chainId)),
  net_listening: async () => true,
  net_peerCount: async () => '0x0',
  eth_chainId: async (node, params) => (paramsOf(params, 0, 0), intToHex(node.chainId)),
  eth_syncing: async () => false,
  eth_accounts: async () => [],
  eth_coinbase: async (node) => node.authority,
  eth_blockNumber: async (node, params) => (paramsOf(params, 0, 0), bigIntToHex((await node.reader.head()).header.number)),
  eth_gasPrice: async () => '0x0',
  eth_maxPriorityFeePerGas: async () => '0x0',
  eth_feeHistory: async (node, params) => {
    const [count, newest, percentiles] = paramsOf(params, 2, 3)
    const blockCount = typeof count === 'number' ? BigInt(count) : parseQuantity(count, 'blockCount')
    if (blockCount < 1n || blockCount > 1024n) throw invalidParams('"blockCount" expected 1 to 1024')
    const newestBlock = (await blockAt(node, newest)).header.number
    const oldest = newestBlock + 1n > blockCount ? newestBlock + 1n - blockCount : 0n
    const gasUsedRatio: number[] = []
    for (let n = oldest; n <= newestBlock; n++) {
      const { header } = (await node.reader.blockByTag(n))!
      gasUsedRatio.push(Number(header.gasUsed) / Number(header.gasLimit))
    }
    const rewardCount = Array.isArray(percentiles) ? percentiles.length : 0
    return {
      oldestBlock: bigIntToHex(oldest),
      baseFeePerGas: new Array(gasUsedRatio.length + 1).fill('0x0'),
      gasUsedRatio,
      baseFeePerBlobGas: new Array(gasUsedRatio.length + 1).fill('0x1'),
      blobGasUsedRatio: new Array(gasUsedRatio.length).fill(0),
      ...(Array.isArray(percentiles) ? { reward: gasUsedRatio.map(() => new Array(rewardCount).fill('0x0')) } : {}),
    }
  },
  eth_getBalance: async (node, params) => {
    const [address, tag] = paramsOf(params, 1, 2)
    const account = await node.calls.readState(await blockAt(node, tag), (s) => s.getAccount(new Address(parseAddress(address, 'address'))))
    return bigIntToHex(account?.balance ?? 0n)
  },
  eth_getTransactionCount: async (node, params) => {
    const [address, tag] = paramsOf(params, 1, 2)
    const bytes = parseAddress(address, 'address')
    if (tag === 'pending') return bigIntToHex(await node.pendingNonce(bytesToHex(bytes)))
    const account = await node.calls.readState(await blockAt(node, tag), (s) => s.getAccount(new Address(bytes)))
    return bigIntToHex(account?.nonce ?? 0n)
  },
  eth_getCode: async (node, params) => {
    const [address, tag] = paramsOf(params, 1, 2)
    return bytesToHex(await node.calls.readState(await blockAt(node, tag), (s) => s.getCode(new Address(parseAddress(address, 'address')))))
  },
  eth_getStorageAt: async (node, params) => {
    const [address, slot, tag] = paramsOf(params, 2, 3)
    const key = setLengthLeft(typeof slot === 'string' && slot.length === 66 ? parseHash(slot, 'slot') : bigIntToBytes32(parseQuantity(slot, 'slot')), 32)
    const value = await node.calls.readState(await blockAt(node, tag), (s) => s.getStorage(new Address(parseAddress(address, 'address')), key))
    return bytesToHex(setLengthLeft(value, 32))
  },
  eth_call: async (node, params) => {
    const [request, tag] = paramsOf(params, 1, 3)
    const outcome = await node.calls.call(await blockAt(node, tag), parseCallRequest(request))
    if (!outcome.success) executionError(new ExecutionFailedError(outcome))
    return bytesToHex(outcome.returnValue)
  },
  eth_estimateGas: async (node, params) => {
    const [request, tag] = paramsOf(params, 1, 3)
    try {
      return bigIntToHex(await node.calls.estimateGas(await blockAt(node, tag), parseCallRequest(request)))
    } catch (error) {
      executionError(error)
    }
  },
  eth_sendRawTransaction: async (node, params) => {
    const [raw] = paramsOf(params, 1, 1)
    const serialized = parseData(raw, 'transaction')
    if (serialized.length > 128 * 1024) throw new RpcError(RpcErrorCode.transactionRejected, 'oversized data: transaction exceeds 128 KiB')
    try {
      return (await node.submit(serialized)).hash
    } catch (error) {
      if (error instanceof TxPoolError) throw new RpcError(RpcErrorCode.transactionRejected, error.message)
      throw error
    }
  },
  eth_getTransactionByHash: async (node, params) => {
    const [hash] = paramsOf(params, 1, 1)
    const location = await node.reader.txLocation(parseHash(hash, 'hash'))
    // The index is written with the block; until the block is the head, the transaction is not yet visible.
    const block = location === undefined ? undefined : await node.reader.blockByTag(location.blockNumber)
    if (location === undefined || block === undefined) return null
    return formatTransaction(block.transactions[location.index]!, block, location.index)
  },
  eth_getTransactionReceipt: async (node, params) => {
    const [hash] = paramsOf(params, 1, 1)
    const location = await node.reader.txLocation(parseHash(hash, 'hash'))
    const block = location === undefined ? undefined : await node.reader.blockByTag(location.blockNumber)
    if (location === undefined || block === undefined) return null
    return formatReceipt(block, location.index, await node.reader.receipts(location.blockNumber))
  },
  eth_getBlockReceipts: async (node, params) => {
    const [tag] = paramsOf(params, 1, 1)
    const block = await blockAt(node, tag)
    const receipts = await node.reader.receipts(block.header.number)
    return block.transactions.map((_, i) => formatReceipt(block, i, receipts))
  },
  eth_getBlockByNumber: async (node, params) => {
    const [tag, full] = paramsOf(params, 1, 2)
    const parsed = parseBlockTag(tag)
    if (typeof parsed === 'object') throw invalidParams('expected a block number or tag')
    const block = await node.reader.blockByTag(parsed)
    return block === undefined ? null : formatBlock(block, full === true)
  },
  eth_getBlockByHash: async (node, params) => {
    const [hash, full] = paramsOf(params, 1, 2)
    const block = await node.reader.blockByHash(parseHash(hash, 'hash'))
    return block === undefined ? null : formatBlock(block, full === true)
  },
  eth_getBlockTransactionCountByNumber: async (node, params) => {
    const [tag] = paramsOf(params, 1, 1)
    return intToHex((await blockAt(node, tag)).transactions.length)
  },
  eth_getLogs: async (node, params) => {
    const [filter] = paramsOf(params, 1, 1)
    try {
      return (await node.reader.logs(await parseLogFilter(node, filter))).map(formatLog)
    } catch (error) {
      if (error instanceof TooManyLogsError) throw new RpcError(RpcErrorCode.limitExceeded, error.message)
      throw error
    }
  },
  eth_newFilter: async (node, params) => filtersOf(node).addLogFilter(node, await parseLogFilter(node, paramsOf(params, 1, 1)[0])),
  eth_newBlockFilter: async (node, params) => (paramsOf(params, 0, 0), filtersOf(node).addBlockFilter(node)),
  eth_getFilterChanges: async (node, params) => filtersOf(node).changes(node, String(paramsOf(params, 1, 1)[0])),
  eth_getFilterLogs: async (node, params) => filtersOf(node).logs(node, String(paramsOf(params, 1, 1)[0])),
  eth_uninstallFilter: async (node, params) => filtersOf(node).remove(String(paramsOf(params, 1, 1)[0])),
  evm_increaseTime: async (node, params) => {
    const [seconds] = paramsOf(params, 1, 1)
    const value = typeof seconds === 'number' ? seconds : Number(parseQuantity(seconds, 'seconds'))
    try {
      return node.increaseTime(value)
    } catch (error) {
      throw new RpcError(RpcErrorCode.invalidParams, (error as Error).message)
    }
  },
  evm_mine: async (node) => {
    try {
      return bigIntToHex(await node.mine())
    } catch (error) {
      throw new RpcError(RpcErrorCode.invalidParams, (error as Error).message)
    }
  },
  medchain_getBlockSeal: async (node, params) => {
    const [tag] = paramsOf(params, 1, 1)
    const block = await blockAt(node, tag)
    const seal = await node.reader.seal(block.header.number)
    if (seal === undefined) return null
    return { blockHash: bytesToHex(block.hash()), seal: bytesToHex(seal), signer: bytesToHex(recoverSealer(block.hash(), seal)) }
  },
}

/** Methods a wallet might try that an embedded node deliberately does not serve, and why. */
export const refusedMethods: Record<string, string> = {
  eth_sendTransaction: 'the node holds no user keys: sign locally and use eth_sendRawTransaction',
  eth_sign: 'the node holds no user keys: sign locally',
  eth_signTransaction: 'the node holds no user keys: sign locally',
  eth_subscribe: 'subscriptions need a WebSocket: poll eth_getFilterChanges or eth_getLogs',
  eth_mining: 'blocks are sealed by one authority, not mined',
}

function bigIntToBytes32(value: bigint): Uint8Array {
  const out = new Uint8Array(32)
  let rest = value
  for (let i = 31; i >= 0 && rest > 0n; i--) {
    out[i] = Number(rest & 0xffn)
    rest >>= 8n
  }
  return out
}
