import { isObject } from './assert.ts';
import { FhirError } from './errors.ts';
import { periodRange } from './dateRange.ts';
import { isFhirDate, isFhirDateTime, isFhirId, isFhirInstant } from './primitives.ts';
import { isResourceType } from './resourceTypes.ts';
import { BACKBONE_RULES, type ElementRules, STRUCTURE_RULES } from './structureRules.ts';

// Element names in FHIR JSON: camelCase, `_name` for a primitive's extensions. This also keeps
// `__proto__` and friends out of every object the gateway will copy or merge.
const ELEMENT_NAME_RE = /^_?[A-Za-z][A-Za-z0-9]*$/;
const TIME_RE = /^([01][0-9]|2[0-3]):[0-5][0-9]:([0-5][0-9]|60)(\.[0-9]+)?$/;
const INT32_MIN = -2147483648;
const INT32_MAX = 2147483647;
const COMPARATORS = ['<', '<=', '>=', '>'];

const CHOICE_TYPES: Readonly<Record<string, string>> = {
  DateTime: 'dateTime',
  Date: 'date',
  Instant: 'instant',
  Time: 'time',
  String: 'string',
  Boolean: 'boolean',
  Integer: 'integer',
  Quantity: 'Quantity',
  Age: 'Quantity',
  CodeableConcept: 'CodeableConcept',
  Reference: 'Reference',
  Period: 'Period',
  Range: 'object',
  Ratio: 'object',
  SampledData: 'object',
  Timing: 'object',
};

function invalid(path: string, what: string): FhirError {
  return new FhirError(`${path} ${what}`, { code: 'FHIR_INVALID_RESOURCE', expression: path });
}

function badId(path: string): FhirError {
  return new FhirError(`${path} is not a FHIR id ([A-Za-z0-9\\-\\.]{1,64})`, { code: 'FHIR_INVALID_ID', expression: path });
}

function typeOf(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;
}

/**
 * The FHIR JSON rules every element obeys, whatever its type: keys are element names, no
 * `null` outside arrays (where it aligns primitive extensions), no empty object, array or string.
 * @throws FhirError `FHIR_INVALID_RESOURCE`
 */
export function checkFhirJson(value: unknown, path: string): void {
  if (typeof value === 'string') {
    if (value.length === 0) throw invalid(path, 'is an empty string (omit the element instead)');
  } else if (Array.isArray(value)) {
    if (value.length === 0) throw invalid(path, 'is an empty array (omit the element instead)');
    for (let i = 0; i < value.length; i++) if (value[i] !== null) checkFhirJson(value[i], `${path}[${i}]`);
  } else if (isObject(value)) {
    const keys = Object.keys(value);
    if (keys.length === 0) throw invalid(path, 'is an empty object (omit the element instead)');
    for (const key of keys) {
      if (!ELEMENT_NAME_RE.test(key)) throw invalid(path, 'has a key that is not a FHIR element name');
      const child = value[key];
      if (child === null) throw invalid(`${path}.${key}`, 'is null (omit the element instead)');
      checkFhirJson(child, `${path}.${key}`);
    }
  }
}

const REFERENCE: ElementRules = { reference: 'string', type: 'string', identifier: 'object', display: 'string' };
const CODING: ElementRules = { system: 'string', version: 'string', code: 'string', display: 'string', userSelected: 'boolean' };
const CODEABLE_CONCEPT: ElementRules = { coding: 'Coding[]', text: 'string' };
const QUANTITY: ElementRules = {
  value: 'decimal',
  comparator: { rule: 'code', codes: COMPARATORS },
  unit: 'string',
  system: 'string',
  code: 'string',
};
const PERIOD: ElementRules = { start: 'dateTime', end: 'dateTime' };
const META: ElementRules = { lastUpdated: 'instant' };

/** One element rule, parsed once from its string form. */
type CompiledRule = {
  name: string;
  /** For a choice element `x[x]`: `x`, and the allowed type suffixes in `types`. */
  choice: string | undefined;
  types: string[];
  array: boolean;
  required: boolean;
  codes: readonly string[] | undefined;
};

const compiled = new WeakMap<ElementRules, CompiledRule[]>();

function compile(rules: ElementRules): CompiledRule[] {
  let out = compiled.get(rules);
  if (out) return out;
  out = Object.entries(rules).map(([name, fieldRule]) => {
    const { rule, codes } = typeof fieldRule === 'string' ? { rule: fieldRule, codes: undefined } : fieldRule;
    const required = rule.endsWith('!');
    const type = required ? rule.slice(0, -1) : rule;
    const array = type.endsWith('[]');
    const choice = name.endsWith('[x]') ? name.slice(0, -3) : undefined;
    return { name, choice, types: choice ? type.split('|') : [array ? type.slice(0, -2) : type], array, required, codes };
  });
  compiled.set(rules, out);
  return out;
}

function expected(path: string, what: string, value: unknown): FhirError {
  return invalid(path, `expected ${what}, got ${typeOf(value)}`);
}

