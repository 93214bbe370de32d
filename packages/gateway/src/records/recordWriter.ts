import { bytesToHex, createMerkleBatch } from '@medchain/crypto'
import type { RecordIndex, SearchParamInput } from '@medchain/index'
import { anchorRecordBatch, encodeRecordLeaf, getRecordBatch, type MedchainClient } from '@medchain/sdk'
import type { BlobBackend, KeyStore } from '@medchain/store'
import type { Address, Hex } from 'viem'
import { createGroupCommit } from '../internal/groupCommit.ts'
import { manifestBlob } from './batchManifest.ts'
import { type SealedRecord, type SealInput, sealRecord } from './sealRecord.ts'
import type { SenderPool } from './senderPool.ts'

/**
 * Gas limit of an anchor: a fixed-cost write (about 60k gas), so estimation (a dozen EVM runs per
 * anchor) is skipped; unused gas costs nothing at the consortium's zero gas price.
 */
export const ANCHOR_GAS = 200_000n

/** One record version to write: what sealRecord takes, plus its search parameters. */
export type WriteInput = SealInput & { lastUpdated: string; searchParams: readonly SearchParamInput[] }

/** Where a written version was anchored. */
export type WrittenRecord = { contentHash: Hex; root: Hex; leafIndex: number; proof: Hex[]; block: number }

/** Options of {@link createRecordWriter}. */
export type CreateRecordWriterOptions = {
  index: RecordIndex
  blobs: BlobBackend
  keys: KeyStore
  /** Sends RecordRegistry.anchorBatch from the custodian's key. */
  client: MedchainClient
  custodian: { address: Address; publicKey: Hex }
  senders: SenderPool
  /** How long a lone write waits for others to share its anchor (default 0: load alone batches). */
  maxWaitMs?: number | undefined
}

/**
 * The write path of records: seal (encrypt, wrap keys), store blob and keys durably, then anchor
 * in Merkle batches shared by concurrent writers (one RecordRegistry.anchorBatch per group) and
 * index each version with its inclusion proof. The index rows go in as `pending` before the
 * anchor is sent, so a crash at any point leaves either nothing visible or a pending batch that
 * {@link RecordWriter.resumePending} anchors (or recognises as anchored) at the next start.
 */
export function createRecordWriter({ index, blobs, keys, client, custodian, senders, maxWaitMs = 0 }: CreateRecordWriterOptions) {
  const anchor = createGroupCommit<{ input: WriteInput; sealed: SealedRecord }, WrittenRecord>({
    maxItems: 8192,
    maxWaitMs,
    flush: async (items) => {
      const batch = createMerkleBatch()
      for (const { sealed } of items) batch.add(encodeRecordLeaf(sealed.leaf))
      const { root: rootBytes, proofs } = batch.seal()
      const root = bytesToHex(rootBytes)
      const entries = items.map(({ input, sealed }, i) => ({
        recordKey: input.key,
        version: input.version,
        leafIndex: i,
        proof: (proofs[i] as Uint8Array[]).map(bytesToHex),
        sealed,
        input,
      }))
      // The manifest goes to the store first: with it, the index can be rebuilt from the chain
      // and the store alone (rebuildIndex).
      const manifest = manifestBlob({
        format: 'medchain-batch-manifest-v1',
        root,
        custodian: custodian.address,
        records: entries.map(({ input, sealed }) => ({ recordKey: input.key, lastUpdated: input.lastUpdated, leaf: sealed.leaf })),
      })
      await blobs.putMany([manifest])
      await keys.putManifest(root, manifest.hash)
      await index.insertRecordVersions(
        entries.map(({ input, sealed, leafIndex, proof }) => ({
          recordKey: input.key,
          recordId: sealed.leaf.recordId,
          version: input.version,
          resourceType: input.resource.resourceType,
          patient: input.patient,
          custodian: custodian.address,
          contentHash: sealed.leaf.contentHash,
          previousHash: input.previousContentHash,
          anchorKind: 'pending' as const,
          batchRoot: root,
          leafIndex,
          proof,
          lastUpdated: input.lastUpdated,
          searchParams: input.searchParams,
        })),
      )
      const { receipt } = await anchorRecordBatch(client, { root, count: items.length, gas: ANCHOR_GAS })
      const block = Number(receipt.blockNumber)
      await index.confirmBatch({ root, block })
      return entries.map(({ sealed, leafIndex, proof }) => ({ contentHash: sealed.leaf.contentHash, root, leafIndex, proof, block }))
    },
  })

  return {
    /**
     * Writes record versions and resolves once they are stored, anchored and indexed.
     * @throws StoreError, MedchainError (the anchor transaction), IndexError: nothing of the
     *   group becomes current unless its anchor is on chain.
     */
    async write(inputs: readonly WriteInput[]): Promise<WrittenRecord[]> {
      const sealed = inputs.map((input) => sealRecord(input, custodian, senders))
      await Promise.all([blobs.putMany(sealed.map((s) => s.blob)), keys.putMany(sealed.map((s) => ({ hash: s.blob.hash, keys: s.keys })))])
      return anchor.add(inputs.map((input, i) => ({ input, sealed: sealed[i] as SealedRecord })))
    },

    /** Anchors (or recognises as anchored) every batch a crash left pending; returns how many. */
    async resumePending(): Promise<number> {
      const pending = await index.listPendingBatches()
      for (const { batchRoot, count } of pending) {
        if (batchRoot === null) continue
        const onChain = await getRecordBatch(client, { root: batchRoot })
        const block = onChain !== undefined ? await client.publicClient.getBlockNumber() : (await anchorRecordBatch(client, { root: batchRoot, count })).receipt.blockNumber
        await index.confirmBatch({ root: batchRoot, block: Number(block) })
      }
      return pending.length
    },
  }
}

/** What {@link createRecordWriter} returns. */
export type RecordWriter = ReturnType<typeof createRecordWriter>
