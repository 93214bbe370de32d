import { toBlock, toBytes32, toText } from '../assert.ts'
import type { SqlExecutor } from '../driver/SqlDriver.ts'
import type { Hex } from '../types.ts'

/** How far an event follower got: the last block whose events are in the index. */
export type ChainCursor = { name: string; block: number; hash: Hex }

/** Options of {@link getCursor}. */
export type GetCursorOptions = { name: string }

/** The cursor of that follower, or undefined before its first block. */
export async function getCursor(db: SqlExecutor, { name }: GetCursorOptions): Promise<ChainCursor | undefined> {
  const { rows } = await db.query<{ name: string; block_number: string; block_hash: Hex }>(
    'SELECT name, block_number, block_hash FROM chain_cursor WHERE name = $1',
    [toText('name', name, 64)],
  )
  const row = rows[0]
  return row && { name: row.name, block: Number(row.block_number), hash: row.block_hash }
}

/**
 * Moves a follower's cursor. Call it in the same `index.transaction` as the rows of those blocks,
 * so a crash leaves both or neither; the hash lets the follower notice a reorganised chain.
 */
export async function setCursor(db: SqlExecutor, { name, block, hash }: ChainCursor): Promise<void> {
  await db.query(
    `INSERT INTO chain_cursor (name, block_number, block_hash, updated_at) VALUES ($1, $2, $3, now())
     ON CONFLICT (name) DO UPDATE SET block_number = excluded.block_number, block_hash = excluded.block_hash, updated_at = now()`,
    [toText('name', name, 64), toBlock('block', block), toBytes32('hash', hash)],
  )
}
