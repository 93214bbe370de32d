import { invalidArgument } from './assert.ts';
import { FhirError } from './errors.ts';

/**
 * The purposes of use of a consent (contracts/src/consent/Purposes.sol) with their bit, the
 * HL7 v3 PurposeOfUse code (system v3-ActReason) and the name used in HTTP headers and the CLI.
 * Bits are the contract's and never change.
 */
export const PURPOSES = [
  { bit: 1, code: 'TREAT', name: 'treatment', display: 'treatment' },
  { bit: 2, code: 'ETREAT', name: 'emergency', display: 'Emergency Treatment' },
  { bit: 4, code: 'HRESCH', name: 'research', display: 'healthcare research' },
  { bit: 8, code: 'HPAYMT', name: 'payment', display: 'healthcare payment' },
  { bit: 16, code: 'HOPERAT', name: 'operations', display: 'healthcare operations' },
  { bit: 32, code: 'PUBHLTH', name: 'public-health', display: 'public health' },
] as const;

/** One purpose of {@link PURPOSES}. */
export type Purpose = (typeof PURPOSES)[number];
/** A purpose name as used in headers: `treatment`, `emergency`, ... */
export type PurposeName = Purpose['name'];
/** A PurposeOfUse code: `TREAT`, `ETREAT`, ... */
export type PurposeCode = Purpose['code'];

/** Every purpose bit set (Purposes.ALL). */
export const ALL_PURPOSES = 63;

/** The purposes whose bits are set in `mask`, in bit order. */
export function purposesOfMask(mask: number): Purpose[] {
  if (!Number.isInteger(mask) || mask < 0 || mask > 0xffff) throw invalidArgument('"mask" expected a uint16');
  if ((mask & ~ALL_PURPOSES) !== 0) throw invalidArgument('"mask" has bits outside the six purposes');
  return PURPOSES.filter((purpose) => (mask & purpose.bit) !== 0);
}

/** The purpose with this header name, PurposeOfUse code or bit; undefined if none. */
export function findPurpose(key: string | number): Purpose | undefined {
  return PURPOSES.find((purpose) => purpose.name === key || purpose.code === key || purpose.bit === key);
}

/**
 * The purpose bitmask of a header value: one or more names or PurposeOfUse codes separated by
 * commas (`treatment`, `research, public-health`, `TREAT`).
 * @throws FhirError `FHIR_INVALID_PURPOSE` for an empty or unknown entry
 */
export function parsePurposes(header: string): number {
  let mask = 0;
  for (const part of header.split(',')) {
    const purpose = findPurpose(part.trim());
    if (purpose === undefined) {
      throw new FhirError('Unknown purpose of use (expected treatment, emergency, research, payment, operations or public-health)', {
        code: 'FHIR_INVALID_PURPOSE',
      });
    }
    mask |= purpose.bit;
  }
  return mask;
}
