import { emergencyAccessAbi } from '@medchain/contracts'
import { zeroHash, type Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress, assertUint64 } from '../../internal/assert.ts'
import { latestBlockNumber, readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { BreakGlassAccess } from '../../types.ts'
import { getBreakGlass } from './getBreakGlass.ts'

export type GetActiveBreakGlassParameters = {
  patient: Address
  /** The clinician asking. */
  accessor: Address
  /** Decide as of this unix time (seconds) instead of the latest block's timestamp: see activeAccessAt. */
  at?: bigint | number | undefined
}

/** The accessor's active access to the patient, or undefined when none is active. */
export type GetActiveBreakGlassReturnType = BreakGlassAccess | undefined

/**
 * The break-glass access that lets `accessor` read `patient`'s records now, if any: its latest
 * access to that patient, while unexpired, not reviewed unjustified, and the accessor still an
 * active clinician of the same hospital.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getActiveBreakGlass(
  client: MedchainClient,
  parameters: GetActiveBreakGlassParameters,
): Promise<GetActiveBreakGlassReturnType> {
  const patient = assertAddress('patient', parameters.patient)
  const accessor = assertAddress('accessor', parameters.accessor)
  const { emergencyAccess } = requireDeployment(client)
  const blockNumber = await latestBlockNumber(client)
  const accessId =
    parameters.at === undefined
      ? await readContract(client, {
          address: emergencyAccess,
          abi: emergencyAccessAbi,
          functionName: 'activeAccess',
          args: [patient, accessor],
          blockNumber,
          context: 'EmergencyAccess.activeAccess',
        })
      : await readContract(client, {
          address: emergencyAccess,
          abi: emergencyAccessAbi,
          functionName: 'activeAccessAt',
          args: [patient, accessor, assertUint64('at', parameters.at)],
          blockNumber,
          context: 'EmergencyAccess.activeAccessAt',
        })
  return accessId === zeroHash ? undefined : getBreakGlass(client, { accessId, blockNumber })
}
