/** Names of the HTTP headers carrying a request signature (lowercase, as Node exposes them). */
export const REQUEST_SIGNATURE_HEADERS = {
  signer: 'x-medchain-signer',
  timestamp: 'x-medchain-timestamp',
  nonce: 'x-medchain-nonce',
  signature: 'x-medchain-signature',
  /** The gateway (member address) a request is for: a signed request is useless anywhere else. */
  audience: 'x-medchain-audience',
} as const;

/** The headers {@link signRequest} produces, to merge into an outgoing request. */
export type SignedRequestHeaders = {
  [K in Exclude<(typeof REQUEST_SIGNATURE_HEADERS)[keyof typeof REQUEST_SIGNATURE_HEADERS], 'x-medchain-audience'>]: string;
} & { 'x-medchain-audience'?: string };

/** Format of `x-medchain-nonce`: 16 bytes as lowercase `0x` hex, one spelling per nonce. */
export const REQUEST_NONCE_RE = /^0x[0-9a-f]{32}$/;
