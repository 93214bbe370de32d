import { invalidArgument } from './assert.ts';
import type { FhirErrorCode } from './errors.ts';

/**
 * Names of the consent-check decisions, indexed by their on-chain code
 * (contracts/src/consent/AccessDecisions.sol): 0 is ALLOWED, 1 NO_CONSENT, ...
 */
export const CONSENT_DECISIONS = [
  'allowed',
  'no-consent',
  'revoked',
  'not-started',
  'expired',
  'wrong-purpose',
  'out-of-scope',
  'grantee-not-member',
] as const;

/**
 * Refusals the gateway decides before or beside the consent check, logged with these names:
 * a bad, replayed or stale request signature, a requester that is not an active member or
 * individual, an erased (crypto-shredded) record, a record whose content fails its hash, and a
 * supply event (drug or device) the chain refused.
 */
export const GATEWAY_REFUSALS = ['bad-signature', 'replayed', 'stale-timestamp', 'not-member', 'erased', 'tampered', 'supply-refused'] as const;

/** A gateway refusal of {@link GATEWAY_REFUSALS}. */
export type GatewayRefusal = (typeof GATEWAY_REFUSALS)[number];
/** An access decision: an on-chain code (0..7) or a gateway refusal. */
export type AccessDecision = number | GatewayRefusal;
/** The name of an access decision. */
export type AccessDecisionName = (typeof CONSENT_DECISIONS)[number] | GatewayRefusal;

/** The name of `decision` (`revoked` for 2, `replayed` for itself). */
export function accessDecisionName(decision: AccessDecision): AccessDecisionName {
  if (typeof decision === 'string') {
    if ((GATEWAY_REFUSALS as readonly string[]).includes(decision)) return decision;
  } else {
    const name = CONSENT_DECISIONS[decision];
    if (name !== undefined) return name;
  }
  throw invalidArgument('"decision" expected an AccessDecisions code 0..7 or a gateway refusal name');
}

/**
 * The error code the gateway answers a refused access with: 403 FHIR_FORBIDDEN for consent
 * refusals and non-members, 401 FHIR_UNAUTHENTICATED for signature failures, 410 FHIR_GONE for
 * an erased record, 500 FHIR_INTERNAL for tampered content (never served).
 * @returns undefined for `allowed`
 */
export function accessDecisionErrorCode(decision: AccessDecision): FhirErrorCode | undefined {
  const name = accessDecisionName(decision);
  switch (name) {
    case 'allowed':
      return undefined;
    case 'bad-signature':
    case 'replayed':
    case 'stale-timestamp':
      return 'FHIR_UNAUTHENTICATED';
    case 'erased':
      return 'FHIR_GONE';
    case 'tampered':
      return 'FHIR_INTERNAL';
    default:
      return 'FHIR_FORBIDDEN';
  }
}
