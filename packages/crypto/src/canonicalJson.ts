import { assertSafeInteger } from './assert.ts';
import { CryptoError } from './errors.ts';

/** Options of {@link canonicalJson}. */
export type CanonicalJsonOptions = {
  /** Deepest nesting of arrays and objects accepted (the root container is depth 1); default 64. */
  maxDepth?: number;
};

/** Default of {@link CanonicalJsonOptions.maxDepth}: deep enough for FHIR, shallow enough for the stack. */
export const CANONICAL_JSON_MAX_DEPTH = 64;

const IDENTIFIER_RE = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
// A lone surrogate has no UTF-8 encoding; RFC 8785 requires well-formed Unicode strings.
const LONE_SURROGATE_RE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

function notJson(path: string, what: string): CryptoError {
  return new CryptoError(`"${path}" is not JSON: ${what}`, { code: 'CRYPTO_INVALID_ARGUMENT' });
}

function childPath(path: string, key: string): string {
  return IDENTIFIER_RE.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

function serializeString(path: string, value: string): string {
  if (LONE_SURROGATE_RE.test(value)) throw notJson(path, 'string with a lone surrogate');
  // For well-formed strings, JSON.stringify escapes exactly as RFC 8785 section 3.2.2.2 says:
  // \b \t \n \f \r \" \\ by name, other controls as lowercase \u00xx, everything else literal.
  return JSON.stringify(value);
}

/**
 * Serialises a JSON value per RFC 8785 (JSON Canonicalization Scheme): object keys sorted by
 * UTF-16 code units, ECMAScript number serialisation, minimal string escaping, no whitespace.
 * Equal JSON data gives equal strings, so the output can be hashed or signed.
 * Accepts only null, booleans, finite numbers, strings, arrays and plain objects; anything else
 * (undefined, functions, symbols, bigint, NaN, Infinity, class instances, cycles, lone
 * surrogates, nesting deeper than `maxDepth`) is refused with a message naming its path.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function canonicalJson(value: unknown, { maxDepth = CANONICAL_JSON_MAX_DEPTH }: CanonicalJsonOptions = {}): string {
  assertSafeInteger('maxDepth', maxDepth, { min: 1, max: 1024 });
  const ancestors = new Set<object>();

  function serialize(node: unknown, path: string, depth: number): string {
    switch (typeof node) {
      case 'string':
        return serializeString(path, node);
      case 'boolean':
        return node ? 'true' : 'false';
      case 'number':
        if (Number.isNaN(node)) throw notJson(path, 'NaN');
        if (!Number.isFinite(node)) throw notJson(path, node > 0 ? 'Infinity' : '-Infinity');
        // Number#toString is the ECMAScript serialisation RFC 8785 adopts; it already prints -0 as "0".
        return String(node);
      case 'object':
        break;
      default:
        throw notJson(path, typeof node);
    }
    if (node === null) return 'null';
    if (ancestors.has(node)) throw notJson(path, 'cycle');
    if (depth > maxDepth) {
      throw new CryptoError(`"${path}" nests deeper than the maximum depth ${maxDepth}`, {
        code: 'CRYPTO_INVALID_ARGUMENT',
      });
    }
    ancestors.add(node);
    let out: string;
    if (Array.isArray(node)) {
      const items: string[] = [];
      for (let i = 0; i < node.length; i++) items.push(serialize(node[i], `${path}[${i}]`, depth + 1));
      out = `[${items.join(',')}]`;
    } else {
      const proto = Object.getPrototypeOf(node);
      if (proto !== Object.prototype && proto !== null) {
        throw notJson(path, (proto?.constructor?.name as string | undefined) || 'non-plain object');
      }
      if (Object.getOwnPropertySymbols(node).length > 0) throw notJson(path, 'object with symbol keys');
      const record = node as Record<string, unknown>;
      // Default sort compares UTF-16 code units, which is the order RFC 8785 section 3.2.3 requires.
      const keys = Object.keys(record).sort();
      const members: string[] = [];
      for (const key of keys) {
        const keyPath = childPath(path, key);
        members.push(`${serializeString(keyPath, key)}:${serialize(record[key], keyPath, depth + 1)}`);
      }
      out = `{${members.join(',')}}`;
    }
    ancestors.delete(node);
    return out;
  }

  return serialize(value, 'value', 1);
}
