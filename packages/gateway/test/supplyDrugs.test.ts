// Drug traceability through the members' gateways: the whole lifecycle of a batch and its
// units, every verdict of the public verify API (and its HTML page), a replayed ship event, a
// receive by the wrong member, a dispense by a non-pharmacy, a clone scanned in two cities.
// Every refusal asserts the exact error, that the chain state is unchanged and that it is logged.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { formatDigitalLink, getDrugItem, type DrugItemRef } from '@medchain/sdk'
import type { Hex } from 'viem'
import { AuditDecisions } from '../src/index.ts'
import { startSupplyNetwork, type SupplyMember, type SupplyNetwork } from './supplyNetwork.ts'

const GTIN = '09506000134352'
const BERLIN = { lat: 52.52, lng: 13.405 }
const MUNICH = { lat: 48.137, lng: 11.575 }
type Outcome = { issue: { details: { coding: { code: string }[] }; diagnostics: string; expression?: string[] }[] }
type Answer = { verdict: string; message: string; trail: { what: string; verified: boolean; actorName: string; epcis: { bizStep: string } | null }[]; unit: { holder: { name: string }; status: string } | null; scan: { scanId: Hex } }

describe('drug supply chain through the gateways', () => {
  let net: SupplyNetwork
  let serial = 0
  const nextSerial = () => `SN-${++serial}`
  before(async () => {
    net = await startSupplyNetwork()
    const registered = await net.call(net.manufacturer, 'POST', '/supply/products', { gtin: GTIN })
    assert.equal(registered.status, 201, JSON.stringify(registered.body))
  })
  after(() => net?.close())

  const post = (member: SupplyMember, path: string, body: unknown) => net.call(member, 'POST', path, body)
  async function ok(member: SupplyMember, path: string, body: unknown) {
    const answer = await post(member, path, body)
    assert.ok(answer.status === 200 || answer.status === 201, `${path}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body as Record<string, unknown>
  }
  /** Ships `item` from `from` to `to` and receives it there. */
  async function move(item: DrugItemRef, from: SupplyMember, to: SupplyMember) {
    await ok(from, '/supply/ship', { item, to: to.address })
    await ok(to, '/supply/receive', { item })
  }
  async function commission(serials: string[], { lot = 'LOT-A', expiry = '991231' } = {}) {
    return ok(net.manufacturer, '/supply/commission', { gtin: GTIN, lot, expiry, serials, batch: serials.length > 1 })
  }
  /** The verify API's answer for a unit (at the manufacturer's gateway, the QR code's resolver). */
  async function verify(unitSerial: string, { lot, expiry, place }: { lot?: string; expiry?: number; place?: { lat: number; lng: number } } = {}) {
    const link = formatDigitalLink(net.manufacturer.url, { gtin: GTIN, serial: unitSerial, lot, expiry })
    const url = new URL(link)
    if (place) for (const [k, v] of Object.entries(place)) url.searchParams.set(k, String(v))
    const response = await fetch(url, { headers: { accept: 'application/json' } })
    assert.equal(response.status, 200)
    return (await response.json()) as Answer
  }
  async function expectOutcome(answer: { status: number; body: unknown }, status: number, code: string, diagnostics?: RegExp) {
    assert.equal(answer.status, status, JSON.stringify(answer.body))
    const issue = (answer.body as Outcome).issue[0]
    assert.equal(issue?.details.coding[0]?.code, code)
    if (diagnostics) assert.match(issue?.diagnostics ?? '', diagnostics)
  }
  async function expectLogged(member: SupplyMember, decision: number, operation: string) {
    const entries = await member.gateway!.context.index.listAuditEntries({ count: 1000 })
    assert.ok(entries.rows.some((e) => e.action === 3 && e.decision === decision && (e.detail as { supply?: string } | null)?.supply === operation), `a ${operation} refusal (${decision}) is logged`)
  }
  const itemState = (item: DrugItemRef) => getDrugItem(net.regulator.client, { item })

  it('runs a batch through commission, two hops and a dispense at the pharmacy; the unit verifies genuine, then already dispensed', async () => {
    const serials = [nextSerial(), nextSerial(), nextSerial(), nextSerial(), nextSerial()]
    const { batchId } = (await commission(serials)) as { batchId: Hex }
    await move({ batchId }, net.manufacturer, net.distributor)
    await move({ batchId }, net.distributor, net.pharmacy)

    let answer = await verify(serials[2]!, { lot: 'LOT-A', expiry: 991231 })
    assert.equal(answer.verdict, 'genuine', answer.message)
    assert.equal(answer.unit?.holder.name, 'Corner Pharmacy')
    assert.deepEqual(
      answer.trail.map((s) => [s.what.split(' ')[0], s.actorName, s.verified]),
      [
        ['commissioned', 'Acme Pharma', true],
        ['shipped', 'Acme Pharma', true],
        ['received', 'Rhine Logistics', true],
        ['shipped', 'Rhine Logistics', true],
        ['received', 'Corner Pharmacy', true],
      ],
    )
    assert.deepEqual(answer.trail.map((s) => s.epcis?.bizStep), ['commissioning', 'shipping', 'receiving', 'shipping', 'receiving'])

    const dispensed = await ok(net.pharmacy, '/supply/dispense', { gtin: GTIN, serial: serials[2] })
    assert.match(String(dispensed.eventId), /^0x[0-9a-f]{64}$/)
    answer = await verify(serials[2]!)
    assert.equal(answer.verdict, 'already-dispensed')
    assert.match(answer.message, /dispensed on \d{4}-\d\d-\d\d by Corner Pharmacy/)
    assert.deepEqual(answer.trail.slice(-2).map((s) => s.what), ['unpacked', 'dispensed'])
    // A second dispense of the same serial is refused by the chain and logged.
    const again = await post(net.pharmacy, '/supply/dispense', { gtin: GTIN, serial: serials[2] })
    await expectOutcome(again, 409, 'GATEWAY_SUPPLY_REFUSED', /DrugInvalidStatus/)
    await expectLogged(net.pharmacy, AuditDecisions.SUPPLY_REFUSED, 'dispenseUnit')
    // The other units of the batch are still genuine and at the pharmacy.
    assert.equal((await verify(serials[4]!)).verdict, 'genuine')
    // Writes are in the access log, anchored.
    await net.pharmacy.gateway!.context.audit.anchorPending()
    const entries = await net.pharmacy.gateway!.context.index.listAuditEntries({ count: 1000 })
    assert.ok(entries.rows.some((e) => e.action === 2 && (e.detail as { supply?: string }).supply === 'dispenseUnit' && e.batchRoot !== null))
  })

  it('answers unknown serial for a serial never commissioned, and for a pack whose printed lot differs', async () => {
    const unknown = await verify('NEVER-MADE')
    assert.equal(unknown.verdict, 'unknown-serial')
    assert.match(unknown.message, /never commissioned/)
    const s = nextSerial()
    await commission([s], { lot: 'LOT-B' })
    const forged = await verify(s, { lot: 'LOT-X' })
    assert.equal(forged.verdict, 'unknown-serial')
    assert.match(forged.message, /lot printed/)
  })

  it('answers recalled lot after a recall', async () => {
    const s = nextSerial()
    await commission([s], { lot: 'LOT-R' })
    await move({ gtin: GTIN, serial: s }, net.manufacturer, net.pharmacy)
    const refused = await post(net.pharmacy, '/supply/recalls', { gtin: GTIN, lot: 'LOT-R', reasonCode: 3 })
    await expectOutcome(refused, 403, 'GATEWAY_FORBIDDEN_ROLE', /recallLot needs the MANUFACTURER or REGULATOR role/)
    await expectLogged(net.pharmacy, AuditDecisions.WRONG_ROLE, 'recallLot')
    await ok(net.manufacturer, '/supply/recalls', { gtin: GTIN, lot: 'LOT-R', reasonCode: 3 })
    const answer = await verify(s)
    assert.equal(answer.verdict, 'recalled-lot')
    assert.equal(answer.trail.at(-1)?.what, 'lot recalled')
    const dispense = await post(net.pharmacy, '/supply/dispense', { gtin: GTIN, serial: s })
    await expectOutcome(dispense, 409, 'GATEWAY_SUPPLY_REFUSED', /DrugLotRecalled/)
    assert.equal((await itemState({ gtin: GTIN, serial: s }))?.status, 'active')
  })

  it('answers expired for a pack past its expiry date', async () => {
    const s = nextSerial()
    await commission([s], { lot: 'LOT-OLD', expiry: '200131' })
    const answer = await verify(s)
    assert.equal(answer.verdict, 'expired')
    assert.match(answer.message, /expired at the end of 2020-01-31/)
  })

  it('answers custody broken for a pack shipped and never received, and for one reported stolen', async () => {
    const inTransit = nextSerial()
    await commission([inTransit], { lot: 'LOT-T' })
    await ok(net.manufacturer, '/supply/ship', { item: { gtin: GTIN, serial: inTransit }, to: net.distributor.address })
    const answer = await verify(inTransit)
    assert.equal(answer.verdict, 'custody-broken')
    assert.match(answer.message, /never received/)
    await ok(net.manufacturer, '/supply/decommission', { item: { gtin: GTIN, serial: inTransit }, reason: 'stolen' })
    const stolen = await verify(inTransit)
    assert.equal(stolen.verdict, 'custody-broken')
    assert.match(stolen.message, /reported stolen/)
  })

  it('refuses a replayed ship event and keeps the unit as it was', async () => {
    const s = nextSerial()
    await commission([s], { lot: 'LOT-P' })
    const ship = { item: { gtin: GTIN, serial: s }, to: net.distributor.address, eventTime: new Date().toISOString(), readPoint: '9506000000008' }
    await ok(net.manufacturer, '/supply/ship', ship)
    await ok(net.distributor, '/supply/receive', { item: { gtin: GTIN, serial: s } })
    const before = await itemState({ gtin: GTIN, serial: s })
    const replayed = await post(net.manufacturer, '/supply/ship', ship)
    await expectOutcome(replayed, 409, 'GATEWAY_SUPPLY_REFUSED', /DrugEventAlreadyRecorded/)
    await expectLogged(net.manufacturer, AuditDecisions.SUPPLY_REFUSED, 'shipItem')
    assert.deepEqual(await itemState({ gtin: GTIN, serial: s }), before)
    assert.equal(before?.holder, net.distributor.address)
  })

  it('refuses a receive by another member than the one shipped to', async () => {
    const s = nextSerial()
    await commission([s], { lot: 'LOT-W' })
    await ok(net.manufacturer, '/supply/ship', { item: { gtin: GTIN, serial: s }, to: net.pharmacy.address })
    const before = await itemState({ gtin: GTIN, serial: s })
    const wrong = await post(net.hospital, '/supply/receive', { item: { gtin: GTIN, serial: s } })
    await expectOutcome(wrong, 409, 'GATEWAY_SUPPLY_REFUSED', new RegExp(`DrugWrongRecipient\\(.*${net.pharmacy.address}.*${net.hospital.address}`))
    await expectLogged(net.hospital, AuditDecisions.SUPPLY_REFUSED, 'receiveItem')
    assert.deepEqual(await itemState({ gtin: GTIN, serial: s }), before)
  })

  it('refuses a dispense by a non-pharmacy (the distributor holding the unit)', async () => {
    const s = nextSerial()
    await commission([s], { lot: 'LOT-D' })
    await move({ gtin: GTIN, serial: s }, net.manufacturer, net.distributor)
    const before = await itemState({ gtin: GTIN, serial: s })
    const refused = await post(net.distributor, '/supply/dispense', { gtin: GTIN, serial: s })
    await expectOutcome(refused, 403, 'GATEWAY_FORBIDDEN_ROLE', /dispenseUnit needs the PHARMACY or HOSPITAL role/)
    await expectLogged(net.distributor, AuditDecisions.WRONG_ROLE, 'dispenseUnit')
    // And the chain refuses it too, for anyone bypassing the gateway.
    const { dispenseUnit } = await import('@medchain/sdk')
    await assert.rejects(dispenseUnit(net.distributor.client, { gtin: GTIN, serial: s }), (e: Error & { revert?: { errorName?: string } }) => e.revert?.errorName === 'DrugNotDispenser')
    assert.deepEqual(await itemState({ gtin: GTIN, serial: s }), before)
    // Writes go through the member's own gateway only.
    const foreign = await net.call(net.pharmacy, 'POST', '/supply/dispense', { gtin: GTIN, serial: s }, net.distributor.key)
    await expectOutcome(foreign, 403, 'GATEWAY_FORBIDDEN_ROLE', /only .* and its individuals write through this gateway/)
  })

  it('raises a clone alert when one serial is scanned in two cities, for the manufacturer and the regulator only', async () => {
    const s = nextSerial()
    await commission([s], { lot: 'LOT-C' })
    await move({ gtin: GTIN, serial: s }, net.manufacturer, net.pharmacy)
    assert.equal((await verify(s, { place: BERLIN })).verdict, 'genuine')
    assert.equal((await verify(s, { place: { lat: 52.5, lng: 13.4 } })).verdict, 'genuine')
    let alerts = (await net.call(net.manufacturer, 'GET', '/supply/alerts')).body as { rows: { kind: string; serial: string }[] }
    assert.equal(alerts.rows.filter((a) => a.kind === 'clone' && a.serial === s).length, 0, 'two scans in one city raise nothing')
    // The second city's scan adds its place from the verify page, after the scan.
    const munich = await verify(s)
    const placed = await fetch(`${net.manufacturer.url}/supply/scans/${munich.scan.scanId}/place`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(MUNICH) })
    assert.equal(placed.status, 200)
    alerts = (await net.call(net.manufacturer, 'GET', '/supply/alerts')).body as typeof alerts
    const clone = alerts.rows.find((a) => a.kind === 'clone' && a.serial === s) as { distanceKm: number } | undefined
    assert.ok(clone, 'the manufacturer sees the clone alert')
    assert.ok(clone.distanceKm > 450 && clone.distanceKm < 550, `Berlin-Munich is about 500 km, got ${clone.distanceKm}`)
    const forRegulator = (await net.call(net.manufacturer, 'GET', '/supply/alerts', undefined, net.regulator.key)).body as typeof alerts
    assert.ok(forRegulator.rows.some((a) => a.kind === 'clone' && a.serial === s), 'the regulator sees it at the manufacturer’s gateway')
    assert.ok(forRegulator.rows.some((a) => a.kind === 'counterfeit' && a.serial === 'NEVER-MADE'), 'and the counterfeit scan of an unknown serial')
    await expectOutcome(await net.call(net.manufacturer, 'GET', '/supply/alerts', undefined, net.pharmacy.key), 403, 'GATEWAY_FORBIDDEN_ROLE')
    // A place is added once.
    const twice = await fetch(`${net.manufacturer.url}/supply/scans/${munich.scan.scanId}/place`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(BERLIN) })
    assert.equal(twice.status, 404)
  })

  it('refuses malformed Digital Links with the part at fault, and serves the HTML page to browsers', async () => {
    const s = nextSerial()
    await commission([s], { lot: 'LOT-H' })
    const badDigit = await fetch(`${net.manufacturer.url}/01/09506000134353/21/${s}`, { headers: { accept: 'application/json' } })
    assert.equal(badDigit.status, 400)
    const outcome = (await badDigit.json()) as Outcome
    assert.equal(outcome.issue[0]?.details.coding[0]?.code, 'GATEWAY_INVALID_DIGITAL_LINK')
    assert.deepEqual(outcome.issue[0]?.expression, ['link.01'])
    assert.match(outcome.issue[0]?.diagnostics ?? '', /check digit: 09506000134352 expected/)
    const badExpiry = await fetch(`${net.manufacturer.url}/01/${GTIN}/21/${s}?17=991332`, { headers: { accept: 'application/json' } })
    assert.equal(badExpiry.status, 400)
    assert.deepEqual(((await badExpiry.json()) as Outcome).issue[0]?.expression, ['link.17'])
    const page = await fetch(formatDigitalLink(net.manufacturer.url, { gtin: GTIN, serial: s, lot: 'LOT-H', expiry: 991231 }), { headers: { accept: 'text/html' } })
    assert.equal(page.status, 200)
    const html = await page.text()
    assert.match(html, /data-verdict="genuine"/)
    assert.match(html, /Acme Pharma/)
    const htmlError = await fetch(`${net.manufacturer.url}/01/123/21/${s}`, { headers: { accept: 'text/html' } })
    assert.equal(htmlError.status, 400)
    assert.match(await htmlError.text(), /not a valid drug code/)
  })
})
