// Every scan is recorded; a serial scanned in distant places within a month (a clone), or an
// unknown serial of a registered product (a counterfeit), raises an alert for the product's
// manufacturer and the regulators.
import { randomBytes } from 'node:crypto'
import type { ScanVerdict, SupplyScan } from '@medchain/index'
import { bytesToHex, type Address, type Hex } from 'viem'
import type { GatewayContext } from '../context.ts'

/** Scans further apart than this are two places for one pack to be (a clone). */
export const CLONE_DISTANCE_KM = 50
/** How far back scans are compared. */
const CLONE_WINDOW_MS = 30 * 86_400_000
/** One alert per unit and kind per day: a clone scanned again adds no noise. */
const ALERT_QUIET_MS = 86_400_000
/** How long after a scan its page may still add the scanner's place. */
export const PLACE_WINDOW_MS = 10 * 60_000

export type Place = { lat: number; lng: number }
export type ScanFacts = { unitId: Hex; gtin: string; serial: string; verdict: ScanVerdict; manufacturer: Address | undefined }

const newId = (): Hex => bytesToHex(randomBytes(32))

/** Great-circle distance in km (haversine, mean Earth radius). */
export function distanceKm(a: Place, b: Place): number {
  const rad = (deg: number) => (deg * Math.PI) / 180
  const h = Math.sin(rad(b.lat - a.lat) / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(rad(b.lng - a.lng) / 2) ** 2
  return 2 * 6371 * Math.asin(Math.sqrt(h))
}

async function alertOnce(ctx: GatewayContext, kind: 'clone' | 'counterfeit', facts: ScanFacts & { manufacturer: Address }, scanIds: Hex[], distance: number | null): Promise<void> {
  const recent = await ctx.index.listSupplyAlerts({ unitId: facts.unitId, since: new Date(Date.now() - ALERT_QUIET_MS), count: 10 })
  if (recent.rows.some((alert) => alert.kind === kind)) return
  await ctx.index.insertSupplyAlert({ alertId: newId(), kind, unitId: facts.unitId, gtin: facts.gtin, serial: facts.serial, manufacturer: facts.manufacturer, scanIds, distanceKm: distance, createdAt: new Date() })
}

/** Alerts if `scan` has a place far from another recent scan of the same unit. */
async function checkClone(ctx: GatewayContext, scan: SupplyScan, manufacturer: Address | undefined): Promise<void> {
  if (scan.lat === null || scan.lng === null || manufacturer === undefined || scan.verdict === 'unknown-serial') return
  const here = { lat: scan.lat, lng: scan.lng }
  const others = await ctx.index.listPlacedScans({ unitId: scan.unitId, since: new Date(Date.now() - CLONE_WINDOW_MS) })
  let farthest: { scan: SupplyScan; km: number } | undefined
  for (const other of others) {
    if (other.scanId === scan.scanId) continue
    const km = distanceKm(here, { lat: other.lat as number, lng: other.lng as number })
    if (km > (farthest?.km ?? CLONE_DISTANCE_KM)) farthest = { scan: other, km }
  }
  if (farthest !== undefined) await alertOnce(ctx, 'clone', { ...scan, manufacturer }, [farthest.scan.scanId, scan.scanId], farthest.km)
}

/** Records a scan, with its place when given, and raises the alerts it calls for. */
export async function recordScan(ctx: GatewayContext, facts: ScanFacts, place: Place | undefined): Promise<SupplyScan> {
  const scan = await ctx.index.recordScan({ scanId: newId(), unitId: facts.unitId, gtin: facts.gtin, serial: facts.serial, verdict: facts.verdict, lat: place?.lat, lng: place?.lng, at: new Date() })
  if (facts.verdict === 'unknown-serial' && facts.manufacturer !== undefined) await alertOnce(ctx, 'counterfeit', { ...facts, manufacturer: facts.manufacturer }, [scan.scanId], null)
  await checkClone(ctx, scan, facts.manufacturer)
  return scan
}

/**
 * Adds the place the verify page got from the scanner's browser to a scan made in the last
 * minutes, then checks for a clone. Undefined when the scan is unknown, too old or placed.
 */
export async function placeScan(ctx: GatewayContext, scanId: Hex, place: Place, manufacturerOf: (unitId: Hex) => Promise<Address | undefined>): Promise<SupplyScan | undefined> {
  const scan = await ctx.index.setScanPlace({ scanId, lat: place.lat, lng: place.lng, withinMs: PLACE_WINDOW_MS })
  if (scan !== undefined) await checkClone(ctx, scan, await manufacturerOf(scan.unitId))
  return scan
}
