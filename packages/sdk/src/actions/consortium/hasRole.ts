import { consortiumAbi } from '@medchain/contracts'
import type { Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { MedchainError } from '../../errors.ts'
import { assertAddress } from '../../internal/assert.ts'
import { readContract } from '../../internal/readContract.ts'
import { requireDeployment } from '../../internal/requireDeployment.ts'
import { rolesToMask, type RoleName } from '../../roles.ts'

export type HasRoleParameters = {
  address: Address
  /** One role, or several that must all be held. */
  role: RoleName | readonly RoleName[]
}

export type HasRoleReturnType = boolean

/**
 * Whether `address` is an active member holding every given role.
 * @throws MedchainError `SDK_INVALID_ARGUMENT`, `SDK_NOT_DEPLOYED`, `SDK_RPC_*`
 */
export async function hasRole(client: MedchainClient, { address, role }: HasRoleParameters): Promise<HasRoleReturnType> {
  const org = assertAddress('address', address)
  const mask = rolesToMask(typeof role === 'string' ? [role] : role)
  if (mask === 0) throw new MedchainError('"role" expected at least one role name', { code: 'SDK_INVALID_ARGUMENT' })
  const { consortium } = requireDeployment(client)
  return readContract(client, { address: consortium, abi: consortiumAbi, functionName: 'hasRole', args: [org, mask], context: 'Consortium.hasRole' })
}
