import { recordRegistryAbi } from '@medchain/contracts'
import { zeroHash, type Address, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { resourceTypeToBytes32 } from '../../encoding/resourceType.ts'
import { assertAddress, assertBytes32 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { requireEvent } from '../../internal/requireEvent.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type AnchorRecordParameters = {
  /** Non-zero id the custodian chose for the record (the same across its versions). */
  recordId: Hex
  /** The patient's registered pseudonym. */
  patient: Address
  /** FHIR resource type name, e.g. `Observation`. */
  resourceType: string
  /** SHA-256 of the encrypted resource (its content address). */
  contentHash: Hex
  /** For an update, the current version's content hash; omit (zero) for a new record. */
  previousContentHash?: Hex | undefined
}

export type AnchorRecordReturnType = ContractWriteResult<typeof recordRegistryAbi> & {
  /** The version anchored: 1 for a new record. */
  version: number
}

/**
 * Anchors a new record or a new version of one. The caller is a hospital member or one of its
 * clinicians; the member becomes (or must be) the custodian. Nothing but ids and hashes goes on chain.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (e.g. RecordStaleVersion when another version was
 *   anchored meanwhile, RecordNotCustodian, RecordUnknownPatient, RecordAlreadyErased, ConsortiumMissingRole),
 *   `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function anchorRecord(client: MedchainClient, parameters: AnchorRecordParameters): Promise<AnchorRecordReturnType> {
  const recordId = assertBytes32('recordId', parameters.recordId, { nonZero: true })
  const patient = assertAddress('patient', parameters.patient)
  const resourceType = resourceTypeToBytes32(parameters.resourceType)
  const contentHash = assertBytes32('contentHash', parameters.contentHash, { nonZero: true })
  const previousContentHash = assertBytes32('previousContentHash', parameters.previousContentHash ?? zeroHash)
  const { recordRegistry } = requireDeployment(client)
  const result = await writeContract(client, {
    address: recordRegistry,
    abi: recordRegistryAbi,
    functionName: 'anchorRecord',
    args: [recordId, patient, resourceType, contentHash, previousContentHash],
    context: 'RecordRegistry.anchorRecord',
  })
  return { ...result, version: requireEvent(result, 'RecordAnchored').args.version }
}
