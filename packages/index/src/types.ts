/** `0x`-prefixed hex; the index stores and returns it lowercase. */
export type Hex = `0x${string}`

/** A 20-byte address, lowercase (the index lowercases checksummed input). */
export type Address = `0x${string}`

/** A timestamp given to the index: an ISO 8601 string with a time zone, or a Date. Returned as ISO strings (UTC, ms). */
export type TimestampInput = string | Date

/** Paging of list functions: `count` rows after skipping `offset`. */
export type Page = { count: number; offset?: number | undefined }

/** A page of rows and the number of rows matching in all pages. */
export type PagedResult<Row> = { total: number; rows: Row[] }
