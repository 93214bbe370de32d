// The public verification of a scanned Digital Link: the unit's state from the chain (its own,
// or its batch's with the unit's Merkle proof checked on chain), the verdict, the custody trail,
// and the scan recorded.
import type { SupplyScan, SupplyUnit } from '@medchain/index'
import { batchTreeOf, encodeGs1Value, expiryToIsoDate, formatExpiry, getDrugItem, getLot, getProduct, unitIdOf, type DigitalLink, type DrugItem } from '@medchain/sdk'
import { drugRegistryAbi } from '@medchain/contracts'
import type { Address, Hex } from 'viem'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { recordScan, type Place } from './scanAlerts.ts'
import { custodyTrail, type TrailStep } from './trail.ts'
import { UNKNOWN_MESSAGE, verdictOf, type Verdict } from './verdict.ts'

/** A member as the public sees it. */
export type Party = { address: Address; name: string }

/** What the verify API answers. */
export type VerifyAnswer = Verdict & {
  link: { gtin: string; serial: string; lot: string | null; expiry: string | null }
  product: { gtin: string; manufacturer: Party } | null
  unit: { unitId: Hex; lot: string; expiry: string; expiresOn: string; batchId: Hex | null; status: DrugItem['status']; holder: Party } | null
  trail: (TrailStep & { actorName: string; counterpartyName: string | null })[]
  scan: { scanId: Hex; at: string }
}

const BATCH_TREES_KEPT = 256

