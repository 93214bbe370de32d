// Deployment files: the contract addresses of each chain, one JSON file per chain id, so that
// every tool pointed at the same directory finds the same contracts.
import { mkdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { getAddress, isAddress, type Address } from 'viem'
import { MedchainError } from '../errors.ts'
import { atomicWrite } from '../internal/atomicWrite.ts'
import type { Deployment } from '../types.ts'

/** The JSON form of a {@link Deployment} (block number as a plain number). */
type DeploymentJson = {
  chainId: number
  consortium: Address
  identityRegistry: Address
  recordRegistry: Address
  consentRegistry: Address
  emergencyAccess: Address
  accessLog: Address
  drugRegistry: Address
  deviceRegistry: Address
  studyRegistry: Address
  deployedAtBlock: number
  deployer: Address
}

/** `<dir>/deployments/<chainId>.json`. */
export function deploymentFilePath(dir: string, chainId: number): string {
  assertChainId(chainId)
  return join(dir, 'deployments', `${chainId}.json`)
}

/**
 * Records `deployment` in `<dir>/deployments/<chainId>.json`, replacing any previous one
 * atomically. Returns the file's path.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_FILE_ERROR`
 */
export async function saveDeployment(dir: string, deployment: Deployment): Promise<string> {
  const json = toJson(deployment)
  const path = deploymentFilePath(dir, json.chainId)
  try {
    await mkdir(join(dir, 'deployments'), { recursive: true })
    await atomicWrite(path, `${JSON.stringify(json, null, 2)}\n`)
  } catch (cause) {
    throw new MedchainError(`Cannot write deployment file ${path}`, { code: 'SDK_FILE_ERROR', details: (cause as Error).message, cause })
  }
  return path
}

/**
 * Reads the deployment of `chainId` from `<dir>/deployments/<chainId>.json`.
 * @throws MedchainError `SDK_DEPLOYMENT_NOT_FOUND`, `SDK_DEPLOYMENT_INVALID` (names the file and field), `SDK_FILE_ERROR`
 */
export async function loadDeployment(dir: string, chainId: number): Promise<Deployment> {
  const path = deploymentFilePath(dir, chainId)
  const deployment = await readDeploymentFile(path)
  if (deployment.chainId !== chainId) {
    throw new MedchainError(`Deployment file ${path} is for chain ${deployment.chainId}, not ${chainId}`, { code: 'SDK_DEPLOYMENT_INVALID' })
  }
  return deployment
}

/**
 * Reads and validates a deployment file at any path.
 * @throws MedchainError `SDK_DEPLOYMENT_NOT_FOUND`, `SDK_DEPLOYMENT_INVALID`, `SDK_FILE_ERROR`
 */
export async function readDeploymentFile(path: string): Promise<Deployment> {
  let text: string
  try {
    text = await readFile(path, 'utf8')
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MedchainError(`No deployment file ${path}`, {
        code: 'SDK_DEPLOYMENT_NOT_FOUND',
        details: 'deploy the contracts first (`medchain up` does it for a local chain) or pass the right directory',
        cause,
      })
    }
    throw new MedchainError(`Cannot read deployment file ${path}`, { code: 'SDK_FILE_ERROR', details: (cause as Error).message, cause })
  }
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch (cause) {
    throw new MedchainError(`Deployment file ${path} is not valid JSON`, { code: 'SDK_DEPLOYMENT_INVALID', cause })
  }
  return parseDeployment(json, `deployment file ${path}`)
}

function parseDeployment(json: unknown, source: string): Deployment {
  const invalid = (field: string, expected: string) =>
    source === 'deployment'
      ? new MedchainError(`"deployment.${field}" expected ${expected}`, { code: 'SDK_INVALID_ARGUMENT' })
      : new MedchainError(`Invalid ${source}: "${field}" expected ${expected}`, { code: 'SDK_DEPLOYMENT_INVALID' })
  if (typeof json !== 'object' || json === null || Array.isArray(json)) throw invalid('(root)', 'an object')
  const record = json as Record<string, unknown>
  const address = (field: string): Address => {
    const value = record[field]
    if (typeof value !== 'string' || !isAddress(value, { strict: false })) throw invalid(field, 'an address')
    return getAddress(value)
  }
  const { chainId, deployedAtBlock } = record
  if (typeof chainId !== 'number' || !Number.isSafeInteger(chainId) || chainId <= 0) throw invalid('chainId', 'a positive integer')
  if (typeof deployedAtBlock !== 'number' || !Number.isSafeInteger(deployedAtBlock) || deployedAtBlock < 0) {
    throw invalid('deployedAtBlock', 'a non-negative integer')
  }
  return {
    chainId,
    consortium: address('consortium'),
    identityRegistry: address('identityRegistry'),
    recordRegistry: address('recordRegistry'),
    consentRegistry: address('consentRegistry'),
    emergencyAccess: address('emergencyAccess'),
    accessLog: address('accessLog'),
    drugRegistry: address('drugRegistry'),
    deviceRegistry: address('deviceRegistry'),
    studyRegistry: address('studyRegistry'),
    deployedAtBlock: BigInt(deployedAtBlock),
    deployer: address('deployer'),
  }
}

/** The JSON form of `deployment`, checked like a file so that nothing invalid is ever written. */
function toJson(deployment: Deployment): DeploymentJson {
  const block = (deployment as Partial<Deployment> | null)?.deployedAtBlock
  if (typeof block !== 'bigint' || block < 0n || block > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new MedchainError('"deployment.deployedAtBlock" expected a non-negative bigint', { code: 'SDK_INVALID_ARGUMENT' })
  }
  const { chainId, consortium, identityRegistry, recordRegistry, consentRegistry, emergencyAccess, accessLog, drugRegistry, deviceRegistry, studyRegistry, deployer } = deployment
  const json = {
    chainId,
    consortium,
    identityRegistry,
    recordRegistry,
    consentRegistry,
    emergencyAccess,
    accessLog,
    drugRegistry,
    deviceRegistry,
    studyRegistry,
    deployedAtBlock: Number(block),
    deployer,
  }
  parseDeployment(json, 'deployment')
  return json
}

function assertChainId(chainId: number): void {
  if (!Number.isSafeInteger(chainId) || chainId <= 0) {
    throw new MedchainError(`"chainId" expected a positive integer, got ${chainId}`, { code: 'SDK_INVALID_ARGUMENT' })
  }
}
