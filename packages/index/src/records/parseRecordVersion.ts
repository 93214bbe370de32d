import {
  invalid,
  optional,
  toAddress,
  toBlock,
  toBytes32,
  toInt,
  toOneOf,
  toProof,
  toText,
  toTimestamp,
} from '../assert.ts'
import type { RecordVersionInput, SearchParamInput } from './recordTypes.ts'

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

/** A record version checked and in the column names of `records`, ready for json_to_recordset. */
export type RecordVersionJson = ReturnType<typeof parseRecordVersion>

/** A search parameter row checked and in the column names of `search_params`. */
export type SearchParamJson = ReturnType<typeof parseSearchParam>

/** Checks one input row of insertRecordVersions (`name` is its place in the call, for messages). */
export function parseRecordVersion(name: string, row: RecordVersionInput) {
  if (typeof row !== 'object' || row === null) throw invalid(`"${name}" expected an object`)
  return {
    record_key: toText(`${name}.recordKey`, row.recordKey, 256),
    version: toInt(`${name}.version`, row.version),
    record_id: toBytes32(`${name}.recordId`, row.recordId),
    resource_type: toText(`${name}.resourceType`, row.resourceType, 64),
    patient: toAddress(`${name}.patient`, row.patient),
    custodian: toAddress(`${name}.custodian`, row.custodian),
    content_hash: toBytes32(`${name}.contentHash`, row.contentHash),
    previous_hash: optional(row.previousHash, (v) => toBytes32(`${name}.previousHash`, v)),
    anchor_kind: toOneOf(`${name}.anchorKind`, row.anchorKind, ['single', 'batch', 'pending']),
    batch_root: optional(row.batchRoot, (v) => toBytes32(`${name}.batchRoot`, v)),
    leaf_index: optional(row.leafIndex, (v) => toInt(`${name}.leafIndex`, v)),
    proof: optional(row.proof, (v) => toProof(`${name}.proof`, v)),
    anchored_block: optional(row.anchoredBlock, (v) => toBlock(`${name}.anchoredBlock`, v)),
    last_updated: toTimestamp(`${name}.lastUpdated`, row.lastUpdated),
    wrapped_keys: parseWrappedKeys(`${name}.wrappedKeys`, row.wrappedKeys ?? {}),
  }
}

function parseWrappedKeys(name: string, value: unknown): Record<string, string> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(`"${name}" expected an object`)
  for (const [recipient, key] of Object.entries(value)) {
    if (recipient.length === 0 || typeof key !== 'string') throw invalid(`"${name}" expected recipient ids mapped to base64 strings`)
  }
  return value as Record<string, string>
}

/** Checks one search parameter of a record version; patient and type come from the record. */
export function parseSearchParam(name: string, param: SearchParamInput, record: RecordVersionJson) {
  if (typeof param !== 'object' || param === null) throw invalid(`"${name}" expected an object`)
  return {
    record_key: record.record_key,
    version: record.version,
    patient: record.patient,
    resource_type: record.resource_type,
    name: toText(`${name}.name`, param.name, 64),
    system: optional(param.system, (v) => toText(`${name}.system`, v)),
    code: optional(param.code, (v) => toText(`${name}.code`, v)),
    value_num: optional(param.valueNum, (v) => parseDecimal(`${name}.valueNum`, v)),
    value_str: optional(param.valueStr, (v) => toText(`${name}.valueStr`, v, 4096)),
    date_start: optional(param.dateStart, (v) => toTimestamp(`${name}.dateStart`, v)),
    date_end: optional(param.dateEnd, (v) => toTimestamp(`${name}.dateEnd`, v)),
  }
}

function parseDecimal(name: string, value: unknown): string {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value)
  if (typeof value === 'string' && DECIMAL.test(value)) return value
  throw invalid(`"${name}" expected a finite number or a decimal string`)
}
