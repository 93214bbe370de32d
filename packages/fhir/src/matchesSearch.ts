import type { SearchRow } from './extractSearchParams.ts';
import { matchesDate } from './matchesDate.ts';
import type { SearchCondition } from './parseSearchQuery.ts';
import type { QuantityValue, TokenValue } from './searchValues.ts';

function matchesToken(value: TokenValue, row: SearchRow): boolean {
  if (value.code !== undefined && row.code !== value.code) return false;
  if (value.system === undefined) return true;
  return value.system === '' ? row.system === undefined : row.system === value.system;
}

function matchesQuantity(value: QuantityValue, row: SearchRow): boolean {
  const x = row.valueNum;
  if (x === undefined) return false;
  if (value.code !== undefined && row.code !== value.code) return false;
  if (value.system !== undefined && row.system !== value.system) return false;
  switch (value.prefix) {
    case 'eq':
      return x >= value.low && x < value.high;
    case 'ne':
      return !(x >= value.low && x < value.high);
    case 'gt':
      return x > value.value;
    case 'lt':
      return x < value.value;
    case 'ge':
      return x >= value.value;
    case 'le':
      return x <= value.value;
  }
}

function matchesRow(condition: SearchCondition, row: SearchRow): boolean {
  switch (condition.type) {
    case 'reference':
      return row.valueStr !== undefined && condition.values.includes(row.valueStr);
    case 'token':
      return condition.values.some((value) => matchesToken(value, row));
    case 'date': {
      if (row.dateStart === undefined && row.dateEnd === undefined) return false;
      const target = { start: row.dateStart ?? -Infinity, end: row.dateEnd ?? Infinity };
      return condition.values.some((value) => matchesDate(value.prefix, value, target));
    }
    case 'quantity':
      return condition.values.some((value) => matchesQuantity(value, row));
  }
}

/**
 * Whether a resource, given by its search rows (extractSearchParams), matches every condition of
 * a query: a condition holds when one of its rows matches one of its values. This is the
 * reference semantics of searches, in memory; a SQL index must return the same resources.
 */
export function matchesSearch(rows: readonly SearchRow[], conditions: readonly SearchCondition[]): boolean {
  return conditions.every((condition) => rows.some((row) => row.name === condition.name && matchesRow(condition, row)));
}
