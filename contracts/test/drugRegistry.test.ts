// DrugRegistry: products, unit and batch commissioning, custody by ship and receive checked
// against the holder, unpacking with Merkle proofs, dispensing, recalls, expiry, decommissioning.
// Every refusal asserts the exact custom error and that the item's state did not change.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseEventLogs, zeroAddress, zeroHash, type Hex } from 'viem'
import { decommissionReasons, drugRegistryAbi, drugRegistryBytecode, individualKinds, roles } from '../generated/index.ts'
import { deployConsortium, type ConsortiumContract } from './helpers/consortium.ts'
import { expectRevert } from './helpers/reverts.ts'
import { batchTree, context, GLN, GTIN, lotIdOf, OTHER_GTIN, text, unitIdOf } from './helpers/supply.ts'
import { startTestChain, type TestChain, type TestContract, type TestWallet } from './helpers/testChain.ts'

type Registry = TestContract<typeof drugRegistryAbi>
const { Active, InTransit, Dispensed, Decommissioned } = { Active: 1, InTransit: 2, Dispensed: 3, Decommissioned: 4 }
const LOT = text('LOT-A1')
const EXPIRY = 991231

describe('DrugRegistry', () => {
  let chain: TestChain
  let manufacturer: TestWallet
  let distributor: TestWallet
  let pharmacy: TestWallet
  let hospital: TestWallet
  let regulator: TestWallet
  let research: TestWallet
  let clinician: TestWallet
  let consortium: ConsortiumContract
  let registry: Registry
  let serialCount = 0
  const nextSerial = () => text(`SN${++serialCount}`)
  before(async () => {
    chain = await startTestChain()
    ;[manufacturer, distributor, pharmacy, hospital, regulator, research, clinician] = [0, 1, 2, 3, 4, 5, 6].map((i) => chain.wallet(i)) as TestWallet[] as [
      TestWallet, TestWallet, TestWallet, TestWallet, TestWallet, TestWallet, TestWallet,
    ]
    consortium = await deployConsortium(chain, [
      [manufacturer, roles.MANUFACTURER],
      [distributor, roles.DISTRIBUTOR],
      [pharmacy, roles.PHARMACY],
      [hospital, roles.HOSPITAL],
      [regulator, roles.REGULATOR],
      [research, roles.RESEARCH],
    ])
    await chain.mined(chain.connect(consortium, hospital).write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
    registry = await chain.deploy({ abi: drugRegistryAbi, bytecode: drugRegistryBytecode, args: [consortium.address] })
    await chain.mined(registry.write.registerProduct([GTIN]))
  })
  after(() => chain?.close())

  const as = (wallet: TestWallet): Registry => chain.connect(registry, wallet)
  const item = (id: Hex) => registry.read.getItem([id])

  /** A unit commissioned by the manufacturer, then (optionally) moved along `path`. */
  async function unitAt(...path: TestWallet[]): Promise<{ serial: Hex; unitId: Hex }> {
    const serial = nextSerial()
    await chain.mined(registry.write.commissionUnit([GTIN, serial, LOT, EXPIRY, context()]))
    const unitId = unitIdOf(GTIN, serial)
    let holder = manufacturer
    for (const next of path) {
      await chain.mined(as(holder).write.shipItem([unitId, next.account.address, context()]))
      await chain.mined(as(next).write.receiveItem([unitId, context()]))
      holder = next
    }
    return { serial, unitId }
  }

  it('registers a product once, to a manufacturer, with a valid GTIN', async () => {
    const product = await registry.read.getProduct([GTIN])
    assert.equal(product.manufacturer, manufacturer.account.address)
    await expectRevert(registry.write.registerProduct([GTIN]), 'DrugProductExists', [GTIN, manufacturer.account.address])
    await expectRevert(registry.write.registerProduct([9506000134353n]), 'DrugInvalidGtin', [9506000134353n])
    await expectRevert(as(pharmacy).write.registerProduct([OTHER_GTIN]), 'ConsortiumMissingRole', [pharmacy.account.address, roles.MANUFACTURER])
    assert.equal((await registry.read.getProduct([OTHER_GTIN])).manufacturer, zeroAddress)
  })

  it('runs a unit through commission, ship, receive, ship, receive and dispense, with EPCIS context in every event', async () => {
    const serial = nextSerial()
    const unitId = unitIdOf(GTIN, serial)
    const commissioned = context()
    let receipt = await chain.mined(registry.write.commissionUnit([GTIN, serial, LOT, EXPIRY, commissioned]))
    const [event] = parseEventLogs({ abi: drugRegistryAbi, logs: receipt.logs, eventName: 'UnitCommissioned' })
    assert.deepEqual(event?.args, { unitId, lotId: lotIdOf(GTIN, LOT), manufacturer: manufacturer.account.address, gtin: GTIN, serial, lot: LOT, expiry: EXPIRY, context: commissioned })
    const lot = await registry.read.getLot([lotIdOf(GTIN, LOT)])
    assert.deepEqual([lot.gtin, lot.expiry, lot.manufacturer, lot.lot], [GTIN, EXPIRY, manufacturer.account.address, LOT])

    await chain.mined(registry.write.shipItem([unitId, distributor.account.address, context()]))
    assert.deepEqual([(await item(unitId)).status, (await item(unitId)).pendingRecipient], [InTransit, distributor.account.address])
    await chain.mined(as(distributor).write.receiveItem([unitId, context()]))
    await chain.mined(as(distributor).write.shipItem([unitId, pharmacy.account.address, context()]))
    receipt = await chain.mined(as(pharmacy).write.receiveItem([unitId, context()]))
    const [received] = parseEventLogs({ abi: drugRegistryAbi, logs: receipt.logs, eventName: 'ItemReceived' })
    assert.deepEqual([received?.args.from, received?.args.to], [distributor.account.address, pharmacy.account.address])
    const commitment = randomHash()
    await chain.mined(as(pharmacy).write.dispenseUnit([unitId, commitment, context()]))
    const dispensed = await item(unitId)
    assert.deepEqual([dispensed.status, dispensed.holder, dispensed.patientCommitment], [Dispensed, pharmacy.account.address, commitment])
    // A second dispense of the same serial is refused.
    await expectRevert(as(pharmacy).write.dispenseUnit([unitId, zeroHash, context()]), 'DrugInvalidStatus', [unitId, Dispensed])
  })

  it('refuses a replayed ship event, whatever the state, and keeps the item as it was', async () => {
    const { unitId } = await unitAt()
    const shipped = context()
    await chain.mined(registry.write.shipItem([unitId, distributor.account.address, shipped]))
    await chain.mined(as(distributor).write.receiveItem([unitId, context()]))
    const before = await item(unitId)
    await expectRevert(registry.write.shipItem([unitId, distributor.account.address, shipped]), 'DrugEventAlreadyRecorded', [shipped.eventId])
    await expectRevert(as(distributor).write.shipItem([unitId, pharmacy.account.address, shipped]), 'DrugEventAlreadyRecorded', [shipped.eventId])
    assert.deepEqual(await item(unitId), before)
    assert.equal(await registry.read.isEventRecorded([shipped.eventId]), true)
  })

  it('refuses a receive by another member than the recipient', async () => {
    const { unitId } = await unitAt()
    await chain.mined(registry.write.shipItem([unitId, distributor.account.address, context()]))
    const before = await item(unitId)
    await expectRevert(as(pharmacy).write.receiveItem([unitId, context()]), 'DrugWrongRecipient', [unitId, distributor.account.address, pharmacy.account.address])
    await expectRevert(as(clinician).write.receiveItem([unitId, context()]), 'ConsortiumNotMember', [clinician.account.address])
    assert.deepEqual(await item(unitId), before)
  })

  it('refuses a dispense by a non-pharmacy, and by anyone not holding the unit', async () => {
    const { unitId } = await unitAt(distributor)
    const before = await item(unitId)
    await expectRevert(as(distributor).write.dispenseUnit([unitId, zeroHash, context()]), 'DrugNotDispenser', [distributor.account.address])
    await expectRevert(as(pharmacy).write.dispenseUnit([unitId, zeroHash, context()]), 'DrugNotHolder', [unitId, distributor.account.address, pharmacy.account.address])
    await expectRevert(as(research).write.dispenseUnit([unitId, zeroHash, context()]), 'DrugNotDispenser', [research.account.address])
    assert.deepEqual(await item(unitId), before)
    // A hospital's clinician dispenses for the hospital.
    const atHospital = await unitAt(distributor, hospital)
    await chain.mined(as(clinician).write.dispenseUnit([atHospital.unitId, zeroHash, context()]))
    assert.equal((await item(atHospital.unitId)).status, Dispensed)
  })

  it('checks shipping: holder, status, recipient role', async () => {
    const { unitId } = await unitAt()
    await expectRevert(as(distributor).write.shipItem([unitId, pharmacy.account.address, context()]), 'DrugNotHolder', [unitId, manufacturer.account.address, distributor.account.address])
    await expectRevert(registry.write.shipItem([unitId, research.account.address, context()]), 'DrugInvalidRecipient', [research.account.address])
    await expectRevert(registry.write.shipItem([unitId, manufacturer.account.address, context()]), 'DrugInvalidRecipient', [manufacturer.account.address])
    await chain.mined(registry.write.shipItem([unitId, distributor.account.address, context()]))
    await expectRevert(registry.write.shipItem([unitId, pharmacy.account.address, context()]), 'DrugInvalidStatus', [unitId, InTransit])
    const unknown = unitIdOf(GTIN, text('NOPE'))
    await expectRevert(registry.write.shipItem([unknown, distributor.account.address, context()]), 'DrugUnknownItem', [unknown])
  })

  it('checks event contexts and commissioning inputs', async () => {
    const serial = nextSerial()
    await expectRevert(registry.write.commissionUnit([GTIN, serial, LOT, EXPIRY, context({ eventId: zeroHash })]), 'DrugInvalidEventId')
    const future = BigInt(Date.now() + 3_600_000)
    await expectRevert(registry.write.commissionUnit([GTIN, serial, LOT, EXPIRY, context({ eventTime: future })]), 'DrugInvalidEventTime', [future])
    await expectRevert(registry.write.commissionUnit([GTIN, serial, LOT, EXPIRY, context({ readPoint: GLN + 1n })]), 'DrugInvalidGln', [GLN + 1n])
    await expectRevert(registry.write.commissionUnit([OTHER_GTIN, serial, LOT, EXPIRY, context()]), 'DrugUnknownProduct', [OTHER_GTIN])
    await expectRevert(registry.write.commissionUnit([GTIN, text('A'.repeat(21)), LOT, EXPIRY, context()]), 'DrugInvalidSerial', [text('A'.repeat(21))])
    await expectRevert(registry.write.commissionUnit([GTIN, serial, zeroHash, EXPIRY, context()]), 'DrugInvalidLot', [zeroHash])
    await expectRevert(registry.write.commissionUnit([GTIN, serial, LOT, 991331, context()]), 'DrugInvalidExpiry', [991331])
    await expectRevert(registry.write.commissionUnit([GTIN, serial, LOT, 991130, context()]), 'DrugLotExpiryMismatch', [lotIdOf(GTIN, LOT), EXPIRY, 991130])
    const { serial: existing, unitId } = await unitAt()
    await expectRevert(registry.write.commissionUnit([GTIN, existing, LOT, EXPIRY, context()]), 'DrugUnitExists', [unitId])
    assert.equal((await item(unitIdOf(GTIN, serial))).status, 0)
  })

  it('commissions a batch as one root, moves it as one item, and unpacks units with their proofs', async () => {
    const serials = Array.from({ length: 7 }, nextSerial)
    const { root, proofs } = batchTree(GTIN, serials)
    const receipt = await chain.mined(registry.write.commissionBatch([GTIN, LOT, EXPIRY, serials, context()]))
    const [event] = parseEventLogs({ abi: drugRegistryAbi, logs: receipt.logs, eventName: 'BatchCommissioned' })
    assert.equal(event?.args.batchId, root)
    assert.deepEqual(event?.args.serials, serials)
    assert.equal((await item(root)).count, 7)
    await expectRevert(registry.write.commissionBatch([GTIN, LOT, EXPIRY, serials, context()]), 'DrugBatchExists', [root])
    await expectRevert(registry.write.commissionBatch([GTIN, LOT, EXPIRY, [], context()]), 'DrugInvalidBatchSize', [0n, 2000n])

    await chain.mined(registry.write.shipItem([root, pharmacy.account.address, context()]))
    await expectRevert(as(pharmacy).write.unpackUnit([root, serials[0]!, proofs[0]!, context()]), 'DrugNotHolder', [root, manufacturer.account.address, pharmacy.account.address])
    await chain.mined(as(pharmacy).write.receiveItem([root, context()]))
    for (const i of [0, 6]) {
      assert.equal(await registry.read.isUnitInBatch([root, serials[i]!, proofs[i]!]), true)
      await chain.mined(as(pharmacy).write.unpackUnit([root, serials[i]!, proofs[i]!, context()]))
      const unit = await item(unitIdOf(GTIN, serials[i]!))
      assert.deepEqual([unit.status, unit.holder, unit.batchId, unit.lotId], [Active, pharmacy.account.address, root, lotIdOf(GTIN, LOT)])
    }
    const stranger = nextSerial()
    await expectRevert(as(pharmacy).write.unpackUnit([root, stranger, proofs[1]!, context()]), 'DrugInvalidProof', [root, unitIdOf(GTIN, stranger)])
    await expectRevert(as(pharmacy).write.unpackUnit([root, serials[1]!, proofs[2]!, context()]), 'DrugInvalidProof', [root, unitIdOf(GTIN, serials[1]!)])
    await expectRevert(as(pharmacy).write.unpackUnit([root, serials[0]!, proofs[0]!, context()]), 'DrugUnitExists', [unitIdOf(GTIN, serials[0]!)])
    assert.equal((await item(unitIdOf(GTIN, serials[1]!))).status, 0)
    await chain.mined(as(pharmacy).write.dispenseUnit([unitIdOf(GTIN, serials[0]!), zeroHash, context()]))
    await expectRevert(as(pharmacy).write.dispenseUnit([root, zeroHash, context()]), 'DrugNotAUnit', [root])
  })

  it('recalls a lot: by its manufacturer or a regulator, once; no dispensing, only returns', async () => {
    const lot = text('LOT-RECALL')
    const serial = nextSerial()
    await chain.mined(registry.write.commissionUnit([GTIN, serial, lot, EXPIRY, context()]))
    const unitId = unitIdOf(GTIN, serial)
    await chain.mined(registry.write.shipItem([unitId, pharmacy.account.address, context()]))
    await chain.mined(as(pharmacy).write.receiveItem([unitId, context()]))
    const lotId = lotIdOf(GTIN, lot)
    await expectRevert(as(pharmacy).write.recallLot([GTIN, lot, 1]), 'DrugNotRecaller', [lotId, pharmacy.account.address])
    await expectRevert(as(regulator).write.recallLot([GTIN, text('NO-SUCH-LOT'), 1]), 'DrugUnknownLot', [lotIdOf(GTIN, text('NO-SUCH-LOT'))])
    await expectRevert(as(regulator).write.recallLot([GTIN, lot, 0]), 'DrugInvalidReason', [0])
    await chain.mined(as(regulator).write.recallLot([GTIN, lot, 7]))
    await expectRevert(registry.write.recallLot([GTIN, lot, 1]), 'DrugLotAlreadyRecalled', [lotId])
    assert.equal((await registry.read.getLot([lotId])).recallReason, 7)
    const before = await item(unitId)
    await expectRevert(as(pharmacy).write.dispenseUnit([unitId, zeroHash, context()]), 'DrugLotRecalled', [lotId])
    await expectRevert(as(pharmacy).write.shipItem([unitId, distributor.account.address, context()]), 'DrugLotRecalled', [lotId])
    assert.deepEqual(await item(unitId), before)
    await chain.mined(as(pharmacy).write.shipItem([unitId, manufacturer.account.address, context()]))
  })

  it('decommissions by the holder (stolen in transit too), and nothing moves afterwards', async () => {
    const { unitId } = await unitAt()
    await expectRevert(as(distributor).write.decommissionItem([unitId, decommissionReasons.DESTROYED, context()]), 'DrugNotHolder', [unitId, manufacturer.account.address, distributor.account.address])
    await expectRevert(registry.write.decommissionItem([unitId, 4, context()]), 'DrugInvalidReason', [4])
    await chain.mined(registry.write.shipItem([unitId, distributor.account.address, context()]))
    await chain.mined(registry.write.decommissionItem([unitId, decommissionReasons.STOLEN, context()]))
    const stolen = await item(unitId)
    assert.deepEqual([stolen.status, stolen.reason, stolen.pendingRecipient], [Decommissioned, decommissionReasons.STOLEN, zeroAddress])
    await expectRevert(as(distributor).write.receiveItem([unitId, context()]), 'DrugInvalidStatus', [unitId, Decommissioned])
  })

  it('refuses to dispense an expired lot; expiry runs to the end of its day (day 00: of its month)', async () => {
    const now = await chain.now()
    const date = new Date(Number(now) * 1000)
    const yymmdd = (date.getUTCFullYear() % 100) * 10_000 + (date.getUTCMonth() + 1) * 100 + date.getUTCDate()
    const lot = text('LOT-TODAY')
    const serial = nextSerial()
    await chain.mined(registry.write.commissionUnit([GTIN, serial, lot, yymmdd, context()]))
    const unitId = unitIdOf(GTIN, serial)
    await chain.mined(registry.write.shipItem([unitId, pharmacy.account.address, context()]))
    await chain.mined(as(pharmacy).write.receiveItem([unitId, context()]))
    await chain.increaseTime(2 * 86_400)
    await expectRevert(as(pharmacy).write.dispenseUnit([unitId, zeroHash, context()]), 'DrugExpired', [lotIdOf(GTIN, lot), yymmdd])
    assert.equal((await item(unitId)).status, Active)
    assert.equal(await registry.read.expiresAt([270131]), BigInt(Date.UTC(2027, 1, 1) / 1000))
    assert.equal(await registry.read.expiresAt([271200]), BigInt(Date.UTC(2028, 0, 1) / 1000))
    assert.equal(await registry.read.expiresAt([280228]), BigInt(Date.UTC(2028, 1, 29) / 1000))
    await expectRevert(registry.read.expiresAt([271301]), 'DrugInvalidExpiry', [271301])
  })
})

function randomHash(): Hex {
  return `0x${Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString('hex')}`
}
