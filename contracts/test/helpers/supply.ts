// Fixtures for the supply contracts: GS1 values as the contracts take them, event contexts with
// fresh ids, and batch trees built with @medchain/crypto.
import { buildOrderedTree, getOrderedProof } from '@medchain/crypto'
import { bytesToHex, encodeAbiParameters, hexToBytes, keccak256, stringToHex, type Hex } from 'viem'
import { randomIds } from './registries.ts'

/** A GTIN-14 with a valid check digit (GS1's example 0950600013435 + 2). */
export const GTIN = 9506000134352n
export const OTHER_GTIN = 9506000134376n
/** A GLN with a valid check digit. */
export const GLN = 9506000000008n

export const text = (value: string): Hex => stringToHex(value, { size: 32 })

export const unitIdOf = (gtin: bigint, serial: Hex): Hex => keccak256(encodeAbiParameters([{ type: 'uint64' }, { type: 'bytes32' }], [gtin, serial]))
export const lotIdOf = unitIdOf

/** A fresh event context (random id) at the current wall-clock millisecond. */
export function context(overrides: Partial<{ eventId: Hex; eventTime: bigint; readPoint: bigint }> = {}) {
  return { eventId: randomIds(1)[0] as Hex, eventTime: BigInt(Date.now()), readPoint: GLN, ...overrides }
}

/** The batch tree of `serials` as DrugRegistry builds it: its root and each unit's proof. */
export function batchTree(gtin: bigint, serials: readonly Hex[]): { root: Hex; proofs: Hex[][] } {
  const tree = buildOrderedTree(serials.map((serial) => hexToBytes(keccak256(unitIdOf(gtin, serial)))))
  return { root: bytesToHex(tree.root), proofs: serials.map((_, i) => getOrderedProof(tree, i).map((node) => bytesToHex(node))) }
}
