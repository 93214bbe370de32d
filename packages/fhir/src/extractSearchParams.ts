import type { FhirResource } from 'fhir/r4.js';
import { isObject } from './assert.ts';
import { type DateRange, dateRange, periodRange } from './dateRange.ts';
import { parseReference } from './parseReference.ts';
import type { ResourceType } from './resourceTypes.ts';
import { SEARCH_PATHS, type SearchParamName, type SearchPaths } from './searchParamDefinitions.ts';

/**
 * One indexed value of a resource: what an index stores per resource and matches queries on.
 * - reference (`patient`, `subject`): `valueStr` is the Patient id / the `Type/id` referenced;
 * - token (`code`, `category`, `component-code`, `status`, `_id`): `system` (absent when the
 *   coding has none) and `code`;
 * - date (`date`, `_lastUpdated`): `dateStart`..`dateEnd`, inclusive epoch ms (dateRange.ts),
 *   one of them absent for a Period open at that end (as the index stores it: NULL, unbounded);
 * - quantity (`value-quantity`): `valueNum`, with the unit as `system` and `code` (UCUM).
 */
export type SearchRow = {
  name: SearchParamName;
  system?: string;
  code?: string;
  valueNum?: number;
  valueStr?: string;
  dateStart?: number;
  dateEnd?: number;
};

function codingRows(name: SearchParamName, concept: unknown, rows: SearchRow[]): void {
  const concepts = Array.isArray(concept) ? concept : [concept];
  for (const item of concepts) {
    if (typeof item === 'string') rows.push({ name, code: item });
    if (!isObject(item) || !Array.isArray(item.coding)) continue;
    for (const coding of item.coding) {
      if (!isObject(coding) || typeof coding.code !== 'string') continue;
      const row: SearchRow = { name, code: coding.code };
      if (typeof coding.system === 'string') row.system = coding.system;
      rows.push(row);
    }
  }
}

function dateOf(resource: Record<string, unknown>, element: string): DateRange | undefined {
  if (element.endsWith('[x]')) {
    const base = element.slice(0, -3);
    return (
      dateOf(resource, `${base}DateTime`) ?? dateOf(resource, `${base}Instant`) ?? dateOf(resource, `${base}Period`)
    );
  }
  const value = resource[element];
  if (typeof value === 'string') return dateRange(value);
  return isObject(value) ? periodRange(value) : undefined;
}

function referenceOf(value: unknown): ReturnType<typeof parseReference> {
  return isObject(value) && typeof value.reference === 'string' ? parseReference(value.reference) : undefined;
}

/**
 * The search index rows of a resource, for the parameters SEARCH_PATHS gives its type (see
 * searchParamDefinitions.ts): `_id`, `_lastUpdated` (meta.lastUpdated), `patient` (the Patient
 * id referenced, or the Patient's own id), `subject`, `code`, `date`, `status`, `category`, and
 * for Observations `value-quantity` and `component-code`. Lenient by design: a value of the wrong
 * shape (the resource should have passed parseResource) or a reference that is not `Type/id`
 * (an unresolved urn:uuid) yields no row rather than an error.
 */
export function extractSearchParams(resource: FhirResource): SearchRow[] {
  const r = resource as unknown as Record<string, unknown>;
  const paths: SearchPaths = SEARCH_PATHS[resource.resourceType as ResourceType] ?? {};
  const rows: SearchRow[] = [];
  if (typeof r.id === 'string') rows.push({ name: '_id', code: r.id });
  const lastUpdated = isObject(r.meta) && typeof r.meta.lastUpdated === 'string' ? dateRange(r.meta.lastUpdated) : undefined;
  if (lastUpdated) rows.push({ name: '_lastUpdated', dateStart: lastUpdated.start, dateEnd: lastUpdated.end });

  for (const element of paths.patient ?? []) {
    if (element === 'id') {
      if (typeof r.id === 'string') rows.push({ name: 'patient', valueStr: r.id });
      continue;
    }
    const target = referenceOf(r[element]);
    if (target?.resourceType === 'Patient') rows.push({ name: 'patient', valueStr: target.id });
  }
  if (paths.subject) {
    const target = referenceOf(r.subject);
    if (target) rows.push({ name: 'subject', valueStr: `${target.resourceType}/${target.id}` });
  }
  if (paths.code) codingRows('code', r[paths.code], rows);
  for (const element of paths.date ?? []) {
    const range = dateOf(r, element);
    if (!range) continue;
    const row: SearchRow = { name: 'date' };
    if (Number.isFinite(range.start)) row.dateStart = range.start;
    if (Number.isFinite(range.end)) row.dateEnd = range.end;
    rows.push(row);
    break;
  }
  if (paths.status && typeof r.status === 'string') rows.push({ name: 'status', code: r.status });
  if (paths.category && r.category !== undefined) codingRows('category', r.category, rows);
  if (paths.observationValues) {
    const quantity = r.valueQuantity;
    if (isObject(quantity) && typeof quantity.value === 'number') {
      const row: SearchRow = { name: 'value-quantity', valueNum: quantity.value };
      if (typeof quantity.system === 'string') row.system = quantity.system;
      const unit = typeof quantity.code === 'string' ? quantity.code : quantity.unit;
      if (typeof unit === 'string') row.code = unit;
      rows.push(row);
    }
    if (Array.isArray(r.component)) {
      for (const component of r.component) if (isObject(component)) codingRows('component-code', component.code, rows);
    }
  }
  return rows;
}
