import { signRequest } from '@medchain/crypto'
import { getMembers, type MedchainClient } from '@medchain/sdk'
import type { Address, Hex } from 'viem'
import type { BlockScopedCache } from '../chain/blockScopedCache.ts'
import { GatewayError } from '../errors.ts'

/** Header a member gateway sets on a peer request: the individual it acts for. */
export const ON_BEHALF_OF_HEADER = 'x-medchain-on-behalf-of'

/** A peer gateway: another active hospital member with a gateway URL. */
export type Peer = { address: Address; name: string; gatewayUrl: string }

/** Options of {@link createPeerClient}. */
export type CreatePeerClientOptions = {
  /** The member's key: peer requests are signed by the organisation. */
  privateKey: Hex
  member: Address
  client: MedchainClient
  cache: BlockScopedCache
  /** Per-request timeout (default 10 s). */
  timeoutMs?: number | undefined
}

/**
 * Signed requests from this gateway to the other members' gateways. The peer list comes from the
 * Consortium contract (active HOSPITAL members with a gateway URL), so a removed member stops
 * being asked as soon as the chain says so.
 */
export function createPeerClient({ privateKey, member, client, cache, timeoutMs = 10_000 }: CreatePeerClientOptions) {
  return {
    /** Every other active hospital member with a gateway. */
    hospitals(): Promise<Peer[]> {
      return cache.get('peers', async () => {
        const members = await getMembers(client)
        return members
          .filter((m) => m.active && m.roles.includes('hospital') && m.gatewayUrl !== '' && m.address.toLowerCase() !== member.toLowerCase())
          .map((m) => ({ address: m.address, name: m.name, gatewayUrl: m.gatewayUrl.replace(/\/+$/, '') }))
      })
    },

    /**
     * GETs `path` (path and query) from `peer`, signed, with the given extra headers. Resolves with
     * the status and parsed JSON body; a network failure or timeout throws.
     * @throws GatewayError `GATEWAY_PEER_FAILED`
     */
    async get(peer: Peer, path: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown }> {
      const url = new URL(peer.gatewayUrl)
      const fullPath = `${url.pathname.replace(/\/$/, '')}${path}`
      const signed = signRequest({ privateKey, method: 'GET', path: fullPath, audience: peer.address })
      try {
        const response = await fetch(`${url.origin}${fullPath}`, { headers: { ...signed, ...headers, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) })
        const text = await response.text()
        return { status: response.status, body: text === '' ? undefined : (JSON.parse(text) as unknown) }
      } catch (error) {
        throw new GatewayError(`The gateway of ${peer.name} could not be reached`, { code: 'GATEWAY_PEER_FAILED', cause: error })
      }
    },

    /**
     * POSTs `body` as JSON to `path` at `peer`, signed; resolves like {@link get}.
     * @throws GatewayError `GATEWAY_PEER_FAILED`
     */
    async post(peer: Peer, path: string, body: unknown): Promise<{ status: number; body: unknown }> {
      const url = new URL(peer.gatewayUrl)
      const fullPath = `${url.pathname.replace(/\/$/, '')}${path}`
      const text = JSON.stringify(body)
      const signed = signRequest({ privateKey, method: 'POST', path: fullPath, body: text, audience: peer.address })
      try {
        const response = await fetch(`${url.origin}${fullPath}`, {
          method: 'POST',
          body: text,
          headers: { ...signed, 'content-type': 'application/json', accept: 'application/json' },
          signal: AbortSignal.timeout(timeoutMs),
        })
        const answer = await response.text()
        return { status: response.status, body: answer === '' ? undefined : (JSON.parse(answer) as unknown) }
      } catch (error) {
        throw new GatewayError(`The gateway of ${peer.name} could not be reached`, { code: 'GATEWAY_PEER_FAILED', cause: error })
      }
    },
  }
}

/** What {@link createPeerClient} returns. */
export type PeerClient = ReturnType<typeof createPeerClient>
