import { purposes } from '@medchain/contracts'
import { MedchainError } from './errors.ts'

/** A purpose of use a consent allows, by name; each is one bit of the on-chain mask (Purposes.sol). */
export type PurposeName = 'treatment' | 'emergency' | 'research' | 'payment' | 'operations' | 'publicHealth'

/** Purpose names in bit order, so that masks always convert to the same ordered list. */
export const PURPOSE_NAMES: readonly PurposeName[] = ['treatment', 'emergency', 'research', 'payment', 'operations', 'publicHealth']

const PURPOSE_BITS: Record<PurposeName, number> = {
  treatment: purposes.TREATMENT,
  emergency: purposes.EMERGENCY,
  research: purposes.RESEARCH,
  payment: purposes.PAYMENT,
  operations: purposes.OPERATIONS,
  publicHealth: purposes.PUBLIC_HEALTH,
}

/** Whether `value` is a purpose name. */
export function isPurposeName(value: unknown): value is PurposeName {
  return typeof value === 'string' && Object.hasOwn(PURPOSE_BITS, value)
}

/**
 * The on-chain mask of one purpose name or a non-empty list of them (duplicates are harmless).
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for an empty list or an unknown name
 */
export function purposesToMask(names: PurposeName | readonly PurposeName[], argument = 'purposes'): number {
  const list = typeof names === 'string' ? [names] : names
  if (!Array.isArray(list) || list.length === 0) {
    throw new MedchainError(`"${argument}" expected a purpose name or a non-empty array of them`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  let mask = 0
  for (const name of list) {
    if (!isPurposeName(name)) {
      throw new MedchainError(`"${argument}" has an unknown purpose ${JSON.stringify(name)}; expected one of ${PURPOSE_NAMES.join(', ')}`, {
        code: 'SDK_INVALID_ARGUMENT',
      })
    }
    mask |= PURPOSE_BITS[name]
  }
  return mask
}

/**
 * The purpose names of an on-chain mask, in bit order.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a bit outside Purposes.ALL
 */
export function maskToPurposes(mask: number): PurposeName[] {
  if (!Number.isSafeInteger(mask) || mask < 0 || (mask & ~purposes.ALL) !== 0) {
    throw new MedchainError(`"mask" expected an integer within Purposes.ALL (${purposes.ALL}), got ${mask}`, { code: 'SDK_INVALID_ARGUMENT' })
  }
  return PURPOSE_NAMES.filter((name) => (mask & PURPOSE_BITS[name]) !== 0)
}
