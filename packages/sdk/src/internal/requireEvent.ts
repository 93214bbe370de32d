import type { Abi } from 'viem'
import { MedchainError } from '../errors.ts'
import type { ContractWriteResult } from './writeContract.ts'

type EventOf<abi extends Abi, name extends string> = Extract<ContractWriteResult<abi>['events'][number], { eventName: name }>

/** The first `eventName` event of a successful write; its absence means a mismatched ABI. */
export function requireEvent<const abi extends Abi, const name extends string>(
  result: ContractWriteResult<abi>,
  eventName: name,
): EventOf<abi, name> {
  const event = result.events.find((candidate) => (candidate.eventName as string) === eventName)
  if (!event) throw new MedchainError(`Transaction ${result.hash} emitted no ${eventName}`, { code: 'SDK_UNKNOWN_ERROR' })
  return event as EventOf<abi, name>
}
