import { consortiumAbi } from '@medchain/contracts'
import { getMember, type MedchainClient } from '@medchain/sdk'
import { zeroAddress, type Address } from 'viem'
import { ResearchError } from '../errors.ts'
import type { GatewayEndpoint } from './gatewayRequest.ts'

/**
 * The gateway of the member `account` acts for (the account itself, or the organisation of an
 * individual), as the chain lists it, with the member's encryption key.
 * @throws ResearchError `RESEARCH_GATEWAY_FAILED` when the member is inactive or lists no gateway
 */
export async function memberGateway(client: MedchainClient, account: Address): Promise<GatewayEndpoint & { encryptionPublicKey: `0x${string}` }> {
  const consortium = client.deployment?.consortium
  const org = consortium === undefined ? account : await client.publicClient.readContract({ address: consortium, abi: consortiumAbi, functionName: 'memberOf', args: [account] })
  const member = await getMember(client, { address: org === zeroAddress ? account : org })
  if (member === undefined || !member.active || !/^https?:\/\/\S+$/.test(member.gatewayUrl)) {
    throw new ResearchError(`${account} acts for no active member with a gateway URL on chain`, { code: 'RESEARCH_GATEWAY_FAILED' })
  }
  return { url: member.gatewayUrl, member: member.address, name: member.name, encryptionPublicKey: member.encryptionPublicKey }
}
