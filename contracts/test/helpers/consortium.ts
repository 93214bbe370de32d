// Fixtures: a freshly deployed Consortium with given members.
import type { Address, Hex } from 'viem'
import { consortiumAbi, consortiumBytecode } from '../../generated/index.ts'
import { randomCompressedKey } from './keys.ts'
import type { TestChain, TestContract, TestWallet } from './testChain.ts'

export const LIFETIME = 3600n

export type ConsortiumContract = TestContract<typeof consortiumAbi>

export type MemberInput = {
  org: Address
  name: string
  roles: number
  gatewayUrl: string
  encryptionPublicKey: Hex
}

/** Constructor / proposal input for `wallet` as an organisation, with a fresh key. */
export function memberInput(wallet: TestWallet, roles: number, overrides: Partial<MemberInput> = {}): MemberInput {
  const org = wallet.account.address
  return {
    org,
    name: `org ${org.slice(2, 8)}`,
    roles,
    gatewayUrl: `https://${org.slice(2, 8).toLowerCase()}.example`,
    encryptionPublicKey: randomCompressedKey(),
    ...overrides,
  }
}

/** Deploys a consortium whose bootstrap members are `members` ([wallet, roles] pairs). */
export function deployConsortium(
  chain: TestChain,
  members: readonly (readonly [TestWallet, number])[],
  lifetime: bigint = LIFETIME,
): Promise<ConsortiumContract> {
  return chain.deploy({
    abi: consortiumAbi,
    bytecode: consortiumBytecode,
    args: [members.map(([wallet, roles]) => memberInput(wallet, roles)), lifetime],
  })
}
