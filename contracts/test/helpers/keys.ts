// Encryption public keys for tests: valid compressed secp256k1 keys and invalid ones.
import { bytesToHex, toHex, type Hex } from 'viem'
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts'

const P = 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffefffffc2fn

/** The 33-byte compressed form of a 65-byte uncompressed (0x04-prefixed) public key. */
export function compress(uncompressed: Hex): Hex {
  const x = uncompressed.slice(4, 68)
  const yIsOdd = BigInt(`0x${uncompressed.slice(68)}`) & 1n
  return `0x${yIsOdd ? '03' : '02'}${x}`
}

/** A fresh valid compressed public key. */
export function randomCompressedKey(): Hex {
  return compress(privateKeyToAccount(generatePrivateKey()).publicKey)
}

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n
  let b = base % modulus
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus
    b = (b * b) % modulus
  }
  return result
}

/** The smallest x for which no curve point exists: a well-formed key that is not on the curve. */
export function offCurveKey(): Hex {
  let x = 1n
  while (modPow((x ** 3n + 7n) % P, (P - 1n) / 2n, P) === 1n) x++
  return `0x02${toHex(x, { size: 32 }).slice(2)}`
}

/** Keys that every contract must refuse, labelled by what is wrong with them. */
export function invalidKeys(): Record<string, Hex> {
  const valid = randomCompressedKey()
  return {
    empty: '0x',
    '32 bytes': `0x${valid.slice(4)}`,
    '34 bytes': `${valid}00`,
    'prefix 0x04': `0x04${valid.slice(4)}`,
    uncompressed: privateKeyToAccount(generatePrivateKey()).publicKey,
    'x not on the curve': offCurveKey(),
    'x >= p': `0x02${toHex(P, { size: 32 }).slice(2)}`,
    'x = 2^256 - 1': bytesToHex(new Uint8Array([3, ...new Uint8Array(32).fill(255)])),
  }
}
