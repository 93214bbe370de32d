import { consortiumAbi } from '@medchain/contracts'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { toMember } from '../../internal/consortiumRecords.ts'
import { latestBlockNumber, readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Member } from '../../types.ts'

/** The active members, in the contract's (unspecified) order. */
export type GetMembersReturnType = Member[]

/**
 * Reads every active member organisation.
 * @throws MedchainError `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getMembers(client: MedchainClient): Promise<GetMembersReturnType> {
  const { consortium } = requireDeployment(client)
  // Every read at one block, so that a membership change in between cannot mix two states.
  const blockNumber = await latestBlockNumber(client)
  const read = { address: consortium, abi: consortiumAbi, blockNumber } as const
  const addresses = await readContract(client, { ...read, functionName: 'members', args: [], context: 'Consortium.members' })
  return Promise.all(
    addresses.map(async (address) =>
      toMember(address, await readContract(client, { ...read, functionName: 'getMember', args: [address], context: 'Consortium.getMember' })),
    ),
  )
}
