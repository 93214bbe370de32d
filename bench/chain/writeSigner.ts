// Signs SlotWriter.write transactions with nonces tracked here, so a signed transaction never
// waits on the node for its nonce and many can be signed ahead of sending.
import { encodeFunctionData, type Address, type Hex } from 'viem'
import type { BenchPublicClient, BenchWallet } from './benchClients.ts'
import { slotWriterAbi } from './slotWriter.ts'

export interface WriteSigner {
  /** A signed write of a key never written before, from `wallet`'s account at its next nonce. */
  sign(wallet: BenchWallet): Promise<Hex>
  /** How many writes have been signed: each one, once sent, is one more slot in the chain. */
  readonly signed: number
}

export interface CreateWriteSignerParameters {
  client: BenchPublicClient
  contract: Address
  /** The accounts that will sign; their nonces are read once, here. */
  wallets: readonly BenchWallet[]
  /** Gas limit for every write (they all cost the same: one new slot, one event). */
  gas: bigint
  /** Key of the first write (default 1); later runs on an existing chain start past the keys written. */
  firstKey?: bigint
}

/** Reads each account's nonce once and returns a signer that counts on from there. */
export async function createWriteSigner({ client, contract, wallets, gas, firstKey = 1n }: CreateWriteSignerParameters): Promise<WriteSigner> {
  const nonces = new Map<Address, number>()
  for (const wallet of wallets) {
    const address = wallet.account.address
    nonces.set(address, await client.getTransactionCount({ address, blockTag: 'pending' }))
  }
  let signed = 0
  return {
    async sign(wallet) {
      const address = wallet.account.address
      const nonce = nonces.get(address)
      if (nonce === undefined) throw new Error(`"wallet" ${address} was not given to createWriteSigner`)
      nonces.set(address, nonce + 1)
      // Keys count up from 1, so each write lands in a fresh slot (and a non-zero value is stored).
      const key = firstKey + BigInt(signed++)
      // The account signs directly: walletClient.signTransaction would first ask the node for its
      // chain id, a round trip per transaction that a client knowing its chain does not make.
      return wallet.account.signTransaction({
        chainId: wallet.chain.id,
        type: 'eip1559',
        to: contract,
        data: encodeFunctionData({ abi: slotWriterAbi, functionName: 'write', args: [key, key] }),
        nonce,
        gas,
        maxFeePerGas: 0n,
        maxPriorityFeePerGas: 0n,
      })
    },
    get signed() {
      return signed
    },
  }
}
