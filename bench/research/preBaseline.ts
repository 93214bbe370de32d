// The proxy re-encryption baseline of the research benchmark: the holder-side cost of sharing N
// indicators through PRE, as in the scheme the paper compares against (Huang et al.), measured on
// a real implementation, NuCypher's Umbral (`@nucypher/umbral-pre`, Rust compiled to WASM,
// secp256k1). Not registered in bench/run.ts. Run alone: `tsx bench/research/preBaseline.ts 100`.
import { randomInt } from 'node:crypto'
import { pathToFileURL } from 'node:url'
import { SecretKey, Signer, decryptReencrypted, encrypt, generateKFrags, reencrypt } from '@nucypher/umbral-pre'

/** What {@link measurePreCosts} measured (wall-clock seconds). */
export interface PreCosts {
  indicators: number
  /** Holder: encrypt every indicator to its own key, plus one re-encryption key for the institution. */
  holderSeconds: number
  /** Proxy: re-encrypt every indicator's capsule to the institution. */
  reencryptSeconds: number
  /** Institution: open every re-encrypted indicator. */
  institutionSeconds: number
  /** Median single-operation costs, for the record. */
  encryptMs: number
  reencryptMs: number
}

function seconds(start: number): number {
  return (performance.now() - start) / 1000
}

// Each indicator travels as its LOINC code and encoded value, as in the Paillier flow's input.
function indicatorPlaintexts(n: number): Uint8Array[] {
  return Array.from({ length: n }, (_, j) => new TextEncoder().encode(JSON.stringify({ code: `8310-${j % 10}`, value: randomInt(0, 1001) })))
}

function medianMs(samples: number, fn: () => void): number {
  const times: number[] = []
  for (let i = 0; i < samples; i++) {
    const start = performance.now()
    fn()
    times.push(performance.now() - start)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)] as number
}

/**
 * Measures the PRE flow for `n` indicators: the holder encrypts each under its own key and makes
 * one re-encryption key fragment for the institution (threshold 1 of 1, both keys signed); a proxy
 * re-encrypts each capsule; the institution decrypts. WASM objects are freed as they go.
 */
export function measurePreCosts(n: number): PreCosts {
  const holderKey = SecretKey.random()
  const institutionKey = SecretKey.random()
  const signingKey = SecretKey.random()
  const holderPublic = holderKey.publicKey()
  const institutionPublic = institutionKey.publicKey()
  const signer = new Signer(signingKey)
  const plaintexts = indicatorPlaintexts(n)
  encrypt(holderPublic, plaintexts[0] as Uint8Array)[0].free()

  let start = performance.now()
  const sealed = plaintexts.map((plaintext) => encrypt(holderPublic, plaintext))
  const [kfrag] = generateKFrags(holderKey, institutionPublic, signer, 1, 1, true, true)
  const holderSeconds = seconds(start)
  if (!kfrag) throw new Error('umbral returned no key fragment')

  start = performance.now()
  const cfrags = sealed.map(([capsule]) => reencrypt(capsule, kfrag))
  const reencryptSeconds = seconds(start)

  start = performance.now()
  const opened = sealed.map(([capsule, ciphertext], j) => decryptReencrypted(institutionKey, holderPublic, capsule, [cfrags[j]!], ciphertext))
  const institutionSeconds = seconds(start)
  if (opened.some((bytes, j) => Buffer.compare(Buffer.from(bytes), Buffer.from(plaintexts[j]!)) !== 0)) {
    throw new Error('PRE round trip returned another plaintext')
  }

  const [probe] = sealed[0] ?? []
  const encryptMs = medianMs(21, () => encrypt(holderPublic, plaintexts[0] as Uint8Array)[0].free())
  const reencryptMs = probe ? medianMs(21, () => reencrypt(probe, kfrag).free()) : 0
  for (const cfrag of cfrags) cfrag.free()
  for (const [capsule] of sealed) capsule.free()
  for (const key of [kfrag, holderKey, institutionKey, signingKey, holderPublic, institutionPublic, signer]) key.free()
  return { indicators: n, holderSeconds, reencryptSeconds, institutionSeconds, encryptMs, reencryptMs }
}

/**
 * Holder-side seconds of the PRE flow for `n` indicators: per-indicator encryption plus the
 * re-encryption key. The proxy's re-encryption is reported apart by {@link measurePreCosts}; add
 * it for the whole encrypt + re-encrypt path.
 */
export async function measurePreHolderCost(n: number): Promise<number> {
  return measurePreCosts(n).holderSeconds
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(measurePreCosts(Number(process.argv[2] ?? 100)))
}
