// GS1 values, Digital Links and EPCIS event ids: checked inputs with named errors, and the
// date rule the contracts share.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { expectMedchainError } from '../../test/expectMedchainError.ts'
import { epcisDocument, epcisEventId, unitEpc } from './epcisEvent.ts'
import { formatDigitalLink, parseDigitalLink } from './digitalLink.ts'
import { decodeGs1Value, encodeGs1Value, expiryToIsoDate, expiryToUnix, gs1CheckDigit, normalizeGln, normalizeGtin, parseExpiry } from './gs1.ts'
import { batchTreeOf } from './supplyIds.ts'

describe('GS1 values', () => {
  it('computes check digits and normalises GTINs to 14 digits', () => {
    assert.equal(gs1CheckDigit('950600013435'), 2)
    assert.equal(normalizeGtin('gtin', '9506000134352'), '09506000134352')
    assert.equal(normalizeGtin('gtin', '96385074'), '00000096385074')
    assert.equal(normalizeGln('gln', '9506000000008'), '9506000000008')
  })

  it('refuses a wrong check digit, a wrong length, characters outside set 82, bad dates, naming the argument', async () => {
    const digit = await expectMedchainError(() => normalizeGtin('01', '09506000134353'), 'SDK_INVALID_ARGUMENT')
    assert.match(digit.message, /"01" has a wrong check digit: 09506000134352 expected/)
    await expectMedchainError(() => normalizeGtin('gtin', '123'), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => normalizeGln('readPoint', '9506000000005'), 'SDK_INVALID_ARGUMENT')
    assert.match((await expectMedchainError(() => encodeGs1Value('serial', 'has space'), 'SDK_INVALID_ARGUMENT')).message, /"serial"/)
    await expectMedchainError(() => encodeGs1Value('serial', 'X'.repeat(21)), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => encodeGs1Value('lot', '#1'), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => parseExpiry('17', '271301'), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => parseExpiry('17', '2712'), 'SDK_INVALID_ARGUMENT')
  })

  it('round-trips serials through bytes32 (property)', () => {
    const set82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`.split('')
    fc.assert(fc.property(fc.array(fc.constantFrom(...set82), { minLength: 1, maxLength: 20 }), (chars) => {
      const serial = chars.join('')
      assert.equal(decodeGs1Value(encodeGs1Value('serial', serial)), serial)
    }))
  })

  it('expires at the end of the day, or of the month for day 00 (leap years included)', () => {
    assert.equal(expiryToUnix(270131), Date.UTC(2027, 1, 1) / 1000)
    assert.equal(expiryToUnix(271200), Date.UTC(2028, 0, 1) / 1000)
    assert.equal(expiryToIsoDate(280200), '2028-02-29')
    assert.equal(expiryToIsoDate(270200), '2027-02-28')
  })
})

describe('GS1 Digital Link', () => {
  it('formats and parses /01/{gtin}/21/{serial}?10={lot}&17={expiry}, percent-encoding the serial', () => {
    const link = formatDigitalLink('https://gw.example/', { gtin: '9506000134352', serial: 'A/1%"', lot: 'L1', expiry: 271231 })
    assert.equal(link, 'https://gw.example/01/09506000134352/21/A%2F1%25%22?10=L1&17=271231')
    assert.deepEqual(parseDigitalLink(link), { gtin: '09506000134352', serial: 'A/1%"', lot: 'L1', expiry: 271231, resolver: 'https://gw.example' })
    assert.deepEqual(parseDigitalLink('https://r.example/gw/01/09506000134352/10/L2/21/S9'), { gtin: '09506000134352', serial: 'S9', lot: 'L2', expiry: undefined, resolver: 'https://r.example/gw' })
  })

  it('names the part at fault', async () => {
    assert.match((await expectMedchainError(() => parseDigitalLink('https://x/01/09506000134353/21/S'), 'SDK_INVALID_ARGUMENT')).message, /"01"/)
    assert.match((await expectMedchainError(() => parseDigitalLink('https://x/01/09506000134352/21/a%20b'), 'SDK_INVALID_ARGUMENT')).message, /"21"/)
    assert.match((await expectMedchainError(() => parseDigitalLink('https://x/01/09506000134352/21/S?17=991340'), 'SDK_INVALID_ARGUMENT')).message, /"17"/)
    await expectMedchainError(() => parseDigitalLink('https://x/00/123'), 'SDK_INVALID_ARGUMENT')
  })
})

describe('EPCIS events', () => {
  it('builds an EPCIS 2.0 ObjectEvent whose id is the hash of its canonical JSON, stable across key order', () => {
    const facts = { kind: 'ship' as const, epcs: [unitEpc('09506000134352', 'S1')], eventTime: 1_780_000_000_123, readPoint: '9506000000008', source: '0x00000000000000000000000000000000000000aa' as const, destination: '0x00000000000000000000000000000000000000bb' as const }
    const document = epcisDocument(facts)
    assert.deepEqual(
      [document.type, document.action, document.bizStep, document.disposition, document.eventTime],
      ['ObjectEvent', 'OBSERVE', 'shipping', 'in_transit', '2026-05-28T20:26:40.123Z'],
    )
    assert.deepEqual(document.readPoint, { id: 'https://id.gs1.org/414/9506000000008' })
    assert.equal(epcisEventId(facts), epcisEventId({ ...facts }))
    assert.notEqual(epcisEventId(facts), epcisEventId({ ...facts, eventTime: facts.eventTime + 1 }))
    const sample = epcisDocument({ kind: 'decommission', epcs: [], eventTime: 1, reason: 3 })
    assert.deepEqual([sample.bizStep, sample.disposition], ['sampling', 'non_sellable_other'])
  })

  it('builds batch trees whose proofs differ per unit', () => {
    const tree = batchTreeOf('09506000134352', ['A', 'B', 'C'])
    assert.equal(tree.proofs.length, 3)
    assert.equal(tree.proofs[2]?.length, 1)
    assert.notEqual(tree.batchId, batchTreeOf('09506000134352', ['A', 'C', 'B']).batchId)
  })
})
