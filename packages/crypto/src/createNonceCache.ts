import { assertAddress, assertSafeInteger, assertString } from './assert.ts';
import { CryptoError } from './errors.ts';

/** Options of {@link createNonceCache}. */
export type CreateNonceCacheOptions = {
  /**
   * How long a nonce is remembered after its request timestamp, in milliseconds. Must be at
   * least the `maxSkewMs` given to `verifyRequest`, so that every request it accepts is still
   * remembered for as long as a replay of it would be accepted.
   */
  ttlMs: number;
  /** Most nonces held at once; beyond it new ones are refused, never old ones dropped. */
  maxEntries: number;
  /** Clock in unix milliseconds; default `Date.now`. */
  now?: () => number;
};

/** A bounded memory of recently seen (signer, nonce) pairs. */
export type NonceCache = {
  /**
   * Records a request's nonce, or throws if the signer already used it within the TTL.
   * @throws CryptoError `CRYPTO_REPLAYED_REQUEST`, `CRYPTO_STALE_REQUEST` (timestamp already
   *   older than the TTL, so it could not be remembered), `CRYPTO_NONCE_CACHE_FULL`,
   *   `CRYPTO_INVALID_ARGUMENT`
   */
  checkAndRemember(signer: string, nonce: string, timestamp: number): void;
  /** Number of nonces currently held (expired ones are dropped lazily). */
  readonly size: number;
};

type Entry = { expiresAt: number; key: string };

// Binary min-heap on expiresAt, so expired entries leave in O(log n) each: request timestamps
// arrive out of order (within the skew window), so insertion order is not expiry order.
function heapPush(heap: Entry[], entry: Entry): void {
  heap.push(entry);
  let i = heap.length - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if ((heap[parent] as Entry).expiresAt <= entry.expiresAt) break;
    heap[i] = heap[parent] as Entry;
    i = parent;
  }
  heap[i] = entry;
}

function heapPop(heap: Entry[]): void {
  const last = heap.pop() as Entry;
  if (heap.length === 0) return;
  let i = 0;
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) break;
    const right = left + 1;
    const child = right < heap.length && (heap[right] as Entry).expiresAt < (heap[left] as Entry).expiresAt ? right : left;
    if ((heap[child] as Entry).expiresAt >= last.expiresAt) break;
    heap[i] = heap[child] as Entry;
    i = child;
  }
  heap[i] = last;
}

/**
 * Creates the replay guard a gateway keeps beside `verifyRequest`. Memory is bounded by
 * `maxEntries`; when full of unexpired nonces it refuses new requests (`CRYPTO_NONCE_CACHE_FULL`)
 * rather than forgetting old nonces, which would let those requests be replayed.
 * @throws CryptoError `CRYPTO_INVALID_ARGUMENT`
 */
export function createNonceCache({ ttlMs, maxEntries, now = Date.now }: CreateNonceCacheOptions): NonceCache {
  assertSafeInteger('ttlMs', ttlMs, { min: 1 });
  assertSafeInteger('maxEntries', maxEntries, { min: 1 });
  if (typeof now !== 'function') throw new CryptoError('"now" expected a function', { code: 'CRYPTO_INVALID_ARGUMENT' });
  const seen = new Set<string>();
  const heap: Entry[] = [];

  function evictExpired(at: number): void {
    while (heap.length > 0 && (heap[0] as Entry).expiresAt <= at) {
      seen.delete((heap[0] as Entry).key);
      heapPop(heap);
    }
  }

  return {
    checkAndRemember(signer, nonce, timestamp) {
      assertAddress('signer', signer);
      assertString('nonce', nonce, { nonEmpty: true, maxLength: 256 });
      assertSafeInteger('timestamp', timestamp, { min: 0 });
      const at = now();
      const expiresAt = timestamp + ttlMs;
      if (expiresAt <= at) {
        throw new CryptoError('Request timestamp is older than the nonce cache TTL', {
          code: 'CRYPTO_STALE_REQUEST',
          details: `timestamp ${timestamp}, now ${at}, ttl ${ttlMs} ms`,
        });
      }
      evictExpired(at);
      const key = `${signer.toLowerCase()} ${nonce.toLowerCase()}`;
      if (seen.has(key)) {
        throw new CryptoError('Request nonce was already used by this signer', { code: 'CRYPTO_REPLAYED_REQUEST' });
      }
      if (seen.size >= maxEntries) {
        throw new CryptoError('Nonce cache is full', {
          code: 'CRYPTO_NONCE_CACHE_FULL',
          details: `${maxEntries} unexpired nonces held`,
        });
      }
      seen.add(key);
      heapPush(heap, { expiresAt, key });
    },
    get size() {
      evictExpired(now());
      return seen.size;
    },
  };
}
