import type { Bundle, BundleEntry, BundleEntryResponse, FhirResource, OperationOutcome } from 'fhir/r4.js';
import { statusLine } from './statusLine.ts';

/** The result of one transaction or batch entry, in request order. */
export type TransactionEntryResult = {
  /** HTTP status of the entry: 200, 201, 204, or an error status (batch only). */
  status: number;
  /** The resource as stored (POST, PUT) or read (GET): sets location, etag and lastModified. */
  resource?: FhirResource;
  /** For a failed batch entry, or warnings. */
  outcome?: OperationOutcome;
};

/** Options of {@link transactionResponseBundle} and {@link batchResponseBundle}. */
export type ResponseBundleOptions = {
  /** The `Prefer: return=` of the request: `minimal` leaves resources out; default `representation`. */
  returnPreference?: 'minimal' | 'representation';
};

function responseBundle(
  type: 'transaction-response' | 'batch-response',
  results: readonly TransactionEntryResult[],
  { returnPreference = 'representation' }: ResponseBundleOptions,
): Bundle {
  const entry = results.map((result): BundleEntry => {
    const response: BundleEntryResponse = { status: statusLine(result.status) };
    const { resource } = result;
    const versionId = resource?.meta?.versionId;
    if (resource?.id !== undefined && (result.status === 200 || result.status === 201)) {
      response.location = `${resource.resourceType}/${resource.id}${versionId === undefined ? '' : `/_history/${versionId}`}`;
    }
    if (versionId !== undefined) response.etag = `W/"${versionId}"`;
    if (resource?.meta?.lastUpdated !== undefined) response.lastModified = resource.meta.lastUpdated;
    if (result.outcome) response.outcome = result.outcome;
    const out: BundleEntry = { response };
    if (resource && returnPreference === 'representation') out.resource = resource;
    return out;
  });
  const bundle: Bundle = { resourceType: 'Bundle', type };
  if (entry.length > 0) bundle.entry = entry;
  return bundle;
}

/**
 * The `transaction-response` Bundle: one entry per request entry, in request order, with
 * `response.status` ("201 Created"), `location` (`Type/id/_history/vid`), `etag` (`W/"vid"`)
 * and `lastModified` taken from the stored resource. A transaction that fails is answered with
 * one OperationOutcome instead, never with this.
 */
export function transactionResponseBundle(results: readonly TransactionEntryResult[], options: ResponseBundleOptions = {}): Bundle {
  return responseBundle('transaction-response', results, options);
}

/** The `batch-response` Bundle: as {@link transactionResponseBundle}, failed entries with their outcome. */
export function batchResponseBundle(results: readonly TransactionEntryResult[], options: ResponseBundleOptions = {}): Bundle {
  return responseBundle('batch-response', results, options);
}
