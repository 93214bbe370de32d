import { keccak_256 } from '@noble/hashes/sha3.js'
import { utf8ToBytes, bytesToHex } from '@noble/hashes/utils.js'
import { secp256k1 } from '@noble/curves/secp256k1.js'
import { DEFAULT_BLOCK_GAS_LIMIT, DEFAULT_CHAIN_ID } from './chainConfig.ts'

/** What a chain starts from; stored beside the database so a restart rebuilds the same genesis. */
export interface GenesisConfig {
  chainId: number
  /** The sealing authority: the only address whose signature makes a block. */
  authority: `0x${string}`
  /** Genesis time, unix seconds. */
  timestamp: number
  gasLimit: string
  /** Prefunded balances in wei (decimal strings). */
  alloc: Record<`0x${string}`, string>
}

/** Balance given to each development account: one billion ether, so fees never matter in tests. */
export const DEV_ACCOUNT_BALANCE = 10n ** 27n

/**
 * Deterministic development keys: keccak256("medchain-dev-account-" + i). Public knowledge, so
 * they are for local chains and tests only, never for a deployment.
 */
export function devAccountKey(index: number): `0x${string}` {
  if (!Number.isInteger(index) || index < 0) throw new Error(`"index" expected a non-negative integer, got ${index}`)
  return `0x${bytesToHex(keccak_256(utf8ToBytes(`medchain-dev-account-${index}`)))}`
}

/** The checksum-free lowercase address of a private key. */
export function addressOfKey(privateKey: `0x${string}`): `0x${string}` {
  const publicKey = secp256k1.getPublicKey(hexBytes(privateKey), false)
  return `0x${bytesToHex(keccak_256(publicKey.subarray(1)).subarray(12))}`
}

export interface DevGenesisOptions {
  chainId?: number
  authorityKey: `0x${string}`
  devAccounts: number
  timestamp?: number
}

/** A genesis for a local chain: the authority and `devAccounts` deterministic accounts funded. */
export function createDevGenesis(options: DevGenesisOptions): GenesisConfig {
  const alloc: GenesisConfig['alloc'] = {}
  alloc[addressOfKey(options.authorityKey)] = DEV_ACCOUNT_BALANCE.toString()
  for (let i = 0; i < options.devAccounts; i++) alloc[addressOfKey(devAccountKey(i))] = DEV_ACCOUNT_BALANCE.toString()
  return {
    chainId: options.chainId ?? DEFAULT_CHAIN_ID,
    authority: addressOfKey(options.authorityKey),
    timestamp: options.timestamp ?? Math.floor(Date.now() / 1000),
    gasLimit: DEFAULT_BLOCK_GAS_LIMIT.toString(),
    alloc,
  }
}

function hexBytes(hex: `0x${string}`): Uint8Array {
  return Uint8Array.from(Buffer.from(hex.slice(2), 'hex'))
}
