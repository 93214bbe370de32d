import { RLP } from '@ethereumjs/rlp'
import { bigIntToUnpaddedBytes, bytesToBigInt, bytesToInt, intToBytes } from '@ethereumjs/util'

/** A log as the EVM emitted it. */
export interface StoredLog {
  address: Uint8Array
  topics: Uint8Array[]
  data: Uint8Array
}

/** What the node keeps per transaction beyond the block itself (the sender saves a signature recovery on reads). */
export interface StoredReceipt {
  status: 0 | 1
  cumulativeGasUsed: bigint
  gasUsed: bigint
  from: Uint8Array
  contractAddress: Uint8Array | undefined
  effectiveGasPrice: bigint
  logs: StoredLog[]
}

/** RLP of one block's receipts: [[status, cumulativeGas, gasUsed, from, contract, price, [[addr, [topics], data]]], ...]. */
export function encodeBlockReceipts(receipts: StoredReceipt[]): Uint8Array {
  return RLP.encode(
    receipts.map((r) => [
      intToBytes(r.status),
      bigIntToUnpaddedBytes(r.cumulativeGasUsed),
      bigIntToUnpaddedBytes(r.gasUsed),
      r.from,
      r.contractAddress ?? new Uint8Array(0),
      bigIntToUnpaddedBytes(r.effectiveGasPrice),
      r.logs.map((log) => [log.address, log.topics, log.data]),
    ]),
  )
}

export function decodeBlockReceipts(encoded: Uint8Array): StoredReceipt[] {
  const decoded = RLP.decode(encoded) as unknown as Uint8Array[][]
  return decoded.map((fields) => {
    const [status, cumulative, used, from, contract, price, logs] = fields as [
      Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, Uint8Array, unknown,
    ]
    return {
      status: bytesToInt(status) === 1 ? 1 : 0,
      cumulativeGasUsed: bytesToBigInt(cumulative),
      gasUsed: bytesToBigInt(used),
      from,
      contractAddress: contract.length === 0 ? undefined : contract,
      effectiveGasPrice: bytesToBigInt(price),
      logs: (logs as [Uint8Array, Uint8Array[], Uint8Array][]).map(([address, topics, data]) => ({ address, topics, data })),
    }
  })
}

/** Big-endian 8-byte block number, so LevelDB orders keys by number. */
export function blockNumberKey(blockNumber: bigint): Uint8Array {
  const out = new Uint8Array(8)
  new DataView(out.buffer).setBigUint64(0, blockNumber)
  return out
}

export function readBlockNumberKey(key: Uint8Array, offset = 0): bigint {
  return new DataView(key.buffer, key.byteOffset + offset, 8).getBigUint64(0)
}

/** Transaction index value: block number (8 bytes) then position in the block (4 bytes). */
export function encodeTxLocation(blockNumber: bigint, index: number): Uint8Array {
  const out = new Uint8Array(12)
  const view = new DataView(out.buffer)
  view.setBigUint64(0, blockNumber)
  view.setUint32(8, index)
  return out
}

export function decodeTxLocation(value: Uint8Array): { blockNumber: bigint; index: number } {
  const view = new DataView(value.buffer, value.byteOffset, value.byteLength)
  return { blockNumber: view.getBigUint64(0), index: view.getUint32(8) }
}
