import { CryptoError, openEnvelope, rewrapKey } from '@medchain/crypto'
import type { RecordVersion } from '@medchain/index'
import type { RecordLeaf } from '@medchain/sdk'
import type { FhirResource } from 'fhir/r4.js'
import type { Hex } from 'viem'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { recordIdOf, type RecordKey } from '../internal/recordIds.ts'
import { leafOfRow, loadChecked } from '../records/openStored.ts'
import { verifyAnchor } from '../records/verifyAnchor.ts'

/**
 * One record version as a custodian hands it to a peer: still encrypted, its data key re-wrapped
 * for the reading member, with everything the reader needs to check it against the chain.
 */
export type RecordTransfer = {
  recordKey: string
  lastUpdated: string
  leaf: RecordLeaf
  root: Hex
  proof: Hex[]
  /** base64 ciphertext, exactly as stored. */
  ciphertext: string
  /** base64 ECIES payload of the data key, for the reading member's encryption key. */
  wrappedKey: string
}

const integrity = (message: string, cause?: unknown) => new GatewayError(message, { code: 'GATEWAY_INTEGRITY_FAILED', cause })

/**
 * Packs a record version held here for the member whose encryption key is `readerPublicKey`. The
 * custodian checks the version against the chain before handing it out, so a tampered copy is
 * refused at the source as well as at the reader.
 * @throws GatewayError `GATEWAY_GONE`, `GATEWAY_INTEGRITY_FAILED`
 */
export async function packTransfer(ctx: GatewayContext, row: RecordVersion, readerPublicKey: Hex): Promise<RecordTransfer> {
  const { ciphertext, wrappedKey: wrapped } = await loadChecked(ctx, row)
  const wrappedKey = rewrapKey({ wrappedKey: wrapped, receiver: ctx.receiver, ciphertextHash: row.contentHash, recipientSender: ctx.senders.to(readerPublicKey) })
  return {
    recordKey: row.recordKey,
    lastUpdated: row.lastUpdated,
    leaf: leafOfRow(row),
    // loadChecked refused a row without its root and proof.
    root: row.batchRoot as Hex,
    proof: row.proof as Hex[],
    ciphertext: Buffer.from(ciphertext).toString('base64'),
    wrappedKey: Buffer.from(wrappedKey).toString('base64'),
  }
}

/**
 * Opens a record received from a peer: the leaf must prove into a root anchored on chain by the
 * leaf's custodian, the ciphertext must hash to the anchored content hash, and the plaintext must
 * be the resource the leaf names. Nothing the peer says is taken on trust.
 * @throws GatewayError `GATEWAY_INTEGRITY_FAILED`, `GATEWAY_CHAIN_UNAVAILABLE`
 */
export async function openTransfer(ctx: GatewayContext, transfer: RecordTransfer): Promise<FhirResource> {
  if (typeof transfer !== 'object' || transfer === null || typeof transfer.ciphertext !== 'string' || typeof transfer.wrappedKey !== 'string') {
    throw integrity('A peer answered with a malformed record transfer')
  }
  if (typeof transfer.recordKey !== 'string' || recordIdOf(transfer.recordKey as RecordKey) !== transfer.leaf?.recordId?.toLowerCase()) {
    throw integrity('A peer answered with a record whose key does not match its anchor')
  }
  await verifyAnchor(transfer.leaf, { root: transfer.root, proof: transfer.proof }, ctx.recordBatches)
  let resource: FhirResource
  try {
    const plaintext = openEnvelope({
      ciphertext: new Uint8Array(Buffer.from(transfer.ciphertext, 'base64')),
      wrappedKey: new Uint8Array(Buffer.from(transfer.wrappedKey, 'base64')),
      receiver: ctx.receiver,
      expectedHash: transfer.leaf.contentHash,
    })
    resource = JSON.parse(Buffer.from(plaintext).toString('utf8')) as FhirResource
  } catch (error) {
    if (error instanceof CryptoError) {
      throw integrity(
        error.code === 'CRYPTO_HASH_MISMATCH'
          ? `${transfer.recordKey} from its custodian does not match the on-chain hash`
          : `${transfer.recordKey} from its custodian does not decrypt`,
        error,
      )
    }
    throw error
  }
  if (resource.resourceType !== transfer.leaf.resourceType || `${resource.resourceType}/${resource.id}` !== transfer.recordKey) {
    throw integrity(`${transfer.recordKey} from its custodian holds another resource than its anchor names`)
  }
  return resource
}
