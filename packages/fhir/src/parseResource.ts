import type { FhirResource } from 'fhir/r4.js';
import { describe, invalidArgument, isObject } from './assert.ts';
import { checkFhirJson, checkResource } from './checkStructure.ts';
import { FhirError } from './errors.ts';
import { isResourceType } from './resourceTypes.ts';
import { scanJson } from './scanJson.ts';

/** Default limits of {@link parseResource}: room for a large transaction Bundle, no more. */
export const PARSE_RESOURCE_LIMITS = {
  /** Body size in UTF-8 bytes (8 MiB; the largest Synthea bundle is 0.4 MiB). */
  maxBytes: 8 * 1024 * 1024,
  /** Nesting of objects and arrays (Synthea bundles reach 12). */
  maxDepth: 64,
  /** One string, in source characters: FHIR caps strings at 1 MB. */
  maxStringLength: 1024 * 1024,
  /** Items in one array (a Bundle's entries included). */
  maxArrayLength: 10_000,
} as const;

/** Options of {@link parseResource}. */
export type ParseResourceOptions = {
  maxBytes?: number;
  maxDepth?: number;
  maxStringLength?: number;
  maxArrayLength?: number;
  /** The type the route expects (PUT /Observation/1 takes an Observation); others are refused. */
  resourceType?: string;
  /** The types this server accepts at the root (default: every R4 type). */
  supportedTypes?: readonly string[];
};

const UTF8 = new TextDecoder('utf-8', { fatal: true });

function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // A surrogate pair is 2 UTF-16 units and 4 bytes; other units past 0x7f take 2 or 3 bytes.
    if (c >= 0x800 && (c < 0xd800 || c > 0xdfff)) bytes += 2;
    else if (c >= 0x80) bytes += 1;
  }
  return bytes;
}

function limit(name: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw invalidArgument(`"${name}" expected a positive integer, got ${describe(value)}`);
  return value;
}

/**
 * Parses a request body into a FHIR R4 resource, refusing with a precise error: bytes that are
 * not UTF-8, JSON syntax (with line, column and offset), duplicate keys, nesting, string, array
 * and body sizes past the limits, a root that is not an object, a missing, unknown, unexpected or
 * unsupported resourceType, an id that is not a FHIR id, and the structure the system relies on
 * (see structureRules.ts), in nested resources too. This is a gate, not a profile validator:
 * elements the rules do not list pass unchecked. A leading byte order mark is ignored.
 * @throws FhirError with a FHIRPath-like `expression` where one applies: `FHIR_TOO_LARGE`,
 * `FHIR_INVALID_UTF8`, `FHIR_INVALID_JSON`, `FHIR_DUPLICATE_KEY`, `FHIR_TOO_DEEP`,
 * `FHIR_INVALID_RESOURCE`, `FHIR_UNSUPPORTED_TYPE`, `FHIR_INVALID_ID`
 */
export function parseResource(body: string | Uint8Array, options: ParseResourceOptions = {}): FhirResource {
  const maxBytes = limit('maxBytes', options.maxBytes, PARSE_RESOURCE_LIMITS.maxBytes);
  const limits = {
    maxDepth: limit('maxDepth', options.maxDepth, PARSE_RESOURCE_LIMITS.maxDepth),
    maxStringLength: limit('maxStringLength', options.maxStringLength, PARSE_RESOURCE_LIMITS.maxStringLength),
    maxArrayLength: limit('maxArrayLength', options.maxArrayLength, PARSE_RESOURCE_LIMITS.maxArrayLength),
  };
  let text: string;
  if (typeof body === 'string') {
    // Every UTF-16 unit is 1 to 3 bytes, so the exact count is only needed near the limit.
    if (body.length > maxBytes || (body.length * 3 > maxBytes && utf8Length(body) > maxBytes)) {
      throw new FhirError(`Body exceeds the limit of ${maxBytes} bytes`, { code: 'FHIR_TOO_LARGE' });
    }
    text = body.charCodeAt(0) === 0xfeff ? body.slice(1) : body;
  } else if (body instanceof Uint8Array) {
    if (body.length > maxBytes) throw new FhirError(`Body exceeds the limit of ${maxBytes} bytes`, { code: 'FHIR_TOO_LARGE' });
    try {
      text = UTF8.decode(body);
    } catch (cause) {
      throw new FhirError('Body is not valid UTF-8', { code: 'FHIR_INVALID_UTF8', cause });
    }
  } else {
    throw invalidArgument(`"body" expected string or Uint8Array, got ${describe(body)}`);
  }

  const rootType = scanJson(text, limits);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    // Unreachable while scanJson is at least as strict as JSON.parse; kept so it stays a FhirError.
    throw new FhirError('Invalid JSON', { code: 'FHIR_INVALID_JSON', cause });
  }
  if (!isObject(value)) {
    throw new FhirError(`Body is a JSON ${describe(value)}, not a resource object`, { code: 'FHIR_INVALID_RESOURCE' });
  }
  const root = rootType ?? 'Resource';
  if (value.resourceType === undefined) {
    throw new FhirError('Resource has no resourceType', { code: 'FHIR_INVALID_RESOURCE', expression: 'Resource.resourceType' });
  }
  if (isResourceType(value.resourceType)) {
    const type = value.resourceType;
    if (options.resourceType !== undefined && type !== options.resourceType) {
      throw new FhirError(`Expected a ${options.resourceType} resource, got ${type}`, {
        code: 'FHIR_INVALID_RESOURCE',
        expression: `${type}.resourceType`,
      });
    }
    if (options.supportedTypes !== undefined && !options.supportedTypes.includes(type)) {
      throw new FhirError(`${type} resources are not supported here`, {
        code: 'FHIR_UNSUPPORTED_TYPE',
        expression: `${type}.resourceType`,
      });
    }
  }
  checkResource(value);
  checkFhirJson(value, root);
  return value as unknown as FhirResource;
}