/** The verify service of one gateway: batch trees are kept (they never change once on chain). */
export function createUnitVerifier(ctx: GatewayContext) {
  const trees = new Map<Hex, ReturnType<typeof batchTreeOf>>()
  // Both never change once on chain: a member's name (the Consortium has no rename) and a
  // product's manufacturer (registered once). Unregistered products are asked again each time.
  const names = new Map<Address, string>()
  const manufacturers = new Map<string, Address>()

  const partyOf = async (address: Address): Promise<Party> => {
    let name = names.get(address)
    if (name === undefined) {
      const member = await ctx.callers.member(address)
      name = member.name === '' ? address : member.name
      if (member.name !== '') names.set(address, name)
    }
    return { address, name }
  }

  const manufacturerOf = async (gtin: string): Promise<Address | undefined> => {
    let manufacturer = manufacturers.get(gtin)
    if (manufacturer === undefined) {
      manufacturer = (await chain(() => getProduct(ctx.client, { gtin })))?.manufacturer
      if (manufacturer !== undefined) manufacturers.set(gtin, manufacturer)
    }
    return manufacturer
  }

  const chain = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn()
    } catch (error) {
      throw new GatewayError('The chain node did not answer', { code: 'GATEWAY_CHAIN_UNAVAILABLE', cause: error })
    }
  }

  /** The unit's proof in its batch tree, rebuilt from the serials of the batch's commissioning. */
  async function batchProof(unit: SupplyUnit & { batchId: Hex }): Promise<Hex[]> {
    let tree = trees.get(unit.batchId)
    if (tree === undefined) {
      const events = await ctx.index.listSupplyEvents({ itemIds: [unit.batchId] })
      const serials = events.find((e) => e.event === 'BatchCommissioned')?.data.serials as string[] | undefined
      if (serials === undefined) throw new GatewayError('The index lists a unit in a batch it has no commissioning for', { code: 'GATEWAY_INTEGRITY_FAILED' })
      tree = batchTreeOf(unit.gtin, serials)
      if (trees.size >= BATCH_TREES_KEPT) trees.delete(trees.keys().next().value as Hex)
      trees.set(unit.batchId, tree)
    }
    return tree.proofs[unit.leafIndex ?? -1] ?? []
  }

  /** The unit's batch proof, checked by the contract: the index alone is never trusted. */
  async function checkInBatch(unit: SupplyUnit & { batchId: Hex }): Promise<void> {
    const proof = await batchProof(unit)
    const serial = encodeGs1Value('serial', unit.serial)
    const inBatch = await chain(() =>
      ctx.client.publicClient.readContract({ address: ctx.deployment.drugRegistry, abi: drugRegistryAbi, functionName: 'isUnitInBatch', args: [unit.batchId, serial, proof] }),
    )
    if (!inBatch) throw new GatewayError('The index places a unit in a batch the chain does not prove', { code: 'GATEWAY_INTEGRITY_FAILED' })
  }

  /** The verdict on `link`, with the scan recorded (and alerts raised). */
  async function verify(link: DigitalLink, place: Place | undefined): Promise<VerifyAnswer> {
    await ctx.supply.sync()
    const unitId = unitIdOf(link.gtin, link.serial)
    const [unit, manufacturer] = await Promise.all([ctx.index.getSupplyUnit({ unitId }), manufacturerOf(link.gtin)])
    const base = {
      link: { gtin: link.gtin, serial: link.serial, lot: link.lot ?? null, expiry: link.expiry === undefined ? null : formatExpiry(link.expiry) },
      product: manufacturer === undefined ? null : { gtin: link.gtin, manufacturer: await partyOf(manufacturer) },
    }
    let answer: Omit<VerifyAnswer, 'scan'>
    if (unit === undefined) {
      answer = { ...base, verdict: 'unknown-serial', message: UNKNOWN_MESSAGE, unit: null, trail: [] }
    } else {
      const own = await chain(() => getDrugItem(ctx.client, { item: { gtin: unit.gtin, serial: unit.serial } }))
      if (own === undefined && unit.batchId !== null) await checkInBatch({ ...unit, batchId: unit.batchId })
      const item = own ?? (unit.batchId === null ? undefined : await chain(() => getDrugItem(ctx.client, { item: { batchId: unit.batchId as Hex } })))
      const lot = await chain(() => getLot(ctx.client, { lotId: unit.lotId }))
      if (item === undefined || lot === undefined) throw new GatewayError('The index lists a unit the chain does not hold', { code: 'GATEWAY_INTEGRITY_FAILED' })
      const events = await ctx.index.listSupplyEvents({ itemIds: [unit.unitId, unit.lotId, ...(unit.batchId === null ? [] : [unit.batchId])] })
      const trail = await Promise.all(
        custodyTrail(unit, events).map(async (step) => ({
          ...step,
          actorName: (await partyOf(step.actor)).name,
          counterpartyName: step.counterparty === null ? null : (await partyOf(step.counterparty)).name,
        })),
      )
      const printedLot = link.lot !== undefined && link.lot !== unit.lot
      const printedExpiry = link.expiry !== undefined && link.expiry !== unit.expiry
      const verdict: Verdict =
        printedLot || printedExpiry
          ? { verdict: 'unknown-serial', message: `The ${printedLot ? 'lot' : 'expiry date'} printed on this pack is not the one its serial was commissioned with: the pack may be counterfeit.` }
          : verdictOf({ item, lot, now: Math.floor(Date.now() / 1000), dispensedBy: (await partyOf(item.holder)).name })
      answer = {
        ...base,
        ...verdict,
        unit: { unitId, lot: unit.lot, expiry: formatExpiry(unit.expiry), expiresOn: expiryToIsoDate(unit.expiry), batchId: unit.batchId, status: item.status, holder: await partyOf(item.holder) },
        trail,
      }
    }
    const scan: SupplyScan = await recordScan(ctx, { unitId, gtin: link.gtin, serial: link.serial, verdict: answer.verdict, manufacturer: unit?.manufacturer ?? manufacturer }, place)
    return { ...answer, scan: { scanId: scan.scanId, at: scan.at } }
  }

  return { verify, batchProof }
}

/** What {@link createUnitVerifier} returns. */
export type UnitVerifier = ReturnType<typeof createUnitVerifier>
