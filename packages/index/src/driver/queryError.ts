import { IndexError } from '../errors.ts'

type DatabaseErrorFields = { code?: unknown; constraint?: unknown; table?: unknown; column?: unknown }

/**
 * Turns a driver failure into INDEX_QUERY_FAILED. Only the SQLSTATE and schema identifiers are
 * kept: PostgreSQL messages and `detail` quote values ("Key (patient)=(0x...) already exists").
 */
export function queryError(error: unknown): IndexError {
  if (error instanceof IndexError) return error
  const fields = (typeof error === 'object' && error !== null ? error : {}) as DatabaseErrorFields
  const sqlState = typeof fields.code === 'string' && /^[0-9A-Z]{5}$/.test(fields.code) ? fields.code : undefined
  if (sqlState === undefined) {
    // Not from the database (a lost connection, a driver bug): its message carries no row data.
    return new IndexError('SQL query failed', { code: 'INDEX_QUERY_FAILED', cause: error })
  }
  const where = [fields.table, fields.column, fields.constraint].filter((part) => typeof part === 'string')
  const details = `SQLSTATE ${sqlState}${where.length > 0 ? ` on ${where.join(', ')}` : ''}`
  return new IndexError('SQL query failed', { code: 'INDEX_QUERY_FAILED', details, sqlState })
}

export function closedError(): IndexError {
  return new IndexError('The index is closed', { code: 'INDEX_CLOSED' })
}
