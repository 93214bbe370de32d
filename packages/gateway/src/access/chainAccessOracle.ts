import { findAuthorization, getActiveBreakGlass, maskToPurposes, type MedchainClient } from '@medchain/sdk'
import { zeroHash, type Address, type Hex } from 'viem'
import { accessDecisions } from '@medchain/contracts'
import type { BlockScopedCache } from '../chain/blockScopedCache.ts'
import { GatewayError } from '../errors.ts'
import type { AccessOracle } from './decideAccess.ts'

const unavailable = (error: unknown) => new GatewayError('The chain node did not answer a consent check', { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })

/**
 * The access oracle over the chain: ConsentRegistry.findAuthorizationAt and
 * EmergencyAccess.activeAccessAt, asked with the gateway's clock and memoised per chain head and
 * second, so a burst of reads costs one call per distinct question while a revocation or an
 * expiry takes effect on the next block or second.
 */
export function createChainAccessOracle({ client, cache }: { client: MedchainClient; cache: BlockScopedCache }): AccessOracle {
  const ask = (patient: Address, accessor: Address, purpose: number, resourceType: string, recordId: Hex, at: number) =>
    cache.get(`consent:${patient}:${accessor}:${purpose}:${resourceType}:${recordId}:${at}`, async () => {
      try {
        const found = await findAuthorization(client, { patient, accessor, purpose: maskToPurposes(purpose), resourceType, recordId, at })
        return { consentId: found.consentId ?? zeroHash, decision: found.decisionCode }
      } catch (error) {
        throw unavailable(error)
      }
    })
  return {
    // A consent covering the whole resource type answers for every record of that type, so that
    // question (one per patient, type and second) is asked first; only when it is refused does
    // each record's id matter (consents scoped to record ids).
    consent: async ({ patient, accessor, purpose, resourceType, recordId, at }) => {
      const byType = await ask(patient, accessor, purpose, resourceType, zeroHash, at)
      if (byType.decision === accessDecisions.ALLOWED || recordId === zeroHash) return byType
      return ask(patient, accessor, purpose, resourceType, recordId, at)
    },
    breakGlass: ({ patient, accessor, at }) =>
      cache.get(`break-glass:${patient}:${accessor}:${at}`, async () => {
        try {
          return (await getActiveBreakGlass(client, { patient, accessor, at }))?.accessId ?? zeroHash
        } catch (error) {
          throw unavailable(error)
        }
      }),
  }
}
