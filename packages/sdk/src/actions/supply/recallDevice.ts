import { deviceRegistryAbi } from '@medchain/contracts'
import type { Hex } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { normalizeGtin } from '../../encoding/gs1.ts'
import { MedchainError } from '../../errors.ts'
import { assertBytes32, assertSmallUint } from '../../internal/assert.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { writeContract, type ContractWriteResult } from '../../internal/writeContract.ts'

/** One device by id, or a whole model by its DI (every device of it, present and future). */
export type RecallDeviceParameters = ({ deviceId: Hex; di?: undefined } | { di: string; deviceId?: undefined }) & {
  /** Non-zero, application-defined. */
  reasonCode: number
}

export type RecallDeviceReturnType = ContractWriteResult<typeof deviceRegistryAbi>

/**
 * Recalls a device, or every device of a model. The caller is the manufacturer or a regulator.
 * @throws MedchainError `SDK_CONTRACT_REVERTED` (DeviceNotRecaller, DeviceAlreadyRecalled,
 *   DeviceModelAlreadyRecalled...), `SDK_INVALID_ARGUMENT`, `SDK_NO_ACCOUNT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function recallDevice(client: MedchainClient, parameters: RecallDeviceParameters): Promise<RecallDeviceReturnType> {
  const reasonCode = assertSmallUint('reasonCode', parameters.reasonCode, 16, { min: 1 })
  const { deviceRegistry } = requireDeployment(client)
  if ((parameters.deviceId === undefined) === (parameters.di === undefined)) {
    throw new MedchainError('expected exactly one of "deviceId" and "di"', { code: 'SDK_INVALID_ARGUMENT' })
  }
  if (parameters.di !== undefined) {
    const di = normalizeGtin('di', parameters.di)
    return writeContract(client, { address: deviceRegistry, abi: deviceRegistryAbi, functionName: 'recallModel', args: [BigInt(di), reasonCode], context: 'DeviceRegistry.recallModel' })
  }
  const deviceId = assertBytes32('deviceId', parameters.deviceId, { nonZero: true })
  return writeContract(client, { address: deviceRegistry, abi: deviceRegistryAbi, functionName: 'recallDevice', args: [deviceId, reasonCode], context: 'DeviceRegistry.recallDevice' })
}
