// Fixtures for ConsentRegistry tests: deployment, grant inputs and EIP-712 signatures.
import { concat, keccak256, type Address, type Hex } from 'viem'
import { consentRegistryAbi, consentRegistryBytecode, purposes } from '../../generated/index.ts'
import type { ConsortiumContract } from './consortium.ts'
import { domainOf, type IdentityRegistryContract } from './registries.ts'
import type { TestChain, TestContract, TestWallet } from './testChain.ts'

export type ConsentContract = TestContract<typeof consentRegistryAbi>

export type GrantInput = {
  grantee: Address
  purposes: number
  resourceTypes: bigint
  recordIds: readonly Hex[]
  start: bigint
  expiry: bigint
}

export const grantTypes = {
  Grant: [
    { name: 'patient', type: 'address' },
    { name: 'grantee', type: 'address' },
    { name: 'purposes', type: 'uint16' },
    { name: 'resourceTypes', type: 'uint256' },
    { name: 'recordIdsHash', type: 'bytes32' },
    { name: 'start', type: 'uint64' },
    { name: 'expiry', type: 'uint64' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

export const revokeTypes = {
  Revoke: [
    { name: 'consentId', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

/** Table indexes used by the tests (any index below 256 works on chain). */
export const OBSERVATION = 5
export const CONDITION = 7

export function deployConsentRegistry(
  chain: TestChain,
  consortium: ConsortiumContract,
  identity: IdentityRegistryContract,
): Promise<ConsentContract> {
  return chain.deploy({ abi: consentRegistryAbi, bytecode: consentRegistryBytecode, args: [consortium.address, identity.address] })
}

/** A treatment consent to `grantee` for Observations, started, expiring in a day; override any field. */
export async function grantInput(chain: TestChain, grantee: Address, overrides: Partial<GrantInput> = {}): Promise<GrantInput> {
  const now = await chain.now()
  return {
    grantee,
    purposes: purposes.TREATMENT,
    resourceTypes: 1n << BigInt(OBSERVATION),
    recordIds: [],
    start: now - 60n,
    expiry: now + 86_400n,
    ...overrides,
  }
}

export function consentDomain(chain: TestChain, registry: ConsentContract) {
  return domainOf(chain, 'medchain ConsentRegistry', registry.address)
}

export async function signGrant(
  chain: TestChain,
  registry: ConsentContract,
  signer: TestWallet,
  patient: Address,
  input: GrantInput,
  deadline: bigint,
  nonce?: bigint,
) {
  const message = {
    patient,
    grantee: input.grantee,
    purposes: input.purposes,
    resourceTypes: input.resourceTypes,
    recordIdsHash: keccak256(input.recordIds.length ? concat([...input.recordIds]) : '0x'),
    start: input.start,
    expiry: input.expiry,
    nonce: nonce ?? (await registry.read.nonces([patient])),
    deadline,
  }
  const domain = consentDomain(chain, registry)
  const signature = await signer.signTypedData({ domain, types: grantTypes, primaryType: 'Grant', message })
  return { signature, domain, message }
}

export async function signRevoke(
  chain: TestChain,
  registry: ConsentContract,
  signer: TestWallet,
  patient: Address,
  consentId: Hex,
  deadline: bigint,
) {
  const message = { consentId, nonce: await registry.read.nonces([patient]), deadline }
  const domain = consentDomain(chain, registry)
  const signature = await signer.signTypedData({ domain, types: revokeTypes, primaryType: 'Revoke', message })
  return { signature, domain, message }
}
