import type { SqlExecutor } from './SqlDriver.ts'

/**
 * A nested transaction as a savepoint, so a function that opens its own transaction (a bulk
 * insert) joins the caller's instead, and a caught inner failure does not abort the outer one.
 */
export function nestedTransaction(executor: Omit<SqlExecutor, 'transaction'>, depth: number): SqlExecutor['transaction'] {
  const { query } = executor
  return async (fn) => {
    const name = `medchain_sp_${depth}`
    const inner: SqlExecutor = { ...executor, transaction: nestedTransaction(executor, depth + 1) }
    await query(`SAVEPOINT ${name}`)
    try {
      const result = await fn(inner)
      await query(`RELEASE SAVEPOINT ${name}`)
      return result
    } catch (error) {
      await query(`ROLLBACK TO SAVEPOINT ${name}`)
      throw error
    }
  }
}
