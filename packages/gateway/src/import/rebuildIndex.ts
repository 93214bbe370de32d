import { join } from 'node:path'
import { bytesToHex, createEciesReceiver, createMerkleBatch, openEnvelope, privateKeyToAddress } from '@medchain/crypto'
import { extractSearchParams } from '@medchain/fhir'
import { openIndex, type RecordVersionInput } from '@medchain/index'
import { createMedchainClient, encodeRecordLeaf, getRecordBatch, type CreateMedchainClientParameters, type Deployment } from '@medchain/sdk'
import { createDiskBlobBackend, openKeyStore } from '@medchain/store'
import type { FhirResource } from 'fhir/r4.js'
import { zeroHash, type Hex } from 'viem'
import { parseManifest } from '../records/batchManifest.ts'
import { READERS } from '../records/sealRecord.ts'
import { searchParamRows } from '../records/searchParamRows.ts'

/** Options of {@link rebuildIndex}. */
export type RebuildIndexOptions = {
  /** The gateway's data directory (its store and, by default, its index). The gateway must be stopped. */
  dataDir: string
  privateKey: Hex
  deployment: Deployment
  chain: Pick<CreateMedchainClientParameters, 'provider' | 'rpcUrl' | 'transport'>
  indexUrl?: string | undefined
  /** Told after each batch: batches done, of how many, and records indexed so far. */
  onProgress?: (progress: { batches: number; totalBatches: number; records: number }) => void
}

/** What {@link rebuildIndex} did. */
export type RebuildIndexReturnType = { batches: number; records: number; erased: number; skipped: { root: Hex; reason: string }[] }

/**
 * Rebuilds a gateway's index from the chain and its store alone: every batch manifest in the store
 * whose root this custodian anchored on chain is replayed (its proofs recomputed from the leaves),
 * each record decrypted with the custodian key to index its search parameters, and records whose
 * keys were shredded come back as erased. The access log and other local tables are kept.
 */
export async function rebuildIndex(options: RebuildIndexOptions): Promise<RebuildIndexReturnType> {
  const custodian = privateKeyToAddress(options.privateKey).toLowerCase()
  const client = await createMedchainClient({ ...options.chain, deployment: options.deployment })
  const index = await openIndex({ url: options.indexUrl, dataDir: options.indexUrl === undefined ? join(options.dataDir, 'index') : undefined })
  const blobs = await createDiskBlobBackend({ dir: join(options.dataDir, 'blobs') })
  const keys = await openKeyStore({ dir: join(options.dataDir, 'keys') })
  const receiver = createEciesReceiver({ privateKey: options.privateKey })
  const result: RebuildIndexReturnType = { batches: 0, records: 0, erased: 0, skipped: [] }
  try {
    await index.truncateDerivedTables()
    const manifests = await keys.listManifests()
    for (const [i, { root, manifestHash }] of manifests.entries()) {
      const onChain = await getRecordBatch(client, { root })
      const bytes = await blobs.get(manifestHash)
      if (onChain === undefined || onChain.custodian.toLowerCase() !== custodian || bytes === undefined) {
        // A batch that never reached the chain (a crash before its anchor) was never acknowledged.
        result.skipped.push({ root, reason: onChain === undefined ? 'not anchored on chain' : bytes === undefined ? 'manifest missing from the store' : 'anchored by another member' })
        continue
      }
      const manifest = parseManifest(bytes)
      const batch = createMerkleBatch()
      for (const record of manifest.records) batch.add(encodeRecordLeaf(record.leaf))
      const sealed = batch.seal()
      if (bytesToHex(sealed.root) !== root) {
        result.skipped.push({ root, reason: 'manifest does not hash to its root' })
        continue
      }
      const rows: RecordVersionInput[] = []
      const erased: { recordKey: string; reason: string; at: string }[] = []
      for (const [leafIndex, record] of manifest.records.entries()) {
        const { leaf } = record
        const wrapped = (await keys.get(leaf.contentHash))?.[READERS.custodian]
        let searchParams: RecordVersionInput['searchParams'] = []
        if (wrapped === undefined) {
          const erasure = await keys.erasure(leaf.contentHash)
          if (erasure !== undefined) erased.push({ recordKey: record.recordKey, reason: erasure.reason, at: erasure.erasedAt })
        } else {
          const ciphertext = await blobs.get(leaf.contentHash)
          if (ciphertext !== undefined) {
            const resource = JSON.parse(Buffer.from(openEnvelope({ ciphertext, wrappedKey: wrapped, receiver, expectedHash: leaf.contentHash })).toString('utf8')) as FhirResource
            searchParams = searchParamRows(extractSearchParams(resource))
          }
        }
        rows.push({
          recordKey: record.recordKey,
          recordId: leaf.recordId,
          version: leaf.version,
          resourceType: leaf.resourceType,
          patient: leaf.patient,
          custodian: leaf.custodian,
          contentHash: leaf.contentHash,
          previousHash: leaf.previousContentHash === zeroHash ? null : leaf.previousContentHash,
          anchorKind: 'batch',
          batchRoot: root,
          leafIndex,
          proof: (sealed.proofs[leafIndex] as Uint8Array[]).map(bytesToHex),
          lastUpdated: record.lastUpdated,
          searchParams,
        })
      }
      await index.insertRecordVersions(rows)
      for (const erasure of erased) await index.markErased({ recordKey: erasure.recordKey, reason: erasure.reason, at: erasure.at })
      result.batches += 1
      result.records += rows.length
      result.erased += erased.length
      options.onProgress?.({ batches: i + 1, totalBatches: manifests.length, records: result.records })
    }
    return result
  } finally {
    await Promise.all([blobs.close(), keys.close()])
    await index.close()
  }
}
