import { emergencyAccessAbi } from '@medchain/contracts'
import { zeroAddress, type Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { toBreakGlassAccess } from '../../internal/breakGlassRecord.ts'
import { latestBlockNumber, readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { BreakGlassAccess } from '../../types.ts'

export type GetBreakGlassParameters = {
  accessId: Hex
  /** Read at this block instead of the latest. */
  blockNumber?: bigint | undefined
}

/** The access, or undefined for an unknown id. */
export type GetBreakGlassReturnType = BreakGlassAccess | undefined

/**
 * Reads a break-glass access, with whether it is active now.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getBreakGlass(client: MedchainClient, parameters: GetBreakGlassParameters): Promise<GetBreakGlassReturnType> {
  const accessId = assertBytes32('accessId', parameters.accessId)
  const { emergencyAccess } = requireDeployment(client)
  const blockNumber = parameters.blockNumber ?? (await latestBlockNumber(client))
  const read = { address: emergencyAccess, abi: emergencyAccessAbi, args: [accessId], blockNumber } as const
  const [raw, active] = await Promise.all([
    readContract(client, { ...read, functionName: 'getAccess', context: 'EmergencyAccess.getAccess' }),
    readContract(client, { ...read, functionName: 'isActive', context: 'EmergencyAccess.isActive' }),
  ])
  return raw.clinician === zeroAddress ? undefined : toBreakGlassAccess(accessId, raw, active)
}