// Returns the rules of a complex type, or undefined after checking a primitive. No closures here:
// this runs for every element of every resource.
function complexRules(value: unknown, type: string, path: string, codes: readonly string[] | undefined): ElementRules | undefined {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw expected(path, 'a string', value);
      return undefined;
    case 'code':
      if (typeof value !== 'string') throw expected(path, 'a code string', value);
      if (codes && !codes.includes(value)) throw invalid(path, `is not one of the codes ${codes.join(', ')}`);
      return undefined;
    case 'boolean':
      if (typeof value !== 'boolean') throw expected(path, 'a boolean', value);
      return undefined;
    case 'integer':
      if (!Number.isInteger(value) || (value as number) < INT32_MIN || (value as number) > INT32_MAX) {
        throw expected(path, 'a 32-bit integer', value);
      }
      return undefined;
    case 'decimal':
      if (typeof value !== 'number') throw expected(path, 'a number', value);
      return undefined;
    case 'date':
      if (!isFhirDate(value)) throw expected(path, 'a FHIR date (YYYY, YYYY-MM or YYYY-MM-DD)', value);
      return undefined;
    case 'dateTime':
      if (!isFhirDateTime(value)) throw expected(path, 'a FHIR dateTime (a date, or YYYY-MM-DDThh:mm:ss with a zone)', value);
      return undefined;
    case 'instant':
      if (!isFhirInstant(value)) throw expected(path, 'a FHIR instant (YYYY-MM-DDThh:mm:ss with a zone)', value);
      return undefined;
    case 'time':
      if (typeof value !== 'string' || !TIME_RE.test(value)) throw expected(path, 'a FHIR time (hh:mm:ss)', value);
      return undefined;
    case 'object':
      if (!isObject(value)) throw expected(path, 'an object', value);
      return undefined;
    case 'Reference':
      return REFERENCE;
    case 'Coding':
      return CODING;
    case 'CodeableConcept':
      return CODEABLE_CONCEPT;
    case 'Quantity':
      return QUANTITY;
    case 'Period':
      return PERIOD;
  }
  const backbone = type.startsWith('@') ? BACKBONE_RULES[type.slice(1)] : undefined;
  if (!backbone) throw new FhirError(`No structure rule type "${type}"`, { code: 'FHIR_INVALID_ARGUMENT' });
  return backbone;
}

function checkValue(value: unknown, type: string, path: string, codes?: readonly string[]): void {
  if (type === 'Resource') return checkResource(value, path);
  const rules = complexRules(value, type, path, codes);
  if (rules === undefined) return;
  if (!isObject(value)) throw expected(path, 'an object', value);
  checkElements(value, rules, path);
  if (type === 'Period' && !periodRange(value)) throw invalid(path, 'starts after it ends');
}

function checkChoice(element: Record<string, unknown>, rule: CompiledRule, path: string): void {
  const base = rule.choice as string;
  let key: string | undefined;
  for (const name in element) {
    if (name.length > base.length && name.startsWith(base) && /[A-Z]/.test(name[base.length] as string)) {
      if (key !== undefined) throw invalid(`${path}.${base}[x]`, 'has more than one value; at most one is allowed');
      key = name;
    }
  }
  if (key === undefined) {
    if (rule.required) throw invalid(`${path}.${base}[x]`, 'is required');
    return;
  }
  const suffix = key.slice(base.length);
  const type = CHOICE_TYPES[suffix];
  if (!rule.types.includes(suffix) || type === undefined) throw invalid(`${path}.${key}`, `is not an allowed type of ${base}[x]`);
  checkValue(element[key], type, `${path}.${key}`);
}

function checkElements(element: Record<string, unknown>, rules: ElementRules, path: string): void {
  for (const rule of compile(rules)) {
    if (rule.choice !== undefined) {
      checkChoice(element, rule, path);
      continue;
    }
    const value = element[rule.name];
    if (value === undefined) {
      if (rule.required) throw invalid(`${path}.${rule.name}`, 'is required');
      continue;
    }
    const childPath = `${path}.${rule.name}`;
    const type = rule.types[0] as string;
    if (rule.array !== Array.isArray(value)) {
      throw invalid(childPath, rule.array ? 'expected an array' : 'expected a single value, got an array');
    }
    if (!rule.array) checkValue(value, type, childPath, rule.codes);
    else for (let i = 0; i < (value as unknown[]).length; i++) checkValue((value as unknown[])[i], type, `${childPath}[${i}]`, rule.codes);
  }
}

/**
 * Checks the resource-level rules and the typed elements of {@link STRUCTURE_RULES} of one
 * resource, and of the resources nested in it (`contained`, Bundle `entry.resource`).
 * Expressions are rooted at `path`, by default the resource type (`Observation.code`).
 * @throws FhirError `FHIR_INVALID_RESOURCE`, `FHIR_UNSUPPORTED_TYPE`, `FHIR_INVALID_ID`
 */
export function checkResource(value: unknown, path?: string): void {
  if (!isObject(value)) throw invalid(path ?? 'Resource', `expected a resource object, got ${typeOf(value)}`);
  const type = value.resourceType;
  if (type === undefined) throw invalid(`${path ?? 'Resource'}.resourceType`, 'is required');
  if (typeof type !== 'string') throw invalid(`${path ?? 'Resource'}.resourceType`, `expected a string, got ${typeOf(type)}`);
  if (!isResourceType(type)) {
    throw new FhirError(`${path ?? 'Resource'}.resourceType is not an R4 resource type`, {
      code: 'FHIR_UNSUPPORTED_TYPE',
      expression: `${path ?? 'Resource'}.resourceType`,
    });
  }
  const base = path ?? type;
  if (value.id !== undefined && !isFhirId(value.id)) throw badId(`${base}.id`);
  if (value.meta !== undefined) {
    checkValue(value.meta, 'object', `${base}.meta`);
    const meta = value.meta as Record<string, unknown>;
    if (meta.versionId !== undefined && !isFhirId(meta.versionId)) throw badId(`${base}.meta.versionId`);
    checkElements(meta, META, `${base}.meta`);
  }
  if (value.contained !== undefined) {
    if (!Array.isArray(value.contained)) throw invalid(`${base}.contained`, 'expected an array');
    for (let i = 0; i < value.contained.length; i++) checkResource(value.contained[i], `${base}.contained[${i}]`);
  }
  const rules = STRUCTURE_RULES[type];
  if (rules) checkElements(value, rules, base);
}
