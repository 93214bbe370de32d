// Fixtures for the contracts that take patients: an IdentityRegistry with registered pseudonyms,
// EIP-712 domains of the signing contracts, and Merkle batches built with @medchain/crypto.
import { createMerkleBatch } from '@medchain/crypto'
import { bytesToHex, hexToBytes, type Address, type Hex } from 'viem'
import { identityRegistryAbi, identityRegistryBytecode } from '../../generated/index.ts'
import type { ConsortiumContract } from './consortium.ts'
import { randomCompressedKey } from './keys.ts'
import type { TestChain, TestContract, TestWallet } from './testChain.ts'

export type IdentityRegistryContract = TestContract<typeof identityRegistryAbi>

/** An IdentityRegistry bound to `consortium`, deployed by its first wallet (a hospital in every fixture). */
export function deployIdentityRegistry(chain: TestChain, consortium: ConsortiumContract): Promise<IdentityRegistryContract> {
  return chain.deploy({ abi: identityRegistryAbi, bytecode: identityRegistryBytecode, args: [consortium.address] })
}

/** Registers a fresh pseudonym (sent by the registry's wallet, a hospital) and returns its wallet. */
export async function newPatient(
  chain: TestChain,
  registry: IdentityRegistryContract,
  { funded = false }: { funded?: boolean } = {},
): Promise<TestWallet> {
  const patient = funded ? await chain.newWallet('1') : chain.unfundedWallet()
  await chain.mined(registry.write.registerPatient([patient.account.address, randomCompressedKey()]))
  return patient
}

/** The EIP-712 domain of a medchain contract on the test chain. */
export function domainOf(chain: TestChain, name: string, verifyingContract: Address) {
  return { name, version: '1', chainId: chain.publicClient.chain.id, verifyingContract } as const
}

/** A Merkle batch of ABI-encoded leaves, sealed by @medchain/crypto, as hex. */
export function sealBatch(leavesData: readonly Hex[]): { root: Hex; proofs: Hex[][] } {
  const batch = createMerkleBatch()
  for (const data of leavesData) batch.add(hexToBytes(data))
  const { root, proofs } = batch.seal()
  return { root: bytesToHex(root), proofs: proofs.map((proof) => proof.map((node) => bytesToHex(node))) }
}

/** `n` distinct random 32-byte values. */
export function randomIds(n: number): Hex[] {
  return Array.from({ length: n }, () => bytesToHex(crypto.getRandomValues(new Uint8Array(32))))
}
