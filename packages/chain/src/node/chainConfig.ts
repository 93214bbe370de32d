import { paramsBlock } from '@ethereumjs/block'
import { Common, Hardfork, Mainnet, type ParamsDict } from '@ethereumjs/common'
import { paramsEVM } from '@ethereumjs/evm'
import { paramsTx } from '@ethereumjs/tx'
import { paramsVM } from '@ethereumjs/vm'
import { keccak256 } from './fastKeccak.ts'
import { ecrecover } from './fastSecp256k1.ts'

/** Default chain id of an embedded medchain node: 0x6d6564, "med" in ASCII. */
export const DEFAULT_CHAIN_ID = 7_169_380

/** Default block gas limit, as on Ethereum mainnet in 2024. */
export const DEFAULT_BLOCK_GAS_LIMIT = 30_000_000n

/**
 * The hardfork the embedded chain runs and the contracts are compiled for (solc `evmVersion`).
 * Cancun is the newest fork that Hyperledger Besu, anvil and every wallet support alike.
 */
export const HARDFORK = Hardfork.Cancun

/**
 * Every fork up to Cancun active from genesis, none after it. Mainnet's schedule would otherwise
 * switch a block to a later fork by its timestamp.
 */
function scheduleUpTo(last: string) {
  const end = Mainnet.hardforks.findIndex((fork) => fork.name === last)
  return Mainnet.hardforks
    .slice(0, end + 1)
    .filter((fork) => fork.name !== 'mergeNetsplitBlock' && fork.name !== 'dao')
    .map((fork) => (fork.timestamp === undefined ? { name: fork.name, block: 0 } : { name: fork.name, block: null, timestamp: 0 }))
}

const PARAM_SETS: ParamsDict[] = [paramsBlock, paramsTx, paramsVM, paramsEVM]

/**
 * A Common whose library parameter sets are merged once. EthereumJS copies the Common for every
 * block header it builds and re-merges (deep-cloning) the block parameters into the copy, which
 * cost about 0.7 ms per header here. Copies share the merged tables, so re-merging a known set
 * is skipped; an unknown set still merges as usual.
 */
class PremergedCommon extends Common {
  // A plain property, not a #private field: Common.copy() clones with Object.assign.
  premergedSets = new Set<ParamsDict>()

  premerge(sets: ParamsDict[]): void {
    for (const set of sets) super.updateParams(set)
    for (const set of sets) this.premergedSets.add(set)
  }

  override updateParams(params: ParamsDict): void {
    if (!this.premergedSets.has(params)) super.updateParams(params)
  }
}

/** An EthereumJS `Common` for a medchain chain id at the pinned hardfork. */
export function createChainCommon(chainId: number): Common {
  const common = new PremergedCommon({
    chain: { ...Mainnet, chainId, name: `medchain-${chainId}`, hardforks: scheduleUpTo(HARDFORK), defaultHardfork: HARDFORK },
    hardfork: HARDFORK,
    customCrypto: { ecrecover, keccak256 },
  })
  common.premerge(PARAM_SETS)
  return common
}
