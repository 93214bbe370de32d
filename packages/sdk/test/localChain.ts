// A throwaway embedded chain with a deployed 3-member consortium, for the SDK's tests.
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import type { Hex } from 'viem'
import { createMedchainClient, type MedchainClient } from '../src/createMedchainClient.ts'
import { deployContracts, type MemberInput } from '../src/deploy/deployContracts.ts'
import type { Deployment } from '../src/types.ts'

export type LocalChain = {
  node: RunningNode
  deployment: Deployment
  /** Development keys: [deployer, hospital, research, regulator, spare...]. */
  keys: readonly Hex[]
  /** A client signing with `key` (read-only without), bound to the deployment. */
  client(key?: Hex): Promise<MedchainClient>
  close(): Promise<void>
}

/** Proposal lifetime of test consortia: long enough never to expire unless a test moves the clock. */
export const TEST_LIFETIME_SECONDS = 3600

/** The 3 bootstrap members: a hospital, a research institute, a regulator (dev keys 1-3). */
export function bootstrapOf(keys: readonly Hex[]): MemberInput[] {
  const [hospital, research, regulator] = [keys[1], keys[2], keys[3]] as [Hex, Hex, Hex]
  return [
    { org: privateKeyToAddress(hospital), name: 'Test Hospital', roles: ['hospital'], gatewayUrl: 'http://hospital.test', encryptionPublicKey: privateKeyToPublicKey(hospital) },
    { org: privateKeyToAddress(research), name: 'Test Research', roles: ['research'], gatewayUrl: 'http://research.test', encryptionPublicKey: privateKeyToPublicKey(research) },
    { org: privateKeyToAddress(regulator), name: 'Test Regulator', roles: ['regulator'], gatewayUrl: '', encryptionPublicKey: privateKeyToPublicKey(regulator) },
  ]
}

export async function startLocalChain(): Promise<LocalChain> {
  const node = await createEmbeddedNode({ fsync: false, allowTimeTravel: true })
  const keys = node.accounts
  const deployer = await createMedchainClient({ provider: node.provider, account: keys[0] })
  const deployment = await deployContracts(deployer, { bootstrap: bootstrapOf(keys), proposalLifetimeSeconds: TEST_LIFETIME_SECONDS })
  return {
    node,
    deployment,
    keys,
    client: (key) => createMedchainClient({ provider: node.provider, account: key, deployment }),
    close: () => node.close(),
  }
}

/** A fresh random key with its address and compressed public key. */
export function freshKey(): { privateKey: Hex; address: Hex; publicKey: Hex } {
  const privateKey = generatePrivateKey()
  return { privateKey, address: privateKeyToAddress(privateKey), publicKey: privateKeyToPublicKey(privateKey) }
}
