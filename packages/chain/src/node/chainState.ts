import { createBlock, type Block } from '@ethereumjs/block'
import { createBlockchain, type Blockchain } from '@ethereumjs/blockchain'
import type { Common } from '@ethereumjs/common'
import { MerklePatriciaTrie } from '@ethereumjs/mpt'
import { Caches, MerkleStateManager } from '@ethereumjs/statemanager'
import { Account, KECCAK256_RLP, ValueEncoding, createAddressFromString, hexToBytes } from '@ethereumjs/util'
import { createVM, type VM } from '@ethereumjs/vm'
import { createChainCommon } from './chainConfig.ts'
import { ChainDB, TrieDB } from './dbAdapters.ts'
import type { GenesisConfig } from './genesis.ts'
import { Mutex } from './mutex.ts'
import { BlockCache } from './blockCache.ts'
import type { StagedStore } from './stagedStore.ts'

/** Everything the node executes against: one VM over one world state, one block store. */
export interface ChainState {
  common: Common
  store: StagedStore
  blockchain: Blockchain
  stateManager: MerkleStateManager
  vm: VM
  /** Serialises every use of the VM (sealing, calls, estimates). */
  lock: Mutex
  genesis: GenesisConfig
  /** The head block and recent blocks, decoded. */
  blocks: BlockCache
}

/** Opens the chain in `store`, writing the genesis block and state on first use. */
export async function openChainState(store: StagedStore, genesis: GenesisConfig): Promise<ChainState> {
  const common = createChainCommon(genesis.chainId)
  const trie = new MerklePatriciaTrie({
    db: new TrieDB(store),
    useKeyHashing: true,
    valueEncoding: ValueEncoding.Bytes,
    cacheSize: 50_000,
    common,
  })
  const stateManager = new MerkleStateManager({ trie, common, caches: new Caches() })
  const genesisStateRoot = await writeGenesisState(stateManager, genesis)
  const genesisBlock = createGenesisBlock(common, genesis, genesisStateRoot)
  const blockchain = await createBlockchain({
    common,
    db: new ChainDB(store),
    genesisBlock,
    validateBlocks: false,
    validateConsensus: false,
    hardforkByHeadBlockNumber: false,
  })
  await store.commit(true)
  const head = await blockchain.getCanonicalHeadBlock()
  await stateManager.setStateRoot(head.header.stateRoot)
  const vm = await createVM({ common, stateManager, blockchain, setHardfork: false })
  return { common, store, blockchain, stateManager, vm, lock: new Mutex(), genesis, blocks: new BlockCache(head) }
}

/** Puts the prefunded accounts into the (empty) state and returns the root; rewriting is idempotent. */
async function writeGenesisState(stateManager: MerkleStateManager, genesis: GenesisConfig): Promise<Uint8Array> {
  for (const [address, balance] of Object.entries(genesis.alloc)) {
    await stateManager.putAccount(createAddressFromString(address), new Account(0n, BigInt(balance)))
  }
  return stateManager.getStateRoot()
}

function createGenesisBlock(common: Common, genesis: GenesisConfig, stateRoot: Uint8Array): Block {
  return createBlock(
    {
      header: {
        number: 0n,
        gasLimit: BigInt(genesis.gasLimit),
        timestamp: BigInt(genesis.timestamp),
        coinbase: hexToBytes(genesis.authority),
        stateRoot,
        difficulty: 0n,
        baseFeePerGas: 0n,
        withdrawalsRoot: KECCAK256_RLP,
        blobGasUsed: 0n,
        excessBlobGas: 0n,
        parentBeaconBlockRoot: new Uint8Array(32),
        extraData: new TextEncoder().encode('medchain genesis'),
      },
    },
    { common, setHardfork: false },
  )
}
