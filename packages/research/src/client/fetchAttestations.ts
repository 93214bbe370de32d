import type { AttestationOpening } from '../attestation/createAttestation.ts'
import { gatewayJson, type GatewayEndpoint } from './gatewayRequest.ts'

/** An attestation the hospital made for the holder, with its opening. */
export type HeldAttestation = { record: string; commitment: string; measuredAt: number; attestedAt: string; opening: AttestationOpening }

/**
 * Asks the holder's hospital to attest their latest measurements, with their identity commitment
 * Poseidon(secret): the secret itself never leaves the holder.
 * @throws ResearchError `RESEARCH_GATEWAY_FAILED` (e.g. `GATEWAY_RESEARCH_NO_READINGS`)
 */
export async function requestAttestation(parameters: { hospital: GatewayEndpoint; privateKey: `0x${string}`; identityCommitment: bigint }): Promise<HeldAttestation & { transaction: string }> {
  return gatewayJson({
    gateway: parameters.hospital,
    method: 'POST',
    path: '/research/attestations',
    body: { identityCommitment: parameters.identityCommitment.toString() },
    privateKey: parameters.privateKey,
  })
}

/** The holder's attestation openings at their hospital, newest first. @throws ResearchError `RESEARCH_GATEWAY_FAILED` */
export async function fetchAttestations(parameters: { hospital: GatewayEndpoint; privateKey: `0x${string}` }): Promise<HeldAttestation[]> {
  const answer = await gatewayJson<{ attestations: HeldAttestation[] }>({ gateway: parameters.hospital, method: 'GET', path: '/research/attestations', privateKey: parameters.privateKey })
  return answer.attestations
}
