import { deviceRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertBytes32 } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

export type IncidentSeverity = 'minor' | 'serious' | 'critical'

export type ReportDeviceIncidentParameters = {
  deviceId: Hex
  /** minor, serious, or critical (death or serious injury). */
  severity: IncidentSeverity
  /** Hash of the incident report, kept off chain. */
  reportHash: Hex
}

export type ReportDeviceIncidentReturnType = ContractWriteResult<typeof deviceRegistryAbi>

const SEVERITIES: Record<IncidentSeverity, number> = { minor: 1, serious: 2, critical: 3 }

/**
 * Reports an incident with a device. The caller acts for its holder or manufacturer, or is a
 * regulator member.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DeviceNotReporter...), `SDK_INVALID_ARGUMENT`,
 *   `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function reportDeviceIncident(client: MedchainClient, parameters: ReportDeviceIncidentParameters): Promise<ReportDeviceIncidentReturnType> {
  const deviceId = assertBytes32('deviceId', parameters.deviceId, { nonZero: true })
  const severity = SEVERITIES[parameters.severity]
  if (severity === undefined) throw new MedchainError('"severity" expected minor, serious or critical', { code: 'SDK_INVALID_ARGUMENT' })
  const reportHash = assertBytes32('reportHash', parameters.reportHash, { nonZero: true })
  const { deviceRegistry } = requireDeployment(client)
  return writeContract(client, {
    address: deviceRegistry,
    abi: deviceRegistryAbi,
    functionName: 'reportIncident',
    args: [deviceId, severity, reportHash],
    context: 'DeviceRegistry.reportIncident',
  })
}
