import { consortiumAbi, identityRegistryAbi, individualKinds } from '@medchain/contracts'
import type { Deployment } from '@medchain/sdk'
import { zeroAddress, type Address, type Hex, type PublicClient } from 'viem'
import { GatewayError } from '../errors.ts'
import type { BlockScopedCache } from './blockScopedCache.ts'

/** Who a request comes from, as the chain knows them at the current head. */
export type Caller =
  | { kind: 'member'; address: Address; member: Address; roles: number; encryptionPublicKey: Hex }
  | { kind: 'individual'; address: Address; member: Address; roles: number; individualKind: number; encryptionPublicKey: Hex }
  | { kind: 'patient'; address: Address; encryptionPublicKey: Hex }
  | { kind: 'unknown'; address: Address }

/** Whether an individual kind is a clinician. */
export const isClinician = (caller: Caller): boolean => caller.kind === 'individual' && caller.individualKind === individualKinds.CLINICIAN

/**
 * Resolves addresses to members, individuals (clinicians, researchers, technicians) and patient
 * pseudonyms from the Consortium and IdentityRegistry, cached per chain head.
 */
export function createCallerResolver({ publicClient, deployment, cache }: { publicClient: PublicClient; deployment: Deployment; cache: BlockScopedCache }) {
  const read = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      throw new GatewayError(`The chain node did not answer (${what})`, { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })
    }
  }
  const member = (org: Address) =>
    cache.get(`member:${org}`, () =>
      read('Consortium.getMember', () => publicClient.readContract({ address: deployment.consortium, abi: consortiumAbi, functionName: 'getMember', args: [org] })),
    )
  const patient = (address: Address) =>
    cache.get(`patient:${address}`, () =>
      read('IdentityRegistry.getPatient', () => publicClient.readContract({ address: deployment.identityRegistry, abi: identityRegistryAbi, functionName: 'getPatient', args: [address] })),
    )

  return {
    member,
    patient,
    /** The caller behind `address`. */
    resolve(address: Address): Promise<Caller> {
      return cache.get(`caller:${address}`, async (): Promise<Caller> => {
        const org = await read('Consortium.memberOf', () =>
          publicClient.readContract({ address: deployment.consortium, abi: consortiumAbi, functionName: 'memberOf', args: [address] }),
        )
        if (org !== zeroAddress) {
          const record = await member(org)
          if (record.active && org.toLowerCase() === address.toLowerCase()) {
            return { kind: 'member', address, member: org, roles: record.roles, encryptionPublicKey: record.encryptionPublicKey }
          }
          const kind = await read('Consortium.individualKind', () =>
            publicClient.readContract({ address: deployment.consortium, abi: consortiumAbi, functionName: 'individualKind', args: [address] }),
          )
          if (record.active && kind !== individualKinds.NONE) {
            return { kind: 'individual', address, member: org, roles: record.roles, individualKind: kind, encryptionPublicKey: record.encryptionPublicKey }
          }
        }
        const registered = await patient(address)
        if (registered.registrar !== zeroAddress) return { kind: 'patient', address, encryptionPublicKey: registered.encryptionPublicKey }
        return { kind: 'unknown', address }
      })
    },
  }
}

/** What {@link createCallerResolver} returns. */
export type CallerResolver = ReturnType<typeof createCallerResolver>
