// Encrypted key files: one Web3 Secret Storage v3 keystore per name in a keys directory, readable
// by the owner only. Names are checked before they touch a path, so "../x" cannot escape it.
import { link, mkdir, readFile, readdir, rm, stat } from 'node:fs/promises'
import { join } from 'node:path'
import {
  CryptoError,
  decryptKeystore,
  encryptKeystore,
  privateKeyToAddress,
  privateKeyToPublicKey,
  type Keystore,
} from '@medchain/crypto'
import { getAddress, type Address, type Hex } from 'viem'
import { MedchainError } from '../errors.ts'
import { writeTempFile } from '../internal/atomicWrite.ts'

/** 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit: no separators, no "..". */
const NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/
/** A keystore is under 1 KiB; anything much larger is not one and is not read into memory. */
const MAX_KEYSTORE_BYTES = 64 * 1024

/** A keystore file, as listed: never the key. */
export type KeystoreEntry = {
  name: string
  /** From the file's `address` field; undefined if the file has none or is unreadable. */
  address: Address | undefined
}

/** A decrypted keystore. */
export type UnlockedKey = {
  name: string
  address: Address
  /** 33-byte compressed secp256k1 public key, the form the chain stores. */
  publicKey: Hex
  privateKey: Hex
}

export type SaveKeystoreParameters = {
  name: string
  privateKey: Hex
  passphrase: string
  /** scrypt cost; default 2^17. Lower it only in tests. */
  scryptN?: number | undefined
}

export type ImportKeystoreParameters = {
  name: string
  /** A v3 keystore, as an object or its JSON text; checked by decrypting it with `passphrase`. */
  keystore: Keystore | string
  passphrase: string
}

export type LoadKeystoreParameters = {
  name: string
  passphrase: string
}

/** Whether `name` is a valid keystore name. */
export function isKeystoreName(name: unknown): name is string {
  return typeof name === 'string' && NAME_PATTERN.test(name)
}

/**
 * `<dir>/<name>.json`, after checking the name.
 * @throws MedchainError `SDK_KEYSTORE_INVALID_NAME`
 */
export function keystoreFilePath(dir: string, name: string): string {
  if (!isKeystoreName(name)) {
    throw new MedchainError(
      `Invalid keystore name ${JSON.stringify(name)}: use 1-64 letters, digits, ".", "_" or "-", starting with a letter or digit`,
      { code: 'SDK_KEYSTORE_INVALID_NAME' },
    )
  }
  return join(dir, `${name}.json`)
}

/**
 * Encrypts `privateKey` with `passphrase` into `<dir>/<name>.json` (mode 0600, directory 0700).
 * Never overwrites an existing keystore.
 * @throws MedchainError `SDK_KEYSTORE_INVALID_NAME`, `SDK_KEYSTORE_EXISTS`, `SDK_INVALID_ARGUMENT`, `SDK_FILE_ERROR`
 */
export async function saveKeystore(dir: string, parameters: SaveKeystoreParameters): Promise<KeystoreEntry & { address: Address; path: string }> {
  const { name, privateKey, passphrase, scryptN } = parameters
  const path = keystoreFilePath(dir, name)
  assertPassphrase(passphrase)
  let keystore: Keystore
  try {
    keystore = await encryptKeystore({ privateKey, passphrase, ...(scryptN === undefined ? {} : { scryptN }) })
  } catch (cause) {
    throw fromCryptoError(cause, path)
  }
  await writeNew(dir, path, `${JSON.stringify(keystore, null, 2)}\n`)
  return { name, address: privateKeyToAddress(privateKey), path }
}

/**
 * Copies an existing v3 keystore into `<dir>/<name>.json`, after checking that `passphrase`
 * decrypts it (so a typo or a foreign file is caught now, not at first use).
 * @throws MedchainError `SDK_KEYSTORE_INVALID_NAME`, `SDK_KEYSTORE_EXISTS`, `SDK_KEYSTORE_INVALID`,
 *   `SDK_KEYSTORE_WRONG_PASSPHRASE`, `SDK_FILE_ERROR`
 */
export async function importKeystore(dir: string, parameters: ImportKeystoreParameters): Promise<KeystoreEntry & { address: Address; path: string }> {
  const { name, keystore, passphrase } = parameters
  const path = keystoreFilePath(dir, name)
  assertPassphrase(passphrase)
  let privateKey: Hex
  try {
    privateKey = await decryptKeystore({ keystore, passphrase })
  } catch (cause) {
    throw fromCryptoError(cause, 'the imported keystore')
  }
  const text = typeof keystore === 'string' ? keystore : JSON.stringify(keystore, null, 2)
  await writeNew(dir, path, text.endsWith('\n') ? text : `${text}\n`)
  return { name, address: privateKeyToAddress(privateKey), path }
}

