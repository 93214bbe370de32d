import type { Block } from '@ethereumjs/block'
import { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { Caches, MerkleStateManager } from '@ethereumjs/statemanager'
import { createTx } from '@ethereumjs/tx'
import { Address, ValueEncoding, equalsBytes } from '@ethereumjs/util'
import { createVM, type VM } from '@ethereumjs/vm'
import type { ChainState } from './chainState.ts'
import { TrieDB } from './dbAdapters.ts'
import { Mutex } from './mutex.ts'

/** A message call as eth_call and eth_estimateGas receive it, already parsed. */
export interface CallRequest {
  from?: Uint8Array
  to?: Uint8Array
  data?: Uint8Array
  value?: bigint
  gas?: bigint
}

export interface CallOutcome {
  success: boolean
  returnValue: Uint8Array
  /** Gas a transaction doing this call would use: intrinsic plus execution. */
  gasUsed: bigint
  /** Set when the call failed: "revert", "out of gas", ... */
  error?: string
}

/** Thrown when a call or estimate fails; `data` holds the revert payload (custom error or reason). */
export class ExecutionFailedError extends Error {
  readonly data: Uint8Array
  readonly reverted: boolean
  constructor(outcome: CallOutcome) {
    const reverted = outcome.error === 'revert'
    super(reverted ? 'execution reverted' : `execution failed: ${outcome.error}`)
    this.data = outcome.returnValue
    this.reverted = reverted
  }
}

/**
 * Runs read-only calls on a VM of its own, positioned on the state root of the block asked for,
 * so eth_call and eth_estimateGas never touch (or wait for) the state being sealed.
 */
export class CallExecutor {
  readonly #state: ChainState
  readonly #lock = new Mutex()
  #vm: VM | undefined

  constructor(state: ChainState) {
    this.#state = state
  }

  /** Executes `request` on the state after `block`. */
  call(block: Block, request: CallRequest): Promise<CallOutcome> {
    return this.#lock.run(async () => {
      const vm = await this.#vmAt(block)
      return this.#execute(vm, block, request, request.gas ?? block.header.gasLimit)
    })
  }

  /**
   * The smallest gas limit (within 1.5 %, as geth) at which `request` succeeds, found by binary
   * search over real executions, starting from an optimistic guess of used gas times 64/63.
   */
  estimateGas(block: Block, request: CallRequest): Promise<bigint> {
    return this.#lock.run(async () => {
      const vm = await this.#vmAt(block)
      const cap = request.gas ?? block.header.gasLimit
      const first = await this.#execute(vm, block, request, cap)
      if (!first.success) throw new ExecutionFailedError(first)
      let lo = first.gasUsed - 1n
      let hi = cap
      const optimistic = (first.gasUsed * 64n) / 63n
      if (optimistic < hi) {
        if ((await this.#execute(vm, block, request, optimistic)).success) hi = optimistic
        else lo = optimistic
      }
      while (lo + 1n < hi && (hi - lo) * 1000n > hi * 15n) {
        const mid = (lo + hi) / 2n
        if ((await this.#execute(vm, block, request, mid)).success) hi = mid
        else lo = mid
      }
      return hi
    })
  }

  /** Reads the state after `block` (balances, code, storage) without touching the sealing state. */
  readState<T>(block: Block, read: (state: VM['stateManager']) => Promise<T>): Promise<T> {
    return this.#lock.run(async () => read((await this.#vmAt(block)).stateManager))
  }

  async #vmAt(block: Block): Promise<VM> {
    if (this.#vm === undefined) {
      const { common, store } = this.#state
      const trie = new MerklePatriciaTrie({
        db: new TrieDB(store),
        useKeyHashing: true,
        valueEncoding: ValueEncoding.Bytes,
        cacheSize: 10_000,
        common,
      })
      const stateManager = new MerkleStateManager({ trie, common, caches: new Caches() })
      this.#vm = await createVM({ common, stateManager, blockchain: this.#state.blockchain, setHardfork: false })
    }
    const root = await this.#vm.stateManager.getStateRoot()
    if (!equalsBytes(root, block.header.stateRoot)) await this.#vm.stateManager.setStateRoot(block.header.stateRoot)
    return this.#vm
  }

  async #execute(vm: VM, block: Block, request: CallRequest, gasLimit: bigint): Promise<CallOutcome> {
    const intrinsic = intrinsicGas(this.#state, request)
    if (gasLimit < intrinsic) return { success: false, returnValue: new Uint8Array(0), gasUsed: intrinsic, error: 'intrinsic gas too low' }
    const caller = new Address(request.from ?? new Uint8Array(20))
    await vm.evm.journal.checkpoint()
    try {
      const result = await vm.evm.runCall({
        caller,
        origin: caller,
        ...(request.to ? { to: new Address(request.to) } : {}),
        data: request.data ?? new Uint8Array(0),
        value: request.value ?? 0n,
        gasLimit: gasLimit - intrinsic,
        block,
        skipBalance: true,
      })
      const error = result.execResult.exceptionError?.error
      return {
        success: error === undefined,
        returnValue: result.execResult.returnValue,
        gasUsed: intrinsic + result.execResult.executionGasUsed,
        ...(error === undefined ? {} : { error }),
      }
    } finally {
      await vm.evm.journal.revert()
    }
  }
}

function intrinsicGas(state: ChainState, request: CallRequest): bigint {
  const tx = createTx(
    {
      type: 2,
      ...(request.to ? { to: request.to } : {}),
      data: request.data ?? new Uint8Array(0),
      value: request.value ?? 0n,
      gasLimit: 0n,
    },
    { common: state.common },
  )
  return tx.getIntrinsicGas()
}
