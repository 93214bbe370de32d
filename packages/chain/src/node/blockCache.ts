import type { Block } from '@ethereumjs/block'
import { bytesToHex } from '@ethereumjs/util'

/**
 * Decoded recent blocks by number and hash. Decoding a block from LevelDB rebuilds its header
 * and copies the chain's parameters (about 0.2 ms each); receipts, filters and the sealer all
 * ask for the newest blocks again and again.
 */
export class BlockCache {
  readonly #byNumber = new Map<bigint, Block>()
  readonly #byHash = new Map<string, Block>()
  readonly #capacity: number
  #head: Block

  constructor(head: Block, capacity = 512) {
    this.#capacity = capacity
    this.#head = head
    this.add(head)
  }

  get head(): Block {
    return this.#head
  }

  /** Records a newly committed canonical block as the head. */
  setHead(block: Block): void {
    this.#head = block
    this.add(block)
  }

  add(block: Block): void {
    const number = block.header.number
    this.#byNumber.delete(number)
    this.#byNumber.set(number, block)
    this.#byHash.set(bytesToHex(block.hash()), block)
    if (this.#byNumber.size > this.#capacity) {
      const [oldest, evicted] = this.#byNumber.entries().next().value as [bigint, Block]
      this.#byNumber.delete(oldest)
      this.#byHash.delete(bytesToHex(evicted.hash()))
    }
  }

  byNumber(number: bigint): Block | undefined {
    return this.#byNumber.get(number)
  }

  byHash(hash: Uint8Array): Block | undefined {
    return this.#byHash.get(bytesToHex(hash))
  }
}
