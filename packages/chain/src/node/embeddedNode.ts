import { mkdtemp, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createTxFromRLP, type TypedTransaction } from '@ethereumjs/tx'
import { bytesToHex, createAddressFromString, hexToBytes } from '@ethereumjs/util'
import { CallExecutor } from './callExecutor.ts'
import { ChainReader } from './chainReader.ts'
import { openChainState, type ChainState } from './chainState.ts'
import { addressOfKey, createDevGenesis, devAccountKey, type GenesisConfig } from './genesis.ts'
import { sealBlock } from './blockSealer.ts'
import { StagedStore } from './stagedStore.ts'
import { TxPool, TxPoolError, type PoolEntry } from './txPool.ts'

export interface EmbeddedNodeOptions {
  /** Where the chain lives; a fresh temporary directory (removed on close) when omitted. */
  dataDir?: string
  chainId?: number
  /** How many deterministic development accounts the genesis funds (new chains only). Default 10. */
  devAccounts?: number
  /** Extra wait before sealing, to gather more transactions per block. Default 0: seal at once, batch what arrives meanwhile. */
  blockWindowMs?: number
  /** Most transactions in one block. Default 2000. */
  maxTxsPerBlock?: number
  /** fsync each block before acknowledging it (survives power loss, not only kill -9). Default true. */
  fsync?: boolean
  /** Accept evm_increaseTime / evm_mine (tests and demos only: moving a ledger's clock breaks expiries). */
  allowTimeTravel?: boolean
}

/** Key files and genesis beside the database. */
const GENESIS_FILE = 'genesis.json'
const AUTHORITY_KEY_FILE = 'authority.key'

/**
 * An in-process Ethereum node with one sealing authority. Transactions are sealed into blocks as
 * they arrive; while one block is being sealed the next ones gather, so load batches by itself
 * (group commit) and a lone transaction waits for no timer.
 */
export class EmbeddedNode {
  readonly state: ChainState
  readonly reader: ChainReader
  readonly calls: CallExecutor
  readonly dataDir: string
  /** Private keys of the funded development accounts (deterministic, public: tests and demos only). */
  readonly accounts: `0x${string}`[]
  readonly #pool = new TxPool()
  readonly #authorityKey: Uint8Array
  readonly #options: Required<Omit<EmbeddedNodeOptions, 'dataDir' | 'chainId' | 'devAccounts'>>
  readonly #removeOnClose: boolean
  #sealing = false
  #closed = false
  #fatal: Error | undefined
  #timeOffset = 0
  #blockListeners = new Set<(blockNumber: bigint) => void>()

