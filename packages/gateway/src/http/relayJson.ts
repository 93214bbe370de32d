/**
 * The JSON of signed consent messages relayed through a gateway: bigints (nonces, deadlines,
 * masks, times) travel as decimal strings with an `n` suffix, since JSON numbers lose precision
 * past 2^53.
 */
export function toRelayJson(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? `${v}n` : v))
}

/** Parses {@link toRelayJson} output back, bigints included. */
export function fromRelayJson(text: string): unknown {
  return JSON.parse(text, (_key, v) => (typeof v === 'string' && /^\d{1,78}n$/.test(v) ? BigInt(v.slice(0, -1)) : v))
}
