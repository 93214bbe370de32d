import { createBlock, genTransactionsTrieRoot, type Block } from '@ethereumjs/block'
import type { Common } from '@ethereumjs/common'
import { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { RLP } from '@ethereumjs/rlp'
import type { TypedTransaction } from '@ethereumjs/tx'
import { KECCAK256_RLP, bytesToHex, hexToBytes } from '@ethereumjs/util'
import { Bloom, encodeReceipt, runTx, type RunTxResult } from '@ethereumjs/vm'
import { keccak256 } from './fastKeccak.ts'
import { appendCanonicalBlock } from './appendCanonicalBlock.ts'
import { sealBlockHash } from './authoritySeal.ts'
import type { ChainState } from './chainState.ts'
import { Namespace } from './stagedStore.ts'
import { blockNumberKey, encodeBlockReceipts, encodeTxLocation, type StoredReceipt } from './storedReceipt.ts'

export interface SealOptions {
  /** Transactions in the order they should run; each has its sender already recovered. */
  txs: TypedTransaction[]
  /** Block time, unix seconds; raised to the parent's if the clock is behind it. */
  timestamp: bigint
  authorityKey: Uint8Array
  /** fsync the block before acknowledging it. */
  sync: boolean
}

export interface SealResult {
  block: Block
  /** Included transactions by hash, with their position in the block. */
  included: Map<string, number>
  /** Transactions the block could not take (invalid against the current state), with the reason. */
  rejected: Map<string, Error>
  /** Transactions that did not fit the block's gas limit: still valid, for a later block. */
  deferred: TypedTransaction[]
}

/**
 * Executes `txs` on the head state and commits the resulting block, its state, receipts, indexes
 * and seal in one atomic write. Each transaction runs against a header-only block, and the tries
 * are computed once at the end, so building is linear in the number of transactions (BlockBuilder
 * re-creates the block from every earlier transaction on each add, which is quadratic).
 * The caller must hold `state.lock`.
 */
export async function sealBlock(state: ChainState, options: SealOptions): Promise<SealResult> {
  const { common, blockchain, store, vm, stateManager } = state
  const parent = state.blocks.head
  const parentHash = parent.hash()
  const headerBase = {
    parentHash,
    number: parent.header.number + 1n,
    timestamp: options.timestamp > parent.header.timestamp ? options.timestamp : parent.header.timestamp,
    gasLimit: parent.header.gasLimit,
    coinbase: hexToBytes(state.genesis.authority),
    difficulty: 0n,
    baseFeePerGas: 0n,
    mixHash: keccak256(parentHash),
    withdrawalsRoot: KECCAK256_RLP,
    blobGasUsed: 0n,
    excessBlobGas: 0n,
    parentBeaconBlockRoot: new Uint8Array(32),
  }
  const executionBlock = createBlock({ header: headerBase }, { common, setHardfork: false })
  const included: TypedTransaction[] = []
  const results: RunTxResult[] = []
  const rejected = new Map<string, Error>()
  const deferred: TypedTransaction[] = []
  let gasUsed = 0n
  try {
    for (const tx of options.txs) {
      if (gasUsed + tx.gasLimit > headerBase.gasLimit) {
        deferred.push(tx)
        continue
      }
      let result: RunTxResult
      try {
        result = await runTx(vm, { tx, block: executionBlock, blockGasUsed: gasUsed, skipHardForkValidation: true })
      } catch (error) {
        rejected.set(bytesToHex(tx.hash()), error instanceof Error ? error : new Error(String(error)))
        continue
      }
      gasUsed += result.totalGasSpent
      included.push(tx)
      results.push(result)
    }
    const stateRoot = await stateManager.getStateRoot()
    const bloom = new Bloom(undefined, common)
    for (const result of results) bloom.or(result.bloom)
    const block = createBlock(
      {
        header: {
          ...headerBase,
          stateRoot,
          gasUsed,
          logsBloom: bloom.bitvector,
          transactionsTrie: await genTransactionsTrieRoot(included, new MerklePatriciaTrie({ common })),
          receiptTrie: await receiptTrieRoot(common, included, results),
        },
        transactions: included,
      },
      { common, setHardfork: false },
    )
    await appendCanonicalBlock(blockchain, block)
    stageIndexes(state, block, included, results, bloom)
    store.put(Namespace.seal, blockNumberKey(block.header.number), sealBlockHash(block.hash(), options.authorityKey))
    await store.commit(options.sync)
    state.blocks.setHead(block)
    return { block, included: new Map(included.map((tx, i) => [bytesToHex(tx.hash()), i])), rejected, deferred }
  } catch (error) {
    // Nothing of this block reached the disk; put the in-memory state back on the parent.
    store.discard()
    await stateManager.setStateRoot(parent.header.stateRoot)
    throw error
  }
}

async function receiptTrieRoot(common: Common, txs: TypedTransaction[], results: RunTxResult[]): Promise<Uint8Array> {
  if (txs.length === 0) return KECCAK256_RLP
  const trie = new MerklePatriciaTrie({ common })
  for (const [i, result] of results.entries()) await trie.put(RLP.encode(i), encodeReceipt(result.receipt, txs[i]!.type))
  return trie.root()
}

function stageIndexes(state: ChainState, block: Block, txs: TypedTransaction[], results: RunTxResult[], bloom: Bloom): void {
  const numberKey = blockNumberKey(block.header.number)
  const receipts: StoredReceipt[] = results.map((result, i) => {
    const tx = txs[i]!
    return {
      status: result.execResult.exceptionError === undefined ? 1 : 0,
      cumulativeGasUsed: result.receipt.cumulativeBlockGasUsed,
      gasUsed: result.totalGasSpent,
      from: tx.getSenderAddress().bytes,
      contractAddress: result.createdAddress?.bytes,
      effectiveGasPrice: effectiveGasPrice(tx, block.header.baseFeePerGas ?? 0n),
      logs: result.receipt.logs.map(([address, topics, data]) => ({ address, topics, data })),
    }
  })
  state.store.put(Namespace.receipts, numberKey, encodeBlockReceipts(receipts))
  const emitters = new Set<string>()
  for (const [i, tx] of txs.entries()) {
    state.store.put(Namespace.txIndex, tx.hash(), encodeTxLocation(block.header.number, i))
    for (const log of receipts[i]!.logs) emitters.add(bytesToHex(log.address))
  }
  if (emitters.size > 0) state.store.put(Namespace.logBloom, numberKey, bloom.bitvector)
  for (const emitter of emitters) {
    const key = new Uint8Array(28)
    key.set(hexToBytes(emitter as `0x${string}`), 0)
    key.set(numberKey, 20)
    state.store.put(Namespace.logAddress, key, new Uint8Array(0))
  }
}

/** What the sender paid per gas: with base fee b, min(maxFee, b + tip) for EIP-1559, gasPrice otherwise. */
export function effectiveGasPrice(tx: TypedTransaction, baseFee: bigint): bigint {
  if ('maxFeePerGas' in tx) {
    const capped = baseFee + tx.maxPriorityFeePerGas
    return capped < tx.maxFeePerGas ? capped : tx.maxFeePerGas
  }
  return tx.gasPrice
}
