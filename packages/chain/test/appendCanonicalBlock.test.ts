import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { it } from 'node:test'
import { createBlock } from '@ethereumjs/block'
import { KECCAK256_RLP, bytesToHex } from '@ethereumjs/util'
import { ClassicLevel } from 'classic-level'
import { appendCanonicalBlock } from '../src/node/appendCanonicalBlock.ts'
import { openChainState } from '../src/node/chainState.ts'
import { createDevGenesis, devAccountKey } from '../src/node/genesis.ts'
import { StagedStore } from '../src/node/stagedStore.ts'

async function dump(path: string): Promise<Map<string, string>> {
  const db = new ClassicLevel<Uint8Array, Uint8Array>(path, { keyEncoding: 'view', valueEncoding: 'view' })
  const out = new Map<string, string>()
  for await (const [key, value] of db.iterator()) out.set(bytesToHex(key), bytesToHex(value))
  await db.close()
  return out
}

it('appendCanonicalBlock writes exactly the records Blockchain.putBlock writes', async () => {
  const root = await mkdtemp(join(tmpdir(), 'medchain-append-'))
  try {
    const genesis = createDevGenesis({ authorityKey: devAccountKey(99), devAccounts: 1, timestamp: 1_700_000_000 })
    const paths = [join(root, 'put'), join(root, 'append')]
    for (const [i, path] of paths.entries()) {
      const store = await StagedStore.open(path)
      const state = await openChainState(store, genesis)
      let parent = state.blocks.head
      for (let n = 1n; n <= 3n; n++) {
        const block = createBlock(
          {
            header: {
              parentHash: parent.hash(), number: n, timestamp: parent.header.timestamp + 1n, gasLimit: parent.header.gasLimit,
              stateRoot: parent.header.stateRoot, baseFeePerGas: 0n, withdrawalsRoot: KECCAK256_RLP, blobGasUsed: 0n,
              excessBlobGas: 0n, parentBeaconBlockRoot: new Uint8Array(32),
            },
          },
          { common: state.common, setHardfork: false },
        )
        if (i === 0) await state.blockchain.putBlock(block)
        else await appendCanonicalBlock(state.blockchain, block)
        await store.commit(false)
        parent = block
      }
      assert.equal((await state.blockchain.getCanonicalHeadBlock()).header.number, 3n)
      await store.close()
    }
    assert.deepEqual(await dump(paths[1]!), await dump(paths[0]!))
  } finally {
    await rm(root, { recursive: true, force: true })
  }
})
