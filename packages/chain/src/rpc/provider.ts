import { setImmediate as yieldToEventLoop } from 'node:timers/promises'
import type { EmbeddedNode } from '../node/embeddedNode.ts'
import { callMethod } from './dispatch.ts'

export interface RequestArguments {
  readonly method: string
  readonly params?: readonly unknown[] | object
}

/** An EIP-1193 provider over the node, in process: what viem's `custom()` and ethers' BrowserProvider take. */
export interface Eip1193Provider {
  request(args: RequestArguments): Promise<unknown>
  on(event: string, listener: (...args: unknown[]) => void): void
  removeListener(event: string, listener: (...args: unknown[]) => void): void
}

/** Creates the in-process provider; errors are thrown as `RpcError` with EIP-1474 codes (and revert `data`). */
export function createProvider(node: EmbeddedNode): Eip1193Provider {
  return {
    // Each request first yields to the event loop, as any real transport does: reads are
    // synchronous, so a client polling in a tight loop would otherwise run on microtasks alone
    // and starve the sealer, which is scheduled as a macrotask.
    request: async ({ method, params }) => {
      await yieldToEventLoop()
      return callMethod(node, method, params)
    },
    // The chain never changes id or accounts, so there is nothing to emit.
    on: () => undefined,
    removeListener: () => undefined,
  }
}
