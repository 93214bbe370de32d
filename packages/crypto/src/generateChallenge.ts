import { randomBytes } from 'node:crypto';
import { bytesToHex } from './bytes.ts';
import type { Hex } from './types.ts';

/** A fresh random login challenge (32 bytes as `0x` hex) for a gateway to issue. */
export function generateChallenge(): Hex {
  return bytesToHex(randomBytes(32));
}
