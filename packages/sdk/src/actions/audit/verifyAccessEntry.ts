import { accessLogAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { toAccessEntryStruct } from '../../encoding/accessEntry.ts'
import { assertBytes32, assertBytes32Array } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { AccessEntry } from '../../types.ts'

export type VerifyAccessEntryParameters = {
  root: Hex | Uint8Array
  entry: AccessEntry
  /** The entry's Merkle proof, e.g. `createMerkleBatch().seal().proofs[i]`. */
  proof: readonly (Hex | Uint8Array)[]
}

/** True iff the batch is logged, by the entry's member, and the proof holds. */
export type VerifyAccessEntryReturnType = boolean

/**
 * Checks on chain that an access entry was logged in a batch.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function verifyAccessEntry(client: MedchainClient, parameters: VerifyAccessEntryParameters): Promise<VerifyAccessEntryReturnType> {
  const root = assertBytes32('root', parameters.root)
  const entry = toAccessEntryStruct(parameters.entry)
  const proof = assertBytes32Array('proof', parameters.proof, { maxLength: 256 })
  const { accessLog } = requireDeployment(client)
  return readContract(client, {
    address: accessLog,
    abi: accessLogAbi,
    functionName: 'verifyEntry',
    args: [root, entry, proof],
    context: 'AccessLog.verifyEntry',
  })
}
