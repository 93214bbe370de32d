import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { describe, it } from 'node:test'
import { IndexError, IndexErrorCodes, isIndexError } from './errors.ts'

describe('IndexError', () => {
  it('carries code, shortMessage, details and sqlState', () => {
    const error = new IndexError('SQL query failed', { code: 'INDEX_QUERY_FAILED', details: 'SQLSTATE 23505 on records', sqlState: '23505' })
    assert.equal(error.name, 'IndexError')
    assert.equal(error.message, 'SQL query failed\n\nDetails: SQLSTATE 23505 on records')
    assert.equal(error.sqlState, '23505')
    assert.ok(isIndexError(error, 'INDEX_QUERY_FAILED') && !isIndexError(error, 'INDEX_CLOSED'))
  })

  // The same check as packages/cli/test/errorsDocumented.test.ts, for this package's codes.
  it('has every code listed in docs/errors.md', async () => {
    const doc = await readFile(new URL('../../../docs/errors.md', import.meta.url), 'utf8')
    assert.deepEqual(Object.keys(IndexErrorCodes).filter((code) => !doc.includes(`\`${code}\``)), [])
  })
})