/**
 * Decrypts `<dir>/<name>.json`.
 * @throws MedchainError `SDK_KEYSTORE_INVALID_NAME`, `SDK_KEYSTORE_NOT_FOUND`, `SDK_KEYSTORE_INVALID`,
 *   `SDK_KEYSTORE_WRONG_PASSPHRASE`, `SDK_FILE_ERROR`
 */
export async function loadKeystore(dir: string, { name, passphrase }: LoadKeystoreParameters): Promise<UnlockedKey> {
  const path = keystoreFilePath(dir, name)
  if (typeof passphrase !== 'string') throw new MedchainError('"passphrase" expected a string', { code: 'SDK_INVALID_ARGUMENT' })
  const text = await readKeystoreText(path, name)
  let privateKey: Hex
  try {
    privateKey = await decryptKeystore({ keystore: text, passphrase })
  } catch (cause) {
    throw fromCryptoError(cause, path)
  }
  return { name, address: privateKeyToAddress(privateKey), publicKey: privateKeyToPublicKey(privateKey), privateKey }
}

/**
 * The keystores in `dir` with their addresses, read from the files without decrypting them.
 * An absent directory holds none.
 * @throws MedchainError `SDK_FILE_ERROR`
 */
export async function listKeystores(dir: string): Promise<KeystoreEntry[]> {
  let files: string[]
  try {
    files = await readdir(dir)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw new MedchainError(`Cannot read keys directory ${dir}`, { code: 'SDK_FILE_ERROR', details: (cause as Error).message, cause })
  }
  const names = files.filter((file) => file.endsWith('.json')).map((file) => file.slice(0, -5)).filter(isKeystoreName)
  return Promise.all(names.sort().map(async (name) => ({ name, address: await readAddress(join(dir, `${name}.json`)) })))
}

async function readAddress(path: string): Promise<Address | undefined> {
  try {
    const parsed = JSON.parse(await readFile(path, 'utf8')) as { address?: unknown }
    return typeof parsed.address === 'string' && /^(0x)?[0-9a-fA-F]{40}$/.test(parsed.address)
      ? getAddress(parsed.address.startsWith('0x') ? parsed.address : `0x${parsed.address}`)
      : undefined
  } catch {
    // Listing shows what it can; a broken file is reported when it is loaded.
    return undefined
  }
}

async function readKeystoreText(path: string, name: string): Promise<string> {
  try {
    const { size } = await stat(path)
    if (size > MAX_KEYSTORE_BYTES) {
      throw new MedchainError(`Keystore file ${path} is ${size} bytes: too large to be a keystore`, { code: 'SDK_KEYSTORE_INVALID' })
    }
    return await readFile(path, 'utf8')
  } catch (cause) {
    if (cause instanceof MedchainError) throw cause
    if ((cause as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new MedchainError(`No keystore named "${name}" (${path})`, { code: 'SDK_KEYSTORE_NOT_FOUND', cause })
    }
    throw new MedchainError(`Cannot read keystore file ${path}`, { code: 'SDK_FILE_ERROR', details: (cause as Error).message, cause })
  }
}

/** Writes a new file atomically and refuses to replace an existing one: link() fails with EEXIST. */
async function writeNew(dir: string, path: string, contents: string): Promise<void> {
  let temp: string | undefined
  try {
    await mkdir(dir, { recursive: true, mode: 0o700 })
    temp = await writeTempFile(path, contents, 0o600)
    await link(temp, path)
  } catch (cause) {
    if ((cause as NodeJS.ErrnoException).code === 'EEXIST') {
      throw new MedchainError(`A keystore ${path} already exists`, { code: 'SDK_KEYSTORE_EXISTS', cause })
    }
    throw new MedchainError(`Cannot write keystore file ${path}`, { code: 'SDK_FILE_ERROR', details: (cause as Error).message, cause })
  } finally {
    if (temp) await rm(temp, { force: true })
  }
}

function assertPassphrase(passphrase: unknown): void {
  if (typeof passphrase !== 'string' || passphrase.length === 0) {
    throw new MedchainError('"passphrase" expected a non-empty string', { code: 'SDK_INVALID_ARGUMENT' })
  }
}

function fromCryptoError(cause: unknown, what: string): MedchainError {
  if (!(cause instanceof CryptoError)) {
    return new MedchainError(`Cannot use ${what}`, { code: 'SDK_UNKNOWN_ERROR', details: (cause as Error)?.message, cause })
  }
  switch (cause.code) {
    case 'CRYPTO_BAD_PASSPHRASE':
      return new MedchainError(`Wrong passphrase for ${what}`, { code: 'SDK_KEYSTORE_WRONG_PASSPHRASE', cause })
    case 'CRYPTO_BAD_KEYSTORE':
      return new MedchainError(`Not a valid keystore (${what}): ${cause.shortMessage}`, { code: 'SDK_KEYSTORE_INVALID', cause })
    default:
      return new MedchainError(cause.shortMessage, { code: 'SDK_INVALID_ARGUMENT', cause })
  }
}
