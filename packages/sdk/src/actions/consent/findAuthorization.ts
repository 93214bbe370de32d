import { consentRegistryAbi } from '@medchain/contracts'
import { zeroHash, type Address, type Hex } from 'viem'
import { accessDecisionName, type AccessDecision } from '../../accessDecisions.ts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { resourceTypeIndex } from '../../fhirResourceTypes.ts'
import { assertAddress, assertBytes32, assertUint64 } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { purposesToMask, type PurposeName } from '../../purposes.ts'

export type FindAuthorizationParameters = {
  patient: Address
  /** Who asks: a member, or an individual (a member's consent covers its individuals). */
  accessor: Address
  /** The purpose of the access; several must all be allowed. */
  purpose: PurposeName | readonly PurposeName[]
  /** FHIR resource type name of the resource (see FHIR_RESOURCE_TYPES). */
  resourceType: string
  /** The record's id, for consents scoped to records; omit for none (e.g. a search). */
  recordId?: Hex | undefined
  /** Decide at this block instead of the latest. */
  blockNumber?: bigint | undefined
  /**
   * Judge start and expiry at this unix time (seconds) instead of the block's timestamp, as a
   * gateway enforcing consent does with its own clock (see findAuthorizationAt).
   */
  at?: bigint | number | undefined
}

export type FindAuthorizationReturnType = {
  /** The consent allowing the access, or the newest applicable consent refusing it; undefined for noConsent. */
  consentId: Hex | undefined
  decision: AccessDecision
  /** The AccessDecisions code, as access-log entries record it. */
  decisionCode: number
}

/**
 * Asks the ConsentRegistry whether any consent of `patient` allows the access now: the newest
 * allowing consent, else the refusal of the newest consent that applies to the accessor, else
 * `noConsent`. Emergency (break-glass) access is separate: see {@link getActiveBreakGlass}.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` (e.g. a resource type outside FHIR_RESOURCE_TYPES),
 *   `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function findAuthorization(client: MedchainClient, parameters: FindAuthorizationParameters): Promise<FindAuthorizationReturnType> {
  const patient = assertAddress('patient', parameters.patient)
  const accessor = assertAddress('accessor', parameters.accessor)
  const purpose = purposesToMask(parameters.purpose, 'purpose')
  const typeIndex = resourceTypeIndex(parameters.resourceType)
  const recordId = assertBytes32('recordId', parameters.recordId ?? zeroHash)
  const { consentRegistry } = requireDeployment(client)
  const [consentId, decisionCode] =
    parameters.at === undefined
      ? await readContract(client, {
          address: consentRegistry,
          abi: consentRegistryAbi,
          functionName: 'findAuthorization',
          args: [patient, accessor, purpose, typeIndex, recordId],
          blockNumber: parameters.blockNumber,
          context: 'ConsentRegistry.findAuthorization',
        })
      : await readContract(client, {
          address: consentRegistry,
          abi: consentRegistryAbi,
          functionName: 'findAuthorizationAt',
          args: [patient, accessor, purpose, typeIndex, recordId, assertUint64('at', parameters.at)],
          blockNumber: parameters.blockNumber,
          context: 'ConsentRegistry.findAuthorizationAt',
        })
  return { consentId: consentId === zeroHash ? undefined : consentId, decision: accessDecisionName(decisionCode), decisionCode }
}
