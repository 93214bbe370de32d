import { CryptoError, openEnvelope } from '@medchain/crypto'
import type { FhirResource } from 'fhir/r4.js'
import type { RecordVersion } from '@medchain/index'
import type { RecordLeaf } from '@medchain/sdk'
import { isStoreError } from '@medchain/store'
import { zeroHash } from 'viem'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { READERS } from './sealRecord.ts'
import { verifyAnchor } from './verifyAnchor.ts'

/** The anchor leaf an index row claims: every field a reader is about to trust. */
export function leafOfRow(row: RecordVersion): RecordLeaf {
  return {
    recordId: row.recordId,
    patient: row.patient,
    custodian: row.custodian,
    resourceType: row.resourceType,
    contentHash: row.contentHash,
    version: row.version,
    previousContentHash: row.previousHash ?? zeroHash,
  }
}

const integrity = (message: string, cause?: unknown) => new GatewayError(message, { code: 'GATEWAY_INTEGRITY_FAILED', cause })

/** A stored record version checked against its anchor: the ciphertext and the custodian's wrapped data key. */
export type CheckedSealed = { ciphertext: Uint8Array; wrappedKey: Uint8Array }

/**
 * Loads a record version this gateway holds, trusting neither the index nor the store: the row's
 * fields must prove into a root the custodian anchored on chain, and the blob must hash to the
 * anchored content hash (the store re-hashes it). Both reading here and handing a record to a
 * peer start with this.
 * @throws GatewayError `GATEWAY_GONE` (erased), `GATEWAY_INTEGRITY_FAILED`, `GATEWAY_CHAIN_UNAVAILABLE`
 */
export async function loadChecked(ctx: GatewayContext, row: RecordVersion): Promise<CheckedSealed> {
  if (row.erasedAt !== null) {
    throw new GatewayError(`${row.recordKey} was erased on ${row.erasedAt}: ${row.erasureReason ?? 'no reason given'}`, { code: 'GATEWAY_GONE' })
  }
  if (row.anchorKind !== 'batch' || row.batchRoot === null || row.proof === null) {
    throw integrity(`${row.recordKey} version ${row.version} is not anchored on chain yet`)
  }
  await verifyAnchor(leafOfRow(row), { root: row.batchRoot, proof: row.proof }, ctx.recordBatches)
  let ciphertext: Uint8Array | undefined
  try {
    ciphertext = await ctx.blobs.get(row.contentHash)
  } catch (error) {
    if (isStoreError(error, 'STORE_CORRUPT_BLOB')) throw integrity(`${row.recordKey} version ${row.version} was altered on disk: its ciphertext no longer matches the on-chain hash`, error)
    throw error
  }
  const wrappedKey = (await ctx.keys.get(row.contentHash))?.[READERS.custodian]
  if (ciphertext === undefined || wrappedKey === undefined) {
    const erasure = await ctx.keys.erasure(row.contentHash)
    if (erasure !== undefined) throw new GatewayError(`${row.recordKey} was erased on ${erasure.erasedAt}: ${erasure.reason}`, { code: 'GATEWAY_GONE' })
    throw integrity(`${row.recordKey} version ${row.version} is ${ciphertext === undefined ? 'missing from the store' : 'without a data key at this custodian'}`)
  }
  return { ciphertext, wrappedKey }
}

/**
 * Opens a record version this gateway holds (see {@link loadChecked}); the decrypted resource
 * must be the one the row names.
 * @throws GatewayError `GATEWAY_GONE` (erased), `GATEWAY_INTEGRITY_FAILED`, `GATEWAY_CHAIN_UNAVAILABLE`
 */
export async function openStored(ctx: GatewayContext, row: RecordVersion): Promise<FhirResource> {
  const { ciphertext, wrappedKey: wrapped } = await loadChecked(ctx, row)
  let resource: FhirResource
  try {
    const plaintext = openEnvelope({ ciphertext, wrappedKey: wrapped, receiver: ctx.receiver, expectedHash: row.contentHash })
    resource = JSON.parse(Buffer.from(plaintext).toString('utf8')) as FhirResource
  } catch (error) {
    if (error instanceof CryptoError) throw integrity(`${row.recordKey} version ${row.version} does not decrypt: ciphertext or key altered`, error)
    throw error
  }
  if (`${resource.resourceType}/${resource.id}` !== row.recordKey) throw integrity(`${row.recordKey} holds another resource than the index says`)
  return resource
}
