/** scrypt parameters of a Web3 Secret Storage (v3) keystore, hex without `0x` as in the spec. */
export type ScryptKdfParams = { dklen: number; n: number; r: number; p: number; salt: string };

/** PBKDF2 parameters of a v3 keystore; only `hmac-sha256` exists in the spec. */
export type Pbkdf2KdfParams = { c: number; dklen: number; prf: 'hmac-sha256'; salt: string };

/**
 * A Web3 Secret Storage Definition v3 keystore, as geth, ethers and wallets read and write it.
 * Hex fields carry no `0x` prefix; `address` is the lowercase account address without `0x`.
 */
export type Keystore = {
  version: 3;
  id: string;
  address?: string;
  crypto: {
    cipher: 'aes-128-ctr';
    cipherparams: { iv: string };
    ciphertext: string;
    mac: string;
  } & ({ kdf: 'scrypt'; kdfparams: ScryptKdfParams } | { kdf: 'pbkdf2'; kdfparams: Pbkdf2KdfParams });
};

/**
 * Bounds on KDF parameters, enforced when reading and when writing keystores so that a hostile
 * keystore cannot make us allocate or compute without limit. Geth's standard (N = 2^18, r = 8,
 * p = 1) and light (N = 2^12, r = 8, p = 6) parameters fit.
 */
export const KEYSTORE_LIMITS = {
  scryptMaxN: 2 ** 20,
  /** r * p bounds the CPU cost beyond N (p sequential passes of r blocks). */
  scryptMaxRTimesP: 64,
  /** scrypt needs about 128 * N * r bytes of memory. */
  scryptMaxMemoryBytes: 2 ** 30,
  /** scrypt time grows with N * r * p; this is the cost of N = 2^20, r = 8, p = 1 (seconds). */
  scryptMaxCost: 2 ** 23,
  pbkdf2MaxIterations: 2 ** 22,
  saltMaxBytes: 128,
} as const;

/** Default scrypt parameters for new keystores (N = 2^17, r = 8, p = 1: 128 MiB of memory). */
export const KEYSTORE_DEFAULT_SCRYPT = { n: 2 ** 17, r: 8, p: 1 } as const;
