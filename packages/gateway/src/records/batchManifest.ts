import { canonicalJson, utf8ToBytes } from '@medchain/crypto'
import type { RecordLeaf } from '@medchain/sdk'
import { contentHash, type BlobInput } from '@medchain/store'
import type { Address, Hex } from 'viem'

/** What a custodian keeps of each anchored batch: its leaves in order, with each record's key and time. */
export type BatchManifest = {
  format: 'medchain-batch-manifest-v1'
  root: Hex
  custodian: Address
  records: { recordKey: string; lastUpdated: string; leaf: RecordLeaf }[]
}

/** The manifest as a blob for the store (canonical JSON, content-addressed like every blob). */
export function manifestBlob(manifest: BatchManifest): BlobInput {
  const bytes = utf8ToBytes(canonicalJson(manifest))
  return { hash: contentHash(bytes), bytes }
}

/** Parses a manifest blob back. */
export function parseManifest(bytes: Uint8Array): BatchManifest {
  const manifest = JSON.parse(Buffer.from(bytes).toString('utf8')) as BatchManifest
  if (manifest?.format !== 'medchain-batch-manifest-v1' || !Array.isArray(manifest.records)) throw new Error('not a batch manifest')
  return manifest
}
