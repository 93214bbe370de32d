/** A `0x`-prefixed hexadecimal string, as viem spells it. */
export type Hex = `0x${string}`;

/** A 20-byte account address, `0x`-prefixed; produced EIP-55 checksummed. */
export type Address = `0x${string}`;
