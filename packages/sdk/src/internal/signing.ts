// What the sign* actions share: the signer account, a default deadline, the EIP-712 domain.
import type { Address, Hex, LocalAccount } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import type { MedchainClient } from '../createMedchainClient.ts'
import { decodeContractError } from '../decodeContractError.ts'
import { MedchainError } from '../errors.ts'
import { assertUint } from './assert.ts'

/** How long a signature stays valid by default: long enough to reach a gateway. */
const DEFAULT_VALIDITY_SECONDS = 3600n

/** A local account from a private key or an account; `name` is the parameter, for the message. */
export function toLocalAccount(name: string, value: Hex | LocalAccount): LocalAccount {
  const message = `"${name}" expected a 32-byte hex private key or a local account`
  if (typeof value === 'string') {
    try {
      return privateKeyToAccount(value)
    } catch (cause) {
      throw new MedchainError(message, { code: 'SDK_INVALID_ARGUMENT', cause })
    }
  }
  if (typeof value !== 'object' || value === null || typeof value.signTypedData !== 'function') {
    throw new MedchainError(message, { code: 'SDK_INVALID_ARGUMENT' })
  }
  return value
}

/**
 * `deadline` checked, or one hour from now, "now" being the later of the local clock and the latest
 * block's timestamp: a chain whose clock runs ahead (skew, a test's time travel) would otherwise
 * see the signature expired already.
 */
export async function deadlineOrDefault(client: MedchainClient, deadline: bigint | number | undefined): Promise<bigint> {
  if (deadline !== undefined) return assertUint('deadline', deadline)
  let chainNow: bigint
  try {
    chainNow = (await client.publicClient.getBlock({ blockTag: 'latest' })).timestamp
  } catch (error) {
    throw decodeContractError(error, { context: 'eth_getBlockByNumber' })
  }
  const localNow = BigInt(Math.floor(Date.now() / 1000))
  return (chainNow > localNow ? chainNow : localNow) + DEFAULT_VALIDITY_SECONDS
}

/** The EIP-712 domain of a medchain contract: version "1", the client's chain. */
export function medchainDomain(client: MedchainClient, name: string, verifyingContract: Address) {
  return { name, version: '1', chainId: client.chain.id, verifyingContract } as const
}