  private constructor(state: ChainState, dataDir: string, authorityKey: Uint8Array, accounts: `0x${string}`[], options: EmbeddedNodeOptions, removeOnClose: boolean) {
    this.state = state
    this.reader = new ChainReader(state)
    this.calls = new CallExecutor(state)
    this.dataDir = dataDir
    this.accounts = accounts
    this.#authorityKey = authorityKey
    this.#removeOnClose = removeOnClose
    this.#options = {
      blockWindowMs: options.blockWindowMs ?? 0,
      maxTxsPerBlock: options.maxTxsPerBlock ?? 2000,
      fsync: options.fsync ?? true,
      allowTimeTravel: options.allowTimeTravel ?? false,
    }
  }

  /** Opens the node at `options.dataDir`, creating its genesis, key and database on first start. */
  static async open(options: EmbeddedNodeOptions = {}): Promise<EmbeddedNode> {
    const removeOnClose = options.dataDir === undefined
    const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), 'medchain-node-')))
    await mkdir(dataDir, { recursive: true })
    const authorityKey = await loadOrCreateAuthorityKey(dataDir)
    const devAccounts = options.devAccounts ?? 10
    const genesis = await loadOrCreateGenesis(dataDir, () =>
      createDevGenesis({ authorityKey: bytesToHex(authorityKey), devAccounts, ...(options.chainId ? { chainId: options.chainId } : {}) }),
    )
    if (addressOfKey(bytesToHex(authorityKey)) !== genesis.authority) {
      throw new Error(`${AUTHORITY_KEY_FILE} in ${dataDir} is not the authority named by ${GENESIS_FILE}`)
    }
    const store = await StagedStore.open(join(dataDir, 'chaindata'))
    const state = await openChainState(store, genesis)
    const accounts = Array.from({ length: devAccounts }, (_, i) => devAccountKey(i))
    return new EmbeddedNode(state, dataDir, authorityKey, accounts, options, removeOnClose)
  }

  get chainId(): number {
    return this.state.genesis.chainId
  }

  get authority(): `0x${string}` {
    return this.state.genesis.authority
  }

  /**
   * Validates and queues a signed transaction. Resolves with its hash once it is in a committed
   * (durable) block, or at once if it waits behind a nonce gap.
   */
  async submit(serialized: Uint8Array): Promise<{ hash: `0x${string}`; mined: Promise<void> }> {
    this.#assertOpen()
    const tx = decodeTransaction(serialized, this.state)
    const sender = tx.getSenderAddress()
    const { nonce: committedNonce, balance } = await this.committedAccount(sender.toString())
    const cost = tx.gasLimit * ('maxFeePerGas' in tx ? tx.maxFeePerGas : tx.gasPrice) + tx.value
    if (balance < cost) throw new TxPoolError(`insufficient funds for gas * price + value: have ${balance} want ${cost}`)
    // Behind a gap (an earlier nonce never sent) it may wait forever, so answer at once; otherwise
    // it is next or queued behind pending ones of its sender, and is answered once durable.
    const contiguous = tx.nonce <= this.#pool.pendingNonce(sender.toString(), committedNonce)
    const entry = this.#pool.add(tx, sender.toString(), committedNonce)
    this.#scheduleSeal()
    if (contiguous) await entry.mined
    return { hash: entry.hash as `0x${string}`, mined: entry.mined }
  }

  /** The account's nonce and balance in the head state (excluding pooled transactions). */
  committedAccount(address: string): Promise<{ nonce: bigint; balance: bigint }> {
    return this.state.lock.run(async () => {
      const account = await this.state.stateManager.getAccount(createAddressFromString(address))
      return { nonce: account?.nonce ?? 0n, balance: account?.balance ?? 0n }
    })
  }

  /** The nonce a new transaction from `address` should carry, counting those in the pool. */
  async pendingNonce(address: string): Promise<bigint> {
    return this.#pool.pendingNonce(address.toLowerCase(), (await this.committedAccount(address)).nonce)
  }

  /** Seconds added to the wall clock for block timestamps (evm_increaseTime). */
  increaseTime(seconds: number): number {
    this.#assertTimeTravel()
    if (!Number.isSafeInteger(seconds) || seconds < 0) throw new TxPoolError(`"seconds" expected a non-negative integer, got ${seconds}`)
    this.#timeOffset += seconds
    return this.#timeOffset
  }

  /** Seals a block now, even an empty one (evm_mine). */
  async mine(): Promise<bigint> {
    this.#assertTimeTravel()
    this.#assertOpen()
    const result = await this.state.lock.run(() => sealBlock(this.state, this.#sealOptions([])))
    this.#notify(result.block.header.number)
    return result.block.header.number
  }

  /** Calls `listener` with each new block number; returns the unsubscribe function. */
  onBlock(listener: (blockNumber: bigint) => void): () => void {
    this.#blockListeners.add(listener)
    return () => this.#blockListeners.delete(listener)
  }

  /** Stops sealing, fails queued transactions, closes the database. */
  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    this.#pool.clear(new TxPoolError('node is shutting down'))
    await this.state.lock.run(async () => undefined)
    await this.state.store.close()
    if (this.#removeOnClose) await rm(this.dataDir, { recursive: true, force: true })
  }

  #scheduleSeal(): void {
    if (this.#sealing || this.#closed || !this.#pool.hasExecutable()) return
    this.#sealing = true
    const run = () => void this.#sealLoop()
    if (this.#options.blockWindowMs > 0) setTimeout(run, this.#options.blockWindowMs)
    else setImmediate(run)
  }

  async #sealLoop(): Promise<void> {
    try {
      while (!this.#closed && this.#pool.hasExecutable()) {
        const batch = this.#pool.take(this.#options.maxTxsPerBlock)
        const result = await this.state.lock.run(() => sealBlock(this.state, this.#sealOptions(batch.map((entry) => entry.tx))))
        settle(this.#pool, batch, result)
        this.#notify(result.block.header.number)
      }
    } catch (error) {
      // A block that fails to commit leaves memory and disk out of step: stop writing (fail-stop);
      // a restart recovers from the last committed block.
      this.#fatal = error instanceof Error ? error : new Error(String(error))
      this.#pool.clear(new TxPoolError(`node stopped sealing: ${this.#fatal.message}`))
    } finally {
      this.#sealing = false
    }
    this.#scheduleSeal()
  }

  #sealOptions(txs: TypedTransaction[]) {
    return {
      txs,
      timestamp: BigInt(Math.floor(Date.now() / 1000) + this.#timeOffset),
      authorityKey: this.#authorityKey,
      sync: this.#options.fsync,
    }
  }

  #notify(blockNumber: bigint): void {
    for (const listener of this.#blockListeners) listener(blockNumber)
  }

  #assertOpen(): void {
    if (this.#fatal) throw new TxPoolError(`node stopped sealing: ${this.#fatal.message}`)
    if (this.#closed) throw new TxPoolError('node is shutting down')
  }

  #assertTimeTravel(): void {
    if (!this.#options.allowTimeTravel) throw new TxPoolError('time travel is disabled on this node (allowTimeTravel)')
  }
}

function settle(pool: TxPool, batch: PoolEntry[], result: Awaited<ReturnType<typeof sealBlock>>): void {
  const deferred = new Set<string>(result.deferred.map((tx) => bytesToHex(tx.hash())))
  for (const entry of batch) {
    const refusal = result.rejected.get(entry.hash)
    if (result.included.has(entry.hash)) pool.mined(entry)
    else if (refusal !== undefined) pool.refused(entry, new TxPoolError(refusalMessage(refusal)))
    else if (deferred.has(entry.hash)) pool.deferred(entry)
  }
}

/** EthereumJS errors end with a block/tx dump; keep the reason only. */
function refusalMessage(error: Error): string {
  return error.message.split(' (')[0]!.split(' -> ')[0]!.trim()
}

function decodeTransaction(serialized: Uint8Array, state: ChainState): TypedTransaction {
  let tx: TypedTransaction
  try {
    tx = createTxFromRLP(serialized, { common: state.common })
  } catch (error) {
    throw new TxPoolError(`invalid transaction: ${error instanceof Error ? refusalMessage(error) : 'undecodable'}`)
  }
  if (!tx.isSigned()) throw new TxPoolError('invalid transaction: not signed')
  if (tx.type === 3) throw new TxPoolError('blob transactions are not supported')
  try {
    tx.getSenderAddress()
  } catch {
    throw new TxPoolError('invalid transaction: invalid signature')
  }
  if (tx.gasLimit > BigInt(state.genesis.gasLimit)) {
    throw new TxPoolError(`exceeds block gas limit: ${tx.gasLimit} > ${state.genesis.gasLimit}`)
  }
  if (tx.gasLimit < tx.getIntrinsicGas()) throw new TxPoolError(`intrinsic gas too low: have ${tx.gasLimit}, want ${tx.getIntrinsicGas()}`)
  return tx
}

async function loadOrCreateAuthorityKey(dataDir: string): Promise<Uint8Array> {
  const path = join(dataDir, AUTHORITY_KEY_FILE)
  try {
    return hexToBytes((await readFile(path, 'utf8')).trim() as `0x${string}`)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const key = randomBytes(32)
  await writeFileAtomic(path, `${bytesToHex(key)}\n`, 0o600)
  return key
}

async function loadOrCreateGenesis(dataDir: string, create: () => GenesisConfig): Promise<GenesisConfig> {
  const path = join(dataDir, GENESIS_FILE)
  try {
    return JSON.parse(await readFile(path, 'utf8')) as GenesisConfig
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
  }
  const genesis = create()
  await writeFileAtomic(path, `${JSON.stringify(genesis, null, 2)}\n`, 0o644)
  return genesis
}

/** Write then rename, so a crash leaves the old file or the new one, never half of one. */
async function writeFileAtomic(path: string, content: string, mode: number): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`
  await writeFile(temporary, content, { mode })
  await rename(temporary, path)
}
