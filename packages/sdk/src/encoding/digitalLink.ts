// GS1 Digital Link URLs of serialised drug units, as printed in their QR codes:
// `<resolver>/01/{gtin}/21/{serial}?10={lot}&17={expiry}`.
import { MedchainError } from '../errors.ts'
import { encodeGs1Value, formatExpiry, normalizeGtin, parseExpiry } from './gs1.ts'

/** What a drug pack's Digital Link carries. `gtin` is GTIN-14, `expiry` YYMMDD. */
export type DigitalLink = { gtin: string; serial: string; lot?: string | undefined; expiry?: number | undefined }

function invalid(message: string): MedchainError {
  return new MedchainError(message, { code: 'SDK_INVALID_ARGUMENT' })
}

/**
 * Parses a Digital Link (a full URL, or just its path and query) into checked GS1 values. Accepts
 * the lot as a path qualifier too (`/01/{gtin}/10/{lot}/21/{serial}`), and GTIN-8/12/13.
 * @throws MedchainError `SDK_INVALID_ARGUMENT` naming the part at fault (`01` with a wrong check digit...)
 */
export function parseDigitalLink(link: string | URL): DigitalLink & { resolver: string } {
  let url: URL
  try {
    url = typeof link === 'string' ? new URL(link, 'https://id.gs1.org') : link
  } catch {
    throw invalid('"link" expected a GS1 Digital Link URL')
  }
  const match = /^(.*?)\/01\/([^/]+)(?:\/10\/([^/]+))?\/21\/([^/]+)\/?$/.exec(url.pathname)
  if (!match) throw invalid('"link" expected a path /01/{gtin}/21/{serial} (GS1 Digital Link)')
  const [, prefix, gtinPart, lotPart, serialPart] = match as unknown as [string, string, string, string | undefined, string]
  const decode = (part: string, name: string) => {
    try {
      return decodeURIComponent(part)
    } catch {
      throw invalid(`"${name}" is not validly percent-encoded`)
    }
  }
  const gtin = normalizeGtin('01', gtinPart)
  const serial = decode(serialPart, '21')
  encodeGs1Value('21', serial)
  const lotText = lotPart !== undefined ? decode(lotPart, '10') : (url.searchParams.get('10') ?? undefined)
  if (lotText !== undefined) encodeGs1Value('10', lotText)
  const expiryText = url.searchParams.get('17')
  const expiry = expiryText === null ? undefined : parseExpiry('17', expiryText)
  return { gtin, serial, lot: lotText, expiry, resolver: `${url.origin}${prefix}` }
}

/** The Digital Link of a unit at `resolver` (e.g. a gateway's base URL). */
export function formatDigitalLink(resolver: string, { gtin, serial, lot, expiry }: DigitalLink): string {
  const query = new URLSearchParams()
  if (lot !== undefined) query.set('10', lot)
  if (expiry !== undefined) query.set('17', formatExpiry(expiry))
  const search = query.size > 0 ? `?${query.toString()}` : ''
  return `${resolver.replace(/\/$/, '')}/01/${normalizeGtin('gtin', gtin)}/21/${encodeURIComponent(serial)}${search}`
}
