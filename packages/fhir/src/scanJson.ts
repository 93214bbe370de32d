import { FhirError } from './errors.ts';

/** Limits {@link scanJson} enforces while it reads. */
export type ScanJsonLimits = {
  /** Deepest nesting of objects and arrays (the root is depth 1). */
  maxDepth: number;
  /** Longest string or key, in source characters between the quotes. */
  maxStringLength: number;
  /** Most items in one array. */
  maxArrayLength: number;
};

type Frame = { array: boolean; keys: Set<string> | undefined; key: string; index: number };

const IDENTIFIER_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const NUMBER_RE = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const SIMPLE_ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);

/** The FHIRPath-like location of the innermost open value, rooted at the resource type. */
function pathOf(root: string, stack: readonly Frame[]): string {
  let path = root;
  for (const frame of stack) {
    if (frame.array) path += `[${frame.index}]`;
    else if (frame.key !== '') path += IDENTIFIER_RE.test(frame.key) ? `.${frame.key}` : `.\`${frame.key}\``;
  }
  return path;
}

/**
 * Validates JSON text strictly (RFC 8259) in one iterative pass, before JSON.parse sees it, to
 * report what JSON.parse cannot: the line and column of a syntax error, a duplicate key (which
 * JSON.parse silently resolves to the last), nesting, string and array sizes past the limits,
 * numbers beyond the double range (JSON.parse turns them into Infinity) and lone surrogates
 * (no UTF-8 form, so canonicalJson and storage would fail later). Iterative, so a hostile
 * nesting cannot overflow the stack. Text it accepts, JSON.parse accepts.
 * @returns the root object's `resourceType`, when it is a string, for error paths
 * @throws FhirError `FHIR_INVALID_JSON`, `FHIR_INVALID_UTF8`, `FHIR_DUPLICATE_KEY`,
 * `FHIR_TOO_DEEP`, `FHIR_TOO_LARGE`
 */
