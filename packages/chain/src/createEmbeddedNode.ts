import { EmbeddedNode, type EmbeddedNodeOptions } from './node/embeddedNode.ts'
import { createProvider, type Eip1193Provider } from './rpc/provider.ts'
import { startRpcHttpServer, type RpcHttpServer, type RpcHttpServerOptions } from './rpc/httpServer.ts'

/** An embedded node with its in-process provider, and its HTTP endpoint once started. */
export interface RunningNode {
  node: EmbeddedNode
  provider: Eip1193Provider
  /** Funded development account keys (deterministic, public: tests and demos only). */
  accounts: `0x${string}`[]
  chainId: number
  /** Starts serving JSON-RPC over HTTP; returns its URL. */
  listen(options?: RpcHttpServerOptions): Promise<string>
  close(): Promise<void>
}

/** Opens an embedded node and wraps it with an EIP-1193 provider (HTTP on demand). */
export async function createEmbeddedNode(options: EmbeddedNodeOptions = {}): Promise<RunningNode> {
  const node = await EmbeddedNode.open(options)
  const provider = createProvider(node)
  let http: RpcHttpServer | undefined
  return {
    node,
    provider,
    accounts: node.accounts,
    chainId: node.chainId,
    async listen(httpOptions) {
      http ??= await startRpcHttpServer(node, httpOptions)
      return http.url
    },
    async close() {
      await http?.close()
      await node.close()
    },
  }
}
