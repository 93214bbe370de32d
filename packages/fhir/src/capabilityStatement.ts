import type { CapabilityStatement, CapabilityStatementRestResource } from 'fhir/r4.js';
import { assertBaseUrl, invalidArgument } from './assert.ts';
import { isFhirDateTime } from './primitives.ts';
import { isResourceType } from './resourceTypes.ts';
import { SEARCH_PARAM_TYPES, searchParamsOf } from './searchParamDefinitions.ts';
import { SECURITY_SERVICE_SYSTEM } from './systems.ts';

/** Options of {@link capabilityStatement}. */
export type CapabilityStatementOptions = {
  /** The FHIR base of the gateway, e.g. `https://gw.example/fhir`. */
  baseUrl: string;
  /** The gateway's software version. */
  softwareVersion: string;
  /** The resource types served. */
  resourceTypes: readonly string[];
  /** The statement's date (a dateTime), e.g. when the gateway started: kept out of this pure function. */
  date: string;
};

const INTERACTIONS = ['read', 'vread', 'update', 'create', 'search-type', 'history-instance'] as const;

const SECURITY_DESCRIPTION =
  'medchain signature auth: every request carries x-medchain-* headers with the signer address, a ' +
  'timestamp, a nonce and a secp256k1 signature over the canonical request; the gateway checks ' +
  'membership and consent on chain and logs every access. No SMART on FHIR, no OAuth.';

/**
 * The gateway's CapabilityStatement (`GET /metadata`): FHIR 4.0.1, JSON only, the custom
 * "medchain signature auth" security service, and for each served type the interactions read,
 * vread, update, create, search-type and history-instance with its search parameters
 * (searchParamDefinitions.ts) and `_count`; system interactions transaction and batch;
 * the `$export` operation on Patient.
 */
export function capabilityStatement({
  baseUrl,
  softwareVersion,
  resourceTypes,
  date,
}: CapabilityStatementOptions): CapabilityStatement {
  assertBaseUrl('baseUrl', baseUrl);
  if (!isFhirDateTime(date)) throw invalidArgument('"date" expected a FHIR dateTime');
  const resource = resourceTypes.map((type): CapabilityStatementRestResource => {
    if (!isResourceType(type)) throw invalidArgument('"resourceTypes" holds a name that is not an R4 resource type');
    const entry: CapabilityStatementRestResource = {
      type,
      interaction: INTERACTIONS.map((code) => ({ code })),
      versioning: 'versioned',
      readHistory: true,
      updateCreate: false,
      conditionalCreate: false,
      conditionalUpdate: false,
      conditionalDelete: 'not-supported',
      searchParam: [
        ...searchParamsOf(type).map((name) => ({ name, type: SEARCH_PARAM_TYPES[name] })),
        { name: '_count', type: 'number', documentation: 'Page size: 50 by default, at most 1000.' },
      ],
    };
    if (type === 'Patient') {
      entry.operation = [{ name: 'export', definition: 'http://hl7.org/fhir/uv/bulkdata/OperationDefinition/patient-export' }];
    }
    return entry;
  });
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    publisher: 'medchain',
    kind: 'instance',
    software: { name: 'medchain gateway', version: softwareVersion },
    implementation: { description: 'medchain consortium gateway', url: baseUrl },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json', 'json'],
    rest: [
      {
        mode: 'server',
        security: {
          cors: false,
          service: [
            { coding: [{ system: SECURITY_SERVICE_SYSTEM, code: 'medchain-signature', display: 'medchain signature auth' }] },
          ],
          description: SECURITY_DESCRIPTION,
        },
        resource,
        interaction: [{ code: 'transaction' }, { code: 'batch' }],
      },
    ],
  };
}