export function scanJson(text: string, limits: ScanJsonLimits): string | undefined {
  const n = text.length;
  const stack: Frame[] = [];
  let i = 0;
  let rootType: string | undefined;

  const root = () => rootType ?? 'Resource';
  function syntax(what: string, at = i): FhirError {
    const before = text.slice(0, at);
    const line = before.split('\n').length;
    const column = at - before.lastIndexOf('\n');
    return new FhirError(`Invalid JSON at line ${line}, column ${column} (offset ${at}): ${what}`, {
      code: 'FHIR_INVALID_JSON',
    });
  }
  function skipWhitespace(): void {
    for (let c = text.charCodeAt(i); c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09; c = text.charCodeAt(++i));
  }

  // Scans the string at text[i] === '"'; returns its decoded value when `decode` is set.
  function scanString(decode: boolean): string | undefined {
    const start = ++i;
    let escaped = false;
    let highPending = false;
    let lone = false;
    for (;;) {
      if (i >= n) throw syntax('unterminated string', start - 1);
      const c = text.charCodeAt(i);
      if (c >= 0x20 && c !== 0x22 && c !== 0x5c && (c < 0xd800 || c > 0xdfff)) {
        if (highPending) {
          lone = true;
          break;
        }
        i++;
        continue;
      }
      if (c === 0x22) break;
      let unit = c;
      if (c < 0x20) throw syntax('control character in string (escape it)');
      if (c === 0x5c) {
        escaped = true;
        const e = text[i + 1] ?? '';
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw syntax('invalid \\u escape');
          unit = Number.parseInt(hex, 16);
          i += 6;
        } else if (SIMPLE_ESCAPES.has(e)) {
          unit = 0;
          i += 2;
        } else {
          throw syntax('invalid escape');
        }
      } else {
        i++;
      }
      const high = unit >= 0xd800 && unit <= 0xdbff;
      const low = unit >= 0xdc00 && unit <= 0xdfff;
      if (highPending !== low) {
        lone = true;
        break;
      }
      highPending = high;
    }
    if (lone || highPending) {
      throw new FhirError(`String at offset ${start - 1} holds a lone surrogate (not valid Unicode)`, {
        code: 'FHIR_INVALID_UTF8',
        expression: pathOf(root(), stack),
      });
    }
    if (i - start > limits.maxStringLength) {
      throw new FhirError(`String of ${i - start} characters exceeds the limit of ${limits.maxStringLength}`, {
        code: 'FHIR_TOO_LARGE',
        expression: pathOf(root(), stack),
      });
    }
    i++;
    if (!decode) return undefined;
    return escaped ? (JSON.parse(text.slice(start - 1, i)) as string) : text.slice(start, i - 1);
  }

  function readKey(frame: Frame): void {
    if (text.charCodeAt(i) !== 0x22) throw syntax('expected a "key"');
    const key = scanString(true) as string;
    frame.keys ??= new Set();
    if (frame.keys.has(key)) {
      frame.key = key;
      throw new FhirError(`Duplicate JSON key at offset ${i - 1}`, {
        code: 'FHIR_DUPLICATE_KEY',
        expression: pathOf(root(), stack),
      });
    }
    frame.keys.add(key);
    frame.key = key;
    skipWhitespace();
    if (text.charCodeAt(i) !== 0x3a) throw syntax("expected ':'");
    i++;
  }

  function open(array: boolean): Frame {
    if (stack.length + 1 > limits.maxDepth) {
      throw new FhirError(`JSON nests deeper than the limit of ${limits.maxDepth}`, {
        code: 'FHIR_TOO_DEEP',
        expression: pathOf(root(), stack),
      });
    }
    const frame: Frame = { array, keys: undefined, key: '', index: 0 };
    stack.push(frame);
    i++;
    skipWhitespace();
    return frame;
  }

  let expectValue = true;
  for (;;) {
    skipWhitespace();
    const c = text[i];
    if (expectValue) {
      if (c === '{') {
        const frame = open(false);
        if (text[i] === '}') {
          i++;
          stack.pop();
          expectValue = false;
        } else {
          readKey(frame);
        }
      } else if (c === '[') {
        open(true);
        if (text[i] === ']') {
          i++;
          stack.pop();
          expectValue = false;
        }
      } else if (c === '"') {
        const top = stack[stack.length - 1];
        const isRootType = stack.length === 1 && top !== undefined && !top.array && top.key === 'resourceType';
        const value = scanString(isRootType);
        if (isRootType && IDENTIFIER_RE.test(value as string)) rootType = value;
        expectValue = false;
      } else if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) {
        NUMBER_RE.lastIndex = i;
        const match = NUMBER_RE.exec(text);
        if (!match) throw syntax('invalid number');
        if (!Number.isFinite(Number(match[0]))) throw syntax('number beyond the double range');
        i += match[0].length;
        expectValue = false;
      } else if (text.startsWith('true', i) || text.startsWith('null', i)) {
        i += 4;
        expectValue = false;
      } else if (text.startsWith('false', i)) {
        i += 5;
        expectValue = false;
      } else {
        throw syntax(c === undefined ? 'unexpected end of input' : 'expected a value');
      }
      continue;
    }
    const frame = stack[stack.length - 1];
    if (frame === undefined) {
      if (i < n) throw syntax('unexpected content after the JSON value');
      return rootType;
    }
    if (c === ',') {
      i++;
      if (frame.array) {
        frame.index++;
        if (frame.index >= limits.maxArrayLength) {
          throw new FhirError(`Array exceeds the limit of ${limits.maxArrayLength} items`, {
            code: 'FHIR_TOO_LARGE',
            expression: pathOf(root(), stack.slice(0, -1)),
          });
        }
      } else {
        skipWhitespace();
        readKey(frame);
      }
      expectValue = true;
    } else if (c === (frame.array ? ']' : '}')) {
      i++;
      stack.pop();
    } else {
      throw syntax(c === undefined ? 'unexpected end of input' : `expected ',' or '${frame.array ? ']' : '}'}'`);
    }
  }
}
