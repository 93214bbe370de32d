import type { Block } from '@ethereumjs/block'
import type { TypedTransaction } from '@ethereumjs/tx'
import { bigIntToHex, bytesToHex, intToHex } from '@ethereumjs/util'
import { Bloom } from '@ethereumjs/vm'
import { effectiveGasPrice } from '../node/blockSealer.ts'
import type { FoundLog } from '../node/chainReader.ts'
import type { StoredReceipt } from '../node/storedReceipt.ts'

type Json = Record<string, unknown>

/** A block as eth_getBlockBy* answer it; `full` gives transaction objects instead of hashes. */
export function formatBlock(block: Block, full: boolean): Json {
  const { header } = block
  const hash = bytesToHex(block.hash())
  return {
    number: bigIntToHex(header.number),
    hash,
    parentHash: bytesToHex(header.parentHash),
    nonce: bytesToHex(header.nonce),
    sha3Uncles: bytesToHex(header.uncleHash),
    logsBloom: bytesToHex(header.logsBloom),
    transactionsRoot: bytesToHex(header.transactionsTrie),
    stateRoot: bytesToHex(header.stateRoot),
    receiptsRoot: bytesToHex(header.receiptTrie),
    miner: header.coinbase.toString(),
    difficulty: bigIntToHex(header.difficulty),
    totalDifficulty: '0x0',
    extraData: bytesToHex(header.extraData),
    size: intToHex(block.serialize().length),
    gasLimit: bigIntToHex(header.gasLimit),
    gasUsed: bigIntToHex(header.gasUsed),
    timestamp: bigIntToHex(header.timestamp),
    transactions: block.transactions.map((tx, i) => (full ? formatTransaction(tx, block, i) : bytesToHex(tx.hash()))),
    uncles: [],
    baseFeePerGas: bigIntToHex(header.baseFeePerGas ?? 0n),
    mixHash: bytesToHex(header.mixHash),
    withdrawalsRoot: bytesToHex(header.withdrawalsRoot ?? new Uint8Array(32)),
    withdrawals: [],
    blobGasUsed: bigIntToHex(header.blobGasUsed ?? 0n),
    excessBlobGas: bigIntToHex(header.excessBlobGas ?? 0n),
    parentBeaconBlockRoot: bytesToHex(header.parentBeaconBlockRoot ?? new Uint8Array(32)),
  }
}

/** A mined transaction as eth_getTransactionByHash answers it. */
export function formatTransaction(tx: TypedTransaction, block: Block, index: number): Json {
  const json = tx.toJSON() as Json
  const { data, gasLimit, ...rest } = json
  return {
    ...rest,
    hash: bytesToHex(tx.hash()),
    from: tx.getSenderAddress().toString(),
    to: tx.to?.toString() ?? null,
    input: data,
    gas: gasLimit,
    gasPrice: bigIntToHex(effectiveGasPrice(tx, block.header.baseFeePerGas ?? 0n)),
    blockHash: bytesToHex(block.hash()),
    blockNumber: bigIntToHex(block.header.number),
    transactionIndex: intToHex(index),
    ...(tx.type === 0 ? {} : { yParity: bigIntToHex(tx.v ?? 0n) }),
  }
}

/** A receipt as eth_getTransactionReceipt answers it. */
export function formatReceipt(block: Block, index: number, receipts: StoredReceipt[]): Json {
  // The block's Common carries the chain's (WebAssembly) keccak.
  const receipt = receipts[index]!
  const tx = block.transactions[index]!
  const firstLogIndex = receipts.slice(0, index).reduce((count, r) => count + r.logs.length, 0)
  const bloom = new Bloom(undefined, block.common)
  for (const log of receipt.logs) {
    bloom.add(log.address)
    for (const topic of log.topics) bloom.add(topic)
  }
  return {
    transactionHash: bytesToHex(tx.hash()),
    transactionIndex: intToHex(index),
    blockHash: bytesToHex(block.hash()),
    blockNumber: bigIntToHex(block.header.number),
    from: bytesToHex(receipt.from),
    to: tx.to?.toString() ?? null,
    cumulativeGasUsed: bigIntToHex(receipt.cumulativeGasUsed),
    gasUsed: bigIntToHex(receipt.gasUsed),
    effectiveGasPrice: bigIntToHex(receipt.effectiveGasPrice),
    contractAddress: receipt.contractAddress ? bytesToHex(receipt.contractAddress) : null,
    logs: receipt.logs.map((log, i) =>
      formatLog({
        ...log,
        blockNumber: block.header.number,
        blockHash: block.hash(),
        transactionHash: tx.hash(),
        transactionIndex: index,
        logIndex: firstLogIndex + i,
      }),
    ),
    logsBloom: bytesToHex(bloom.bitvector),
    status: receipt.status === 1 ? '0x1' : '0x0',
    type: intToHex(tx.type),
  }
}

export function formatLog(log: FoundLog): Json {
  return {
    address: bytesToHex(log.address),
    topics: log.topics.map((topic) => bytesToHex(topic)),
    data: bytesToHex(log.data),
    blockNumber: bigIntToHex(log.blockNumber),
    blockHash: bytesToHex(log.blockHash),
    transactionHash: bytesToHex(log.transactionHash),
    transactionIndex: intToHex(log.transactionIndex),
    logIndex: intToHex(log.logIndex),
    removed: false,
  }
}
