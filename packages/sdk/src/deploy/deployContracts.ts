import {
  accessLogAbi,
  accessLogBytecode,
  consentRegistryAbi,
  consentRegistryBytecode,
  consortiumAbi,
  consortiumBytecode,
  deviceRegistryAbi,
  deviceRegistryBytecode,
  drugRegistryAbi,
  drugRegistryBytecode,
  emergencyAccessAbi,
  emergencyAccessBytecode,
  identityRegistryAbi,
  identityRegistryBytecode,
  recordRegistryAbi,
  recordRegistryBytecode,
  studyRegistryAbi,
  studyRegistryBytecode,
  enroll8VerifierBytecode,
  enroll32VerifierBytecode,
  verified8VerifierBytecode,
  verified32VerifierBytecode,
} from '@medchain/contracts'
import { encodeDeployData, getAddress, type Address, type Hash, type Hex } from 'viem'
import type { MedchainClient } from '../createMedchainClient.ts'
import { decodeContractError } from '../decodeContractError.ts'
import { MedchainError } from '../errors.ts'
import { assertAddress, assertCompressedPublicKey, assertNonEmptyString, assertString, assertUint, assertUint64 } from '../internal/assert.ts'
import { requireWallet, waitForReceipt } from '../internal/writeContract.ts'
import { rolesToMask, type RoleName } from '../roles.ts'
import type { Deployment } from '../types.ts'

/** A bootstrap member of a new consortium. */
export type MemberInput = {
  org: Address
  name: string
  roles: readonly RoleName[]
  gatewayUrl?: string | undefined
  /** 33-byte compressed secp256k1 encryption key. */
  encryptionPublicKey: Hex
}

export type DeployContractsParameters = {
  /** The founding members; at least one. */
  bootstrap: readonly MemberInput[]
  /** How long a governance proposal stays open. */
  proposalLifetimeSeconds: number | bigint
  /** How long a break-glass access lasts. Default {@link DEFAULT_EMERGENCY_WINDOW_SECONDS} (4 hours). */
  emergencyWindowSeconds?: number | bigint | undefined
}

/** Default break-glass window: 4 hours. */
export const DEFAULT_EMERGENCY_WINDOW_SECONDS = 14_400n

export type DeployContractsReturnType = Deployment

/**
 * Deploys a new consortium from the client's account: the Consortium with its bootstrap members,
 * the IdentityRegistry bound to it, then the RecordRegistry, ConsentRegistry, EmergencyAccess and
 * AccessLog bound to both, the supply chain's DrugRegistry and DeviceRegistry, and the research
 * StudyRegistry with the development verifiers of the enrollment circuits. Each constructor is
 * simulated first, so a bad input
 * fails with the decoded custom error before anything is sent.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. ConsortiumInvalidKey, ConsortiumAlreadyMember),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_RPC_*`
 */
