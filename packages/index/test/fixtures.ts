import { randomBytes } from 'node:crypto'
import type { Address, Hex, RecordVersionInput } from '../src/index.ts'

// Random ids keep runs apart: the PostgreSQL suite may run twice against the same database.

export function randomHex(bytes: number): Hex {
  return `0x${randomBytes(bytes).toString('hex')}`
}

export function randomAddress(): Address {
  return randomHex(20)
}

/** A record version with plausible defaults; `overrides` wins. */
export function recordVersion(overrides: Partial<RecordVersionInput> & Pick<RecordVersionInput, 'recordKey' | 'patient'>): RecordVersionInput {
  return {
    recordId: randomHex(32),
    version: 1,
    resourceType: 'Observation',
    custodian: '0x00000000000000000000000000000000000000c1',
    contentHash: randomHex(32),
    anchorKind: 'single',
    anchoredBlock: 7,
    lastUpdated: '2024-01-01T00:00:00.000Z',
    wrappedKeys: { hospital: 'd3JhcHBlZA==' },
    ...overrides,
  }
}
