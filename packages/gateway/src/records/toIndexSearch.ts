import type { SearchQuery } from '@medchain/fhir'
import type { DateFilter, SearchRecordsOptions, TokenFilter } from '@medchain/index'
import { isAddress, type Address } from 'viem'
import { GatewayError } from '../errors.ts'

const DATE_PREFIX_RE = /^(eq|ge|le|gt|lt)?(.+)$/

/** What the index can answer of a FHIR search, with the patient it is about. */
export type IndexSearch = { patient: Address | undefined; options: SearchRecordsOptions }

/**
 * Maps a parsed FHIR search onto the index: patient/subject, one token parameter (code, or else
 * status, category, _id or component-code), dates with eq/ge/le/gt/lt, paging and sort.
 * @throws GatewayError `GATEWAY_INVALID_REQUEST` for a combination the index does not answer
 */
export function toIndexSearch(query: SearchQuery): IndexSearch {
  let patient: Address | undefined
  let token: { param: string; values: TokenFilter[] } | undefined
  for (const condition of query.conditions) {
    if (condition.name === 'patient' || condition.name === 'subject') {
      const ids = condition.values.map((value) => value.replace(/^Patient\//, '').toLowerCase())
      const [id] = ids
      if (ids.length !== 1 || id === undefined || !isAddress(id, { strict: false }) || (patient !== undefined && patient !== id)) {
        throw new GatewayError(`"${condition.name}" expected one patient pseudonym (Patient/0x...)`, { code: 'GATEWAY_INVALID_REQUEST' })
      }
      patient = id as Address
    } else if (condition.type === 'token') {
      if (token !== undefined) throw new GatewayError('At most one token search parameter (code, status, category, _id, component-code) per search', { code: 'GATEWAY_INVALID_REQUEST' })
      token = {
        param: condition.name,
        values: condition.values.map((value) => ({ system: value.system, code: value.code ?? '' })),
      }
    } else if (condition.type === 'quantity' || condition.name === '_lastUpdated') {
      throw new GatewayError(`Search parameter "${condition.name}" is not supported by this gateway's index`, { code: 'GATEWAY_INVALID_REQUEST' })
    }
  }
  const date: DateFilter[] = query.params
    .filter(([name]) => name === 'date')
    .map(([, raw]) => {
      const [, prefix, value] = DATE_PREFIX_RE.exec(raw) as unknown as [string, string | undefined, string]
      return { prefix: (prefix ?? 'eq') as DateFilter['prefix'], value }
    })
  const sortKey = query.sort[0]
  const sort = sortKey === undefined ? undefined : (`${sortKey.descending ? '-' : ''}${sortKey.param}` as SearchRecordsOptions['sort'])
  return {
    patient,
    options: {
      resourceType: query.resourceType,
      patient,
      code: token?.values,
      codeParam: token?.param,
      date: date.length > 0 ? date : undefined,
      count: query.summary === 'count' ? 0 : query.count,
      offset: query.offset,
      sort,
    },
  }
}
