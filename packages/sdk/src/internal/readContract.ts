import type { Abi, Address, ContractFunctionArgs, ContractFunctionName, ReadContractReturnType } from 'viem'
import type { MedchainClient } from '../createMedchainClient.ts'
import { decodeContractError } from '../decodeContractError.ts'

type ReadParameters<abi extends Abi, functionName extends ContractFunctionName<abi, 'view' | 'pure'>> = {
  address: Address
  abi: abi
  functionName: functionName
  args: ContractFunctionArgs<abi, 'view' | 'pure', functionName>
  /** Read at this block instead of the latest. */
  blockNumber?: bigint | undefined
  /** For error messages, e.g. `Consortium.getProposal`. */
  context: string
}

/** A view call whose failure surfaces as a decoded MedchainError. */
export async function readContract<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'view' | 'pure'>,
>(client: MedchainClient, { address, abi, functionName, args, blockNumber, context }: ReadParameters<abi, functionName>) {
  try {
    // viem's overloads cannot be resolved for a generic function name; callers are typed above.
    return (await client.publicClient.readContract({ address, abi, functionName, args, blockNumber } as never)) as ReadContractReturnType<
      abi,
      functionName,
      ContractFunctionArgs<abi, 'view' | 'pure', functionName>
    >
  } catch (error) {
    throw decodeContractError(error, { context })
  }
}

/** The latest block number, so that several reads can be made at one block. */
export async function latestBlockNumber(client: MedchainClient): Promise<bigint> {
  try {
    return await client.publicClient.getBlockNumber({ cacheTime: 0 })
  } catch (error) {
    throw decodeContractError(error, { context: 'eth_blockNumber' })
  }
}
