// Ids of drug units, lots, batches and devices, computed as the supply contracts compute them.
import { buildOrderedTree, getOrderedProof } from '@medchain/crypto'
import { bytesToHex, encodeAbiParameters, hexToBytes, keccak256, type Hex } from 'viem'
import { encodeGs1Value, normalizeGtin } from './gs1.ts'

const ID_PARAMETERS = [{ type: 'uint64' }, { type: 'bytes32' }] as const

/** keccak256(abi.encode(uint64 gtin, bytes32 serial)): a drug unit's id. */
export function unitIdOf(gtin: string, serial: string): Hex {
  return keccak256(encodeAbiParameters(ID_PARAMETERS, [BigInt(normalizeGtin('gtin', gtin)), encodeGs1Value('serial', serial)]))
}

/** keccak256(abi.encode(uint64 gtin, bytes32 lot)): a lot's id. */
export function lotIdOf(gtin: string, lot: string): Hex {
  return keccak256(encodeAbiParameters(ID_PARAMETERS, [BigInt(normalizeGtin('gtin', gtin)), encodeGs1Value('lot', lot)]))
}

/** keccak256(abi.encode(uint64 di, bytes32 pi)): a device's id from its UDI. */
export function deviceIdOf(di: string, pi: string): Hex {
  return keccak256(encodeAbiParameters(ID_PARAMETERS, [BigInt(normalizeGtin('di', di)), encodeGs1Value('pi', pi)]))
}

/** A batch's id (its root) and the proof of each unit, by position in `serials`. */
export type BatchTree = { batchId: Hex; unitIds: Hex[]; proofs: Hex[][] }

/**
 * The tree DrugRegistry.commissionBatch computes (contracts/src/supply/BatchTree.sol): leaf i is
 * keccak256(unitId_i), order kept. Its root is the batch id; `proofs[i]` unpacks unit i.
 */
export function batchTreeOf(gtin: string, serials: readonly string[]): BatchTree {
  const unitIds = serials.map((serial) => unitIdOf(gtin, serial))
  const tree = buildOrderedTree(unitIds.map((id) => hexToBytes(keccak256(id))))
  return { batchId: bytesToHex(tree.root), unitIds, proofs: unitIds.map((_, i) => getOrderedProof(tree, i).map((node) => bytesToHex(node))) }
}

/**
 * The commitment a dispense records to link the patient's MedicationDispense record without
 * naming the patient: keccak256(abi.encode(bytes32 recordId, bytes32 salt)). Whoever holds the
 * record and the salt (kept with the record, off chain) can show the link; nobody else can.
 */
export function dispenseCommitment(recordId: Hex, salt: Hex): Hex {
  return keccak256(encodeAbiParameters([{ type: 'bytes32' }, { type: 'bytes32' }], [recordId, salt]))
}
