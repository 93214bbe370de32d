import { consortiumAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { assertAddress } from '../../internal/assert.ts'
import { toMember } from '../../internal/consortiumRecords.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import type { Member } from '../../types.ts'

export type GetMemberParameters = {
  /** The organisation's address. */
  address: Address
}

/** The member, active or removed; undefined for an address that was never admitted. */
export type GetMemberReturnType = Member | undefined

/**
 * Reads one member organisation.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function getMember(client: MedchainClient, { address }: GetMemberParameters): Promise<GetMemberReturnType> {
  const org = assertAddress('address', address)
  const { consortium } = requireDeployment(client)
  const raw = await readContract(client, {
    address: consortium,
    abi: consortiumAbi,
    functionName: 'getMember',
    args: [org],
    context: 'Consortium.getMember',
  })
  // joinedAt is set at admission and kept on removal, so 0 means never a member.
  return raw.joinedAt === 0n ? undefined : toMember(org, raw)
}
