import { defineChain } from 'viem'

/** A viem chain description for a node's chain id (no public RPC URL: transports are given explicitly). */
export function medchainChain(chainId: number) {
  return defineChain({
    id: chainId,
    name: `medchain-${chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [] } },
  })
}
