import { recordRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { bytes32ToResourceType } from '../../encoding/resourceType.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { RecordAnchor } from '../../types.ts'

export type GetRecordAnchorParameters = {
  recordId: Hex
}

/** The latest version, or undefined for a record never anchored singly (it may be in a batch). */
export type GetRecordAnchorReturnType = RecordAnchor | undefined

/**
 * Reads the latest singly anchored version of a record.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getRecordAnchor(client: MedchainClient, parameters: GetRecordAnchorParameters): Promise<GetRecordAnchorReturnType> {
  const recordId = assertBytes32('recordId', parameters.recordId)
  const { recordRegistry } = requireDeployment(client)
  const raw = await readContract(client, {
    address: recordRegistry,
    abi: recordRegistryAbi,
    functionName: 'getRecord',
    args: [recordId],
    context: 'RecordRegistry.getRecord',
  })
  // Versions start at 1: 0 means no anchor.
  if (raw.version === 0) return undefined
  return {
    recordId,
    patient: raw.patient,
    custodian: raw.custodian,
    resourceType: bytes32ToResourceType(raw.resourceType),
    contentHash: raw.contentHash,
    version: raw.version,
    anchoredAt: raw.anchoredAt,
  }
}