export async function deployContracts(client: MedchainClient, parameters: DeployContractsParameters): Promise<DeployContractsReturnType> {
  if (!Array.isArray(parameters.bootstrap) || parameters.bootstrap.length === 0) {
    throw new MedchainError('"bootstrap" expected at least one member', { code: 'SDK_INVALID_ARGUMENT' })
  }
  const bootstrap = parameters.bootstrap.map((member, i) => {
    const roles = rolesToMask(member.roles)
    if (roles === 0) throw new MedchainError(`"bootstrap[${i}].roles" expected at least one role name`, { code: 'SDK_INVALID_ARGUMENT' })
    return {
      org: assertAddress(`bootstrap[${i}].org`, member.org),
      name: assertNonEmptyString(`bootstrap[${i}].name`, member.name, 256),
      roles,
      gatewayUrl: assertString(`bootstrap[${i}].gatewayUrl`, member.gatewayUrl ?? '', 2048),
      encryptionPublicKey: assertCompressedPublicKey(`bootstrap[${i}].encryptionPublicKey`, member.encryptionPublicKey),
    }
  })
  const lifetime = assertUint('proposalLifetimeSeconds', parameters.proposalLifetimeSeconds, { min: 1n })
  const emergencyWindow = assertUint64('emergencyWindowSeconds', parameters.emergencyWindowSeconds ?? DEFAULT_EMERGENCY_WINDOW_SECONDS)
  if (emergencyWindow === 0n) throw new MedchainError('"emergencyWindowSeconds" must not be zero', { code: 'SDK_INVALID_ARGUMENT' })
  const wallet = requireWallet(client, 'deployContracts')

  const consortium = await deploy(client, {
    data: encodeDeployData({ abi: consortiumAbi, bytecode: consortiumBytecode, args: [bootstrap, lifetime] }),
    context: 'Consortium constructor',
  })
  const identityRegistry = await deploy(client, {
    data: encodeDeployData({ abi: identityRegistryAbi, bytecode: identityRegistryBytecode, args: [consortium.address] }),
    context: 'IdentityRegistry constructor',
  })
  const bound = [consortium.address, identityRegistry.address] as const
  const recordRegistry = await deploy(client, {
    data: encodeDeployData({ abi: recordRegistryAbi, bytecode: recordRegistryBytecode, args: bound }),
    context: 'RecordRegistry constructor',
  })
  const consentRegistry = await deploy(client, {
    data: encodeDeployData({ abi: consentRegistryAbi, bytecode: consentRegistryBytecode, args: bound }),
    context: 'ConsentRegistry constructor',
  })
  const emergencyAccess = await deploy(client, {
    data: encodeDeployData({ abi: emergencyAccessAbi, bytecode: emergencyAccessBytecode, args: [...bound, emergencyWindow] }),
    context: 'EmergencyAccess constructor',
  })
  const accessLog = await deploy(client, {
    data: encodeDeployData({ abi: accessLogAbi, bytecode: accessLogBytecode, args: [consortium.address] }),
    context: 'AccessLog constructor',
  })
  const drugRegistry = await deploy(client, {
    data: encodeDeployData({ abi: drugRegistryAbi, bytecode: drugRegistryBytecode, args: [consortium.address] }),
    context: 'DrugRegistry constructor',
  })
  const deviceRegistry = await deploy(client, {
    data: encodeDeployData({ abi: deviceRegistryAbi, bytecode: deviceRegistryBytecode, args: [consortium.address] }),
    context: 'DeviceRegistry constructor',
  })
  // The development verifiers (circuits/artifacts); `medchain ceremony` installs a consortium's own.
  const verifiers: Address[] = []
  for (const [name, bytecode] of Object.entries(STUDY_VERIFIER_BYTECODES)) {
    verifiers.push((await deploy(client, { data: bytecode, context: `${name} constructor` })).address)
  }
  const studyRegistry = await deploy(client, {
    data: encodeDeployData({ abi: studyRegistryAbi, bytecode: studyRegistryBytecode, args: [consortium.address, verifiers as [Address, Address, Address, Address]] }),
    context: 'StudyRegistry constructor',
  })
  return {
    chainId: client.chain.id,
    consortium: consortium.address,
    identityRegistry: identityRegistry.address,
    recordRegistry: recordRegistry.address,
    consentRegistry: consentRegistry.address,
    emergencyAccess: emergencyAccess.address,
    accessLog: accessLog.address,
    drugRegistry: drugRegistry.address,
    deviceRegistry: deviceRegistry.address,
    studyRegistry: studyRegistry.address,
    deployedAtBlock: consortium.blockNumber,
    deployer: wallet.account.address,
  }
}

// In the StudyRegistry's circuit order: enroll8, enroll32, verified8, verified32.
const STUDY_VERIFIER_BYTECODES = {
  Enroll8Verifier: enroll8VerifierBytecode,
  Enroll32Verifier: enroll32VerifierBytecode,
  Verified8Verifier: verified8VerifierBytecode,
  Verified32Verifier: verified32VerifierBytecode,
} as const

type DeployParameters = { data: Hex; context: string }

async function deploy(client: MedchainClient, { data, context }: DeployParameters): Promise<{ address: Address; blockNumber: bigint }> {
  const wallet = requireWallet(client, context)
  let hash: Hash
  try {
    // A call without `to` runs the constructor: viem has no simulateContract for deployments.
    await client.publicClient.call({ account: wallet.account, data })
    hash = await wallet.sendTransaction({ data })
  } catch (error) {
    throw decodeContractError(error, { context })
  }
  const receipt = await waitForReceipt(client, hash, context)
  if (!receipt.contractAddress) {
    throw new MedchainError(`${context} transaction ${hash} created no contract`, { code: 'SDK_TRANSACTION_FAILED' })
  }
  return { address: getAddress(receipt.contractAddress), blockNumber: receipt.blockNumber }
}
