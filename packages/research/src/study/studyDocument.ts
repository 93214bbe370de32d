/**
 * The public description of a study, stored off chain and content-addressed: the chain holds
 * its SHA-256 (`documentHash`) and the Poseidon hash of the parameters the circuit checks
 * (`studyHash`). Numbers are decimal strings, values already in fixed point.
 */
export type StudyDocument = {
  version: 1
  studyId: string
  title: string
  /** Why the data is used, shown to patients deciding whether to enroll. */
  purpose: string
  /** 'paillier' (research-protocol.md section 4) or 'verified' (section 5). */
  mode: StudyMode
  circuit: string
  /** Unix seconds: attested measurements older than this are not eligible. */
  notBefore: number
  capacity: number
  /** Unix seconds: last moment to enroll. */
  deadline: number
  indicators: StudyDocumentIndicator[]
  /** Poseidon commitment to the reference ranges (verified mode), "0" otherwise. */
  rangeCommitment: string
  /** Paillier mode: the institution's public key and its ranges encrypted under it. */
  paillier?: { publicKey: { kind: 'paillier-public-key'; version: 1; n: string }; lambda: number; encryptedRanges: { low: string; high: string }[] }
}

export type StudyMode = 'paillier' | 'verified'

export type StudyDocumentIndicator = {
  code: string
  decimals: number
  /** Plausible bounds [p, q], fixed point: values outside are refused as implausible. */
  plausibleLow: string
  plausibleHigh: string
}

/** The reference ranges behind a verified-mode commitment, opened to holders who enroll. */
export type RangeOpening = { ranges: { low: string; high: string }[]; salt: string }
