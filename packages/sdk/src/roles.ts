import { individualKinds, roles } from '@medchain/contracts'
import { MedchainError } from './errors.ts'

/** A member role, by name; each is one bit of the on-chain role mask (see Roles.sol). */
export type RoleName = 'hospital' | 'research' | 'regulator' | 'manufacturer' | 'distributor' | 'pharmacy'

/** The kind of an individual acting for a member (see Roles.sol IndividualKinds). */
export type IndividualKind = 'clinician' | 'researcher' | 'technician'

/** Role names in bit order, so that masks always convert to the same ordered list. */
export const ROLE_NAMES: readonly RoleName[] = ['hospital', 'research', 'regulator', 'manufacturer', 'distributor', 'pharmacy']

const ROLE_BITS: Record<RoleName, number> = {
  hospital: roles.HOSPITAL,
  research: roles.RESEARCH,
  regulator: roles.REGULATOR,
  manufacturer: roles.MANUFACTURER,
  distributor: roles.DISTRIBUTOR,
  pharmacy: roles.PHARMACY,
}

const KIND_VALUES: Record<IndividualKind, number> = {
  clinician: individualKinds.CLINICIAN,
  researcher: individualKinds.RESEARCHER,
  technician: individualKinds.TECHNICIAN,
}

/** Whether `value` is a role name. */
export function isRoleName(value: unknown): value is RoleName {
  return typeof value === 'string' && Object.hasOwn(ROLE_BITS, value)
}

/**
 * The on-chain role mask of a list of role names (duplicates are harmless).
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for an unknown name
 */
export function rolesToMask(names: readonly RoleName[]): number {
  if (!Array.isArray(names)) throw new MedchainError('"roles" expected an array of role names', { code: 'SDK_INVALID_ARGUMENT' })
  let mask = 0
  for (const name of names) {
    if (!isRoleName(name)) {
      throw new MedchainError(`"roles" has an unknown role ${JSON.stringify(name)}; expected one of ${ROLE_NAMES.join(', ')}`, {
        code: 'SDK_INVALID_ARGUMENT',
      })
    }
    mask |= ROLE_BITS[name]
  }
  return mask
}

/**
 * The role names of an on-chain mask, in bit order.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for a bit outside ALL_ROLES
 */
export function maskToRoles(mask: number): RoleName[] {
  if (!Number.isSafeInteger(mask) || mask < 0 || (mask & ~roles.ALL_ROLES) !== 0) {
    throw new MedchainError(`"mask" expected an integer within ALL_ROLES (${roles.ALL_ROLES}), got ${mask}`, {
      code: 'SDK_INVALID_ARGUMENT',
    })
  }
  return ROLE_NAMES.filter((name) => (mask & ROLE_BITS[name]) !== 0)
}

/**
 * The on-chain value of an individual kind.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` for an unknown kind
 */
export function individualKindToValue(kind: IndividualKind): number {
  if (typeof kind !== 'string' || !Object.hasOwn(KIND_VALUES, kind)) {
    throw new MedchainError(`"kind" expected one of ${Object.keys(KIND_VALUES).join(', ')}, got ${JSON.stringify(kind)}`, {
      code: 'SDK_INVALID_ARGUMENT',
    })
  }
  return KIND_VALUES[kind]
}
