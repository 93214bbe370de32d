import { isResourceType, type ResourceType } from './resourceTypes.ts';

/** The target of a literal reference to a resource of a FHIR server. */
export type ParsedReference = { resourceType: ResourceType; id: string; versionId?: string };

const REFERENCE_RE =
  /^(?:https?:\/\/[^\s/?#]+(?:\/[^\s/?#]+)*\/)?([A-Z][A-Za-z]+)\/([A-Za-z0-9\-.]{1,64})(?:\/_history\/([A-Za-z0-9\-.]{1,64}))?$/;

/**
 * Parses a `Reference.reference` of the forms `Type/id`, `Type/id/_history/vid` or the same
 * after an absolute http(s) base URL.
 * @returns undefined for anything else: `urn:uuid:` (unresolved), `#contained`, an unknown type,
 * an id that is not a FHIR id, a query (conditional reference)
 */
export function parseReference(reference: string): ParsedReference | undefined {
  const match = REFERENCE_RE.exec(reference);
  if (!match || !isResourceType(match[1])) return undefined;
  const parsed: ParsedReference = { resourceType: match[1], id: match[2] as string };
  if (match[3] !== undefined) parsed.versionId = match[3];
  return parsed;
}
