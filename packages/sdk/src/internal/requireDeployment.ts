import type { MedchainClient } from '../createMedchainClient.ts'
import { MedchainError } from '../errors.ts'
import type { Deployment } from '../types.ts'

/** The client's deployment; throws `SDK_NOT_DEPLOYED` when it was created without one. */
export function requireDeployment(client: MedchainClient): Deployment {
  if (!client.deployment) {
    throw new MedchainError('The client has no deployment: pass "deployment" to createMedchainClient', { code: 'SDK_NOT_DEPLOYED' })
  }
  return client.deployment
}
