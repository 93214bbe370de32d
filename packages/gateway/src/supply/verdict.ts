// The verdict of a scanned unit: the first problem found, in the order that matters most to
// the person holding the pack.
import type { ScanVerdict } from '@medchain/index'
import type { DrugItem, DrugLot } from '@medchain/sdk'

/** A verdict with the sentence the verify page shows. */
export type Verdict = { verdict: ScanVerdict; message: string }

export const UNKNOWN_MESSAGE = 'This serial number was never commissioned by the manufacturer: the pack may be counterfeit. Do not use it; tell your pharmacist.'

const REASON_WORDS = { destroyed: 'reported destroyed', stolen: 'reported stolen', sample: 'taken out of the supply chain as a sample' } as const

/**
 * Recalled first (do not take it), then a broken custody (it left the supply chain irregularly:
 * stolen, destroyed, sample, or shipped and never received), then dispensed before (a reused
 * or cloned code), then expired; else genuine.
 */
export function verdictOf({ item, lot, now, dispensedBy }: { item: DrugItem; lot: DrugLot; now: number; dispensedBy: string }): Verdict {
  if (lot.recalledAt !== undefined) {
    return { verdict: 'recalled-lot', message: `Lot ${lot.lot} was recalled on ${isoDay(lot.recalledAt)} (reason code ${lot.recallReason}). Do not use it; return it to a pharmacy.` }
  }
  if (item.status === 'decommissioned') {
    return { verdict: 'custody-broken', message: `This pack was ${REASON_WORDS[item.decommissionReason ?? 'destroyed']} and should not be on sale.` }
  }
  if (item.status === 'in-transit') {
    return { verdict: 'custody-broken', message: 'This pack was shipped and never received by the member it was sent to: it left the supply chain on the way.' }
  }
  if (item.status === 'dispensed') {
    return { verdict: 'already-dispensed', message: `This pack was dispensed on ${isoDay(item.updatedAt)} by ${dispensedBy}. If that was not to you, the code may be reused or cloned.` }
  }
  if (now >= lot.expiresAt) return { verdict: 'expired', message: `This pack expired at the end of ${new Date((lot.expiresAt - 86_400) * 1000).toISOString().slice(0, 10)}.` }
  return { verdict: 'genuine', message: `Genuine: commissioned by the manufacturer, custody unbroken, lot ${lot.lot} not recalled, not expired.` }
}

function isoDay(seconds: bigint): string {
  return new Date(Number(seconds) * 1000).toISOString().slice(0, 10)
}
