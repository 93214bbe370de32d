import type { TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex } from '@ethereumjs/util'

/** Why the pool refused a transaction; each maps to a JSON-RPC error message. */
export class TxPoolError extends Error {}

/** How many not-yet-executable (future nonce) transactions one sender may park in the pool. */
export const MAX_QUEUED_PER_SENDER = 64

export interface PoolEntry {
  tx: TypedTransaction
  hash: string
  sender: string
  nonce: bigint
  /** Settles when the transaction is in a committed block (resolves) or refused by execution (rejects). */
  mined: Promise<void>
  resolve: () => void
  reject: (error: Error) => void
}

/**
 * Transactions waiting for a block, per sender and nonce. A sender's transactions are taken in
 * nonce order; one with a gap before it waits until the gap is filled.
 */
export class TxPool {
  readonly #bySender = new Map<string, Map<bigint, PoolEntry>>()
  /** Per tracked sender, the nonce of the next transaction to hand to the sealer. */
  readonly #nextToTake = new Map<string, bigint>()
  readonly #byHash = new Map<string, PoolEntry>()

  /** Adds `tx` from `sender` whose committed account nonce is `committedNonce`; returns its entry. */
  add(tx: TypedTransaction, sender: string, committedNonce: bigint): PoolEntry {
    const hash = bytesToHex(tx.hash())
    if (this.#byHash.has(hash)) throw new TxPoolError('already known')
    const nonce = tx.nonce
    const next = this.#nextToTake.get(sender) ?? committedNonce
    if (nonce < committedNonce || nonce < next) {
      throw new TxPoolError(`nonce too low: next nonce ${this.pendingNonce(sender, committedNonce)}, tx nonce ${nonce}`)
    }
    const entries = this.#bySender.get(sender) ?? new Map<bigint, PoolEntry>()
    if (entries.has(nonce)) throw new TxPoolError(`a transaction with nonce ${nonce} from this sender is already pending`)
    if (nonce >= next + BigInt(MAX_QUEUED_PER_SENDER)) {
      throw new TxPoolError(`nonce too high: next nonce ${next}, tx nonce ${nonce} (at most ${MAX_QUEUED_PER_SENDER} ahead)`)
    }
    let resolve!: () => void
    let reject!: (error: Error) => void
    const mined = new Promise<void>((res, rej) => {
      resolve = res
      reject = rej
    })
    mined.catch(() => undefined)
    const entry: PoolEntry = { tx, hash, sender, nonce, mined, resolve, reject }
    entries.set(nonce, entry)
    this.#bySender.set(sender, entries)
    this.#nextToTake.set(sender, next)
    this.#byHash.set(hash, entry)
    return entry
  }

  hasExecutable(): boolean {
    for (const [sender, entries] of this.#bySender) {
      if (entries.has(this.#nextToTake.get(sender)!)) return true
    }
    return false
  }

  /** Up to `max` executable transactions, senders in arrival order, each sender's in nonce order. */
  take(max: number): PoolEntry[] {
    const out: PoolEntry[] = []
    for (const [sender, entries] of this.#bySender) {
      let next = this.#nextToTake.get(sender)!
      let entry = entries.get(next)
      while (entry !== undefined && out.length < max) {
        out.push(entry)
        next++
        entry = entries.get(next)
      }
      this.#nextToTake.set(sender, next)
      if (out.length >= max) break
    }
    return out
  }

  /** The transaction is in a committed block. */
  mined(entry: PoolEntry): void {
    this.#remove(entry)
    entry.resolve()
  }

  /** Execution refused the transaction: later ones from its sender wait again from its nonce. */
  refused(entry: PoolEntry, error: Error): void {
    this.#remove(entry)
    if (this.#bySender.has(entry.sender)) {
      const next = this.#nextToTake.get(entry.sender)!
      if (entry.nonce < next) this.#nextToTake.set(entry.sender, entry.nonce)
    }
    entry.reject(error)
  }

  /** The block had no room: the transaction goes back to wait for the next one. */
  deferred(entry: PoolEntry): void {
    const next = this.#nextToTake.get(entry.sender)!
    if (entry.nonce < next) this.#nextToTake.set(entry.sender, entry.nonce)
  }

  /** The nonce the sender's next transaction should carry, counting those waiting here. */
  pendingNonce(sender: string, committedNonce: bigint): bigint {
    const entries = this.#bySender.get(sender)
    let nonce = this.#nextToTake.get(sender) ?? committedNonce
    if (nonce < committedNonce) nonce = committedNonce
    while (entries?.has(nonce)) nonce++
    return nonce
  }

  /** Fails every waiting transaction (the node is closing). */
  clear(error: Error): void {
    for (const entry of this.#byHash.values()) entry.reject(error)
    this.#bySender.clear()
    this.#nextToTake.clear()
    this.#byHash.clear()
  }

  #remove(entry: PoolEntry): void {
    this.#byHash.delete(entry.hash)
    const entries = this.#bySender.get(entry.sender)
    entries?.delete(entry.nonce)
    if (entries !== undefined && entries.size === 0) {
      this.#bySender.delete(entry.sender)
      this.#nextToTake.delete(entry.sender)
    }
  }
}
