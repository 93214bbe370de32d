import { CryptoError } from './errors.ts';

/** Request headers as fetch (`Headers`) or Node (`IncomingHttpHeaders`) present them. */
export type RequestHeaders =
  | { get(name: string): string | null }
  | Readonly<Record<string, string | readonly string[] | undefined>>;

function missing(name: string): CryptoError {
  return new CryptoError(`Missing header "${name}"`, { code: 'CRYPTO_MISSING_SIGNATURE_HEADER' });
}

function ambiguous(name: string): CryptoError {
  return new CryptoError(`Header "${name}" is given more than once`, { code: 'CRYPTO_BAD_SIGNATURE' });
}

/**
 * Reads one signature header case-insensitively. A header repeated (array value, or two
 * spellings of one name in a plain object) is refused rather than guessed between.
 * @throws CryptoError `CRYPTO_MISSING_SIGNATURE_HEADER` (absent or empty), `CRYPTO_BAD_SIGNATURE`
 */
export function readHeader(headers: RequestHeaders, name: string): string {
  let value: string | readonly string[] | null | undefined;
  if (typeof headers.get === 'function') {
    value = (headers as { get(name: string): string | null }).get(name);
  } else {
    const record = headers as Readonly<Record<string, string | readonly string[] | undefined>>;
    const keys = Object.keys(record).filter((key) => key.toLowerCase() === name);
    if (keys.length > 1) throw ambiguous(name);
    value = keys[0] === undefined ? undefined : record[keys[0]];
  }
  if (Array.isArray(value)) {
    if (value.length > 1) throw ambiguous(name);
    value = value[0];
  }
  if (typeof value !== 'string' || value === '') throw missing(name);
  return value;
}

/**
 * Reads an optional signature header: undefined when absent, otherwise as {@link readHeader}.
 * @throws CryptoError `CRYPTO_BAD_SIGNATURE` (repeated or empty header)
 */
export function readOptionalHeader(headers: RequestHeaders, name: string): string | undefined {
  try {
    return readHeader(headers, name);
  } catch (error) {
    if (error instanceof CryptoError && error.code === 'CRYPTO_MISSING_SIGNATURE_HEADER') {
      const present = typeof headers.get === 'function' ? (headers as { get(name: string): string | null }).get(name) !== null : Object.keys(headers).some((key) => key.toLowerCase() === name);
      if (present) throw new CryptoError(`Header "${name}" is empty`, { code: 'CRYPTO_BAD_SIGNATURE' });
      return undefined;
    }
    throw error;
  }
}
