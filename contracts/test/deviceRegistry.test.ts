// DeviceRegistry: a device's life from registration to decommissioning, services by registered
// technicians only, recalls of a device or a whole model. Every refusal asserts the exact custom
// error and that the device did not change.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { parseEventLogs, zeroAddress, zeroHash, type Hex } from 'viem'
import { deviceDecommissionReasons, deviceRegistryAbi, deviceRegistryBytecode, individualKinds, maintenanceKinds, roles } from '../generated/index.ts'
import { deployConsortium } from './helpers/consortium.ts'
import { randomIds } from './helpers/registries.ts'
import { expectRevert } from './helpers/reverts.ts'
import { GTIN, OTHER_GTIN, text, unitIdOf as deviceIdOf } from './helpers/supply.ts'
import { startTestChain, type TestChain, type TestContract, type TestWallet } from './helpers/testChain.ts'

type Registry = TestContract<typeof deviceRegistryAbi>
const hash = (): Hex => randomIds(1)[0] as Hex

describe('DeviceRegistry', () => {
  let chain: TestChain
  let manufacturer: TestWallet
  let hospital: TestWallet
  let otherHospital: TestWallet
  let regulator: TestWallet
  let pharmacy: TestWallet
  let technician: TestWallet
  let vendorTechnician: TestWallet
  let clinician: TestWallet
  let registry: Registry
  let count = 0
  before(async () => {
    chain = await startTestChain()
    ;[manufacturer, hospital, otherHospital, regulator, pharmacy, technician, vendorTechnician, clinician] = [0, 1, 2, 3, 4, 5, 6, 7].map((i) =>
      chain.wallet(i),
    ) as [TestWallet, TestWallet, TestWallet, TestWallet, TestWallet, TestWallet, TestWallet, TestWallet]
    const consortium = await deployConsortium(chain, [
      [manufacturer, roles.MANUFACTURER],
      [hospital, roles.HOSPITAL],
      [otherHospital, roles.HOSPITAL],
      [regulator, roles.REGULATOR],
      [pharmacy, roles.PHARMACY],
    ])
    await chain.mined(chain.connect(consortium, hospital).write.registerIndividual([technician.account.address, individualKinds.TECHNICIAN]))
    await chain.mined(chain.connect(consortium, hospital).write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
    await chain.mined(chain.connect(consortium, manufacturer).write.registerIndividual([vendorTechnician.account.address, individualKinds.TECHNICIAN]))
    registry = await chain.deploy({ abi: deviceRegistryAbi, bytecode: deviceRegistryBytecode, args: [consortium.address] })
  })
  after(() => chain?.close())

  const as = (wallet: TestWallet): Registry => chain.connect(registry, wallet)
  const device = (id: Hex) => registry.read.getDevice([id])

  /** A device registered by the manufacturer and transferred to the hospital. */
  async function atHospital(): Promise<Hex> {
    const pi = text(`DEV${++count}`)
    await chain.mined(registry.write.registerDevice([GTIN, pi]))
    const deviceId = deviceIdOf(GTIN, pi)
    await chain.mined(registry.write.transferDevice([deviceId, hospital.account.address]))
    return deviceId
  }

  it('runs a device through registration, transfer, installation, usage, two services, an incident, a recall and decommissioning', async () => {
    const pi = text('SN-0001')
    const deviceId = deviceIdOf(GTIN, pi)
    let receipt = await chain.mined(registry.write.registerDevice([GTIN, pi]))
    const [registered] = parseEventLogs({ abi: deviceRegistryAbi, logs: receipt.logs, eventName: 'DeviceRegistered' })
    assert.deepEqual(registered?.args, { deviceId, di: GTIN, manufacturer: manufacturer.account.address, pi })
    await chain.mined(registry.write.transferDevice([deviceId, hospital.account.address]))
    const location = hash()
    await chain.mined(as(clinician).write.installDevice([deviceId, location]))
    await chain.mined(as(clinician).write.logUsage([deviceId, 12, hash()]))
    await chain.mined(as(hospital).write.logUsage([deviceId, 30, hash()]))
    const now = await chain.now()
    await chain.mined(as(technician).write.recordService([deviceId, maintenanceKinds.MAINTENANCE, hash(), now + 86_400n * 180n]))
    receipt = await chain.mined(as(vendorTechnician).write.recordService([deviceId, maintenanceKinds.CALIBRATION, hash(), now + 86_400n * 365n]))
    const [serviced] = parseEventLogs({ abi: deviceRegistryAbi, logs: receipt.logs, eventName: 'DeviceServiced' })
    assert.deepEqual([serviced?.args.technician, serviced?.args.servicer, serviced?.args.kind], [vendorTechnician.account.address, manufacturer.account.address, maintenanceKinds.CALIBRATION])
    await chain.mined(as(clinician).write.reportIncident([deviceId, 2, hash()]))
    await chain.mined(as(regulator).write.recallDevice([deviceId, 5]))
    let state = await device(deviceId)
    assert.deepEqual(
      [state.holder, state.status, state.location, state.usage, state.nextServiceDue, state.incidents, state.recallReason],
      [hospital.account.address, 1, location, 42n, now + 86_400n * 365n, 1, 5],
    )
    assert.ok(state.installedAt > 0n && state.lastServicedAt > 0n && state.recalledAt > 0n)
    await chain.mined(as(hospital).write.decommissionDevice([deviceId, deviceDecommissionReasons.RECALLED]))
    state = await device(deviceId)
    assert.deepEqual([state.status, state.decommissionReason], [2, deviceDecommissionReasons.RECALLED])
    await expectRevert(as(technician).write.recordService([deviceId, maintenanceKinds.MAINTENANCE, hash(), now + 86_400n]), 'DeviceNotActive', [deviceId])
  })

  it('refuses maintenance by an unregistered technician, a clinician, or a technician of another hospital', async () => {
    const deviceId = await atHospital()
    const due = (await chain.now()) + 86_400n
    const before = await device(deviceId)
    const stranger = await chain.newWallet('1')
    await expectRevert(as(stranger).write.recordService([deviceId, maintenanceKinds.MAINTENANCE, hash(), due]), 'ConsortiumNotIndividual', [
      stranger.account.address,
      individualKinds.TECHNICIAN,
    ])
    await expectRevert(as(clinician).write.recordService([deviceId, maintenanceKinds.MAINTENANCE, hash(), due]), 'ConsortiumNotIndividual', [
      clinician.account.address,
      individualKinds.TECHNICIAN,
    ])
    await expectRevert(as(hospital).write.recordService([deviceId, maintenanceKinds.MAINTENANCE, hash(), due]), 'ConsortiumNotIndividual', [
      hospital.account.address,
      individualKinds.TECHNICIAN,
    ])
    const elsewhere = await atHospitalOf(otherHospital)
    await expectRevert(as(technician).write.recordService([elsewhere, maintenanceKinds.MAINTENANCE, hash(), due]), 'DeviceNotServicer', [
      elsewhere,
      technician.account.address,
      hospital.account.address,
    ])
    await expectRevert(as(technician).write.recordService([deviceId, 3, hash(), due]), 'DeviceInvalidKind', [3])
    await expectRevert(as(technician).write.recordService([deviceId, maintenanceKinds.MAINTENANCE, zeroHash, due]), 'DeviceInvalidHash')
    const past = await chain.now()
    await expectRevert(as(technician).write.recordService([deviceId, maintenanceKinds.MAINTENANCE, hash(), past]), 'DeviceInvalidDueDate', [past])
    assert.deepEqual(await device(deviceId), before)
  })

  async function atHospitalOf(holder: TestWallet): Promise<Hex> {
    const pi = text(`DEV${++count}`)
    await chain.mined(registry.write.registerDevice([GTIN, pi]))
    const deviceId = deviceIdOf(GTIN, pi)
    await chain.mined(registry.write.transferDevice([deviceId, holder.account.address]))
    return deviceId
  }

  it('checks registration, transfer, installation and usage', async () => {
    await expectRevert(registry.write.registerDevice([GTIN + 1n, text('X')]), 'DeviceInvalidDi', [GTIN + 1n])
    await expectRevert(registry.write.registerDevice([GTIN, zeroHash]), 'DeviceInvalidPi', [zeroHash])
    await expectRevert(as(hospital).write.registerDevice([OTHER_GTIN, text('X')]), 'ConsortiumMissingRole', [hospital.account.address, roles.MANUFACTURER])
    const deviceId = await atHospital()
    const before = await device(deviceId)
    const pi = text(`DEV${count}`)
    await expectRevert(registry.write.registerDevice([GTIN, pi]), 'DeviceExists', [deviceId])
    await expectRevert(registry.write.transferDevice([deviceId, otherHospital.account.address]), 'DeviceNotHolder', [deviceId, hospital.account.address, manufacturer.account.address])
    await expectRevert(as(hospital).write.transferDevice([deviceId, pharmacy.account.address]), 'DeviceInvalidRecipient', [pharmacy.account.address])
    await expectRevert(as(hospital).write.transferDevice([deviceId, hospital.account.address]), 'DeviceInvalidRecipient', [hospital.account.address])
    await expectRevert(as(otherHospital).write.installDevice([deviceId, hash()]), 'DeviceNotHolder', [deviceId, hospital.account.address, otherHospital.account.address])
    await expectRevert(as(hospital).write.installDevice([deviceId, zeroHash]), 'DeviceInvalidHash')
    await expectRevert(as(pharmacy).write.logUsage([deviceId, 1, hash()]), 'DeviceNotHolder', [deviceId, hospital.account.address, pharmacy.account.address])
    await expectRevert(as(hospital).write.logUsage([deviceId, 0, hash()]), 'DeviceInvalidUsage')
    await expectRevert(as(pharmacy).write.reportIncident([deviceId, 1, hash()]), 'DeviceNotReporter', [deviceId, pharmacy.account.address])
    await expectRevert(as(hospital).write.reportIncident([deviceId, 4, hash()]), 'DeviceInvalidSeverity', [4])
    assert.deepEqual(await device(deviceId), before)
    const unknown = deviceIdOf(GTIN, text('NOPE'))
    await expectRevert(as(hospital).write.logUsage([unknown, 1, hash()]), 'DeviceUnknown', [unknown])
    // The manufacturer's technician may install at the hospital; the transfer back clears it.
    await chain.mined(as(vendorTechnician).write.installDevice([deviceId, hash()]))
    await chain.mined(as(hospital).write.transferDevice([deviceId, manufacturer.account.address]))
    const back = await device(deviceId)
    assert.deepEqual([back.holder, back.installedAt, back.location], [manufacturer.account.address, 0n, zeroHash])
  })

  it('recalls a whole model by its manufacturer or a regulator; only they recall', async () => {
    const deviceId = await atHospital()
    await expectRevert(as(hospital).write.recallDevice([deviceId, 1]), 'DeviceNotRecaller', [hospital.account.address])
    await expectRevert(as(hospital).write.recallModel([GTIN, 1]), 'DeviceNotRecaller', [hospital.account.address])
    await expectRevert(registry.write.recallModel([OTHER_GTIN, 1]), 'DeviceUnknownModel', [OTHER_GTIN])
    await expectRevert(registry.write.recallModel([GTIN, 0]), 'DeviceInvalidReason', [0])
    assert.equal((await device(deviceId)).recalledAt, 0n)
    await chain.mined(registry.write.recallModel([GTIN, 9]))
    await expectRevert(as(regulator).write.recallModel([GTIN, 9]), 'DeviceModelAlreadyRecalled', [GTIN])
    const state = await device(deviceId)
    assert.ok(state.recalledAt > 0n)
    assert.equal(state.recallReason, 9)
    const [owner, recalledAt] = await registry.read.getModel([GTIN])
    assert.deepEqual([owner, recalledAt > 0n], [manufacturer.account.address, true])
    assert.equal((await device(deviceIdOf(GTIN, text('NEVER')))).holder, zeroAddress)
  })

  it('binds a model to its first manufacturer', async () => {
    const other = await chain.newWallet('1')
    const consortium = await deployConsortium(chain, [
      [manufacturer, roles.MANUFACTURER],
      [other, roles.MANUFACTURER],
    ])
    const fresh = await chain.deploy({ abi: deviceRegistryAbi, bytecode: deviceRegistryBytecode, args: [consortium.address] })
    await chain.mined(fresh.write.registerDevice([OTHER_GTIN, text('A')]))
    await expectRevert(chain.connect(fresh, other).write.registerDevice([OTHER_GTIN, text('B')]), 'DeviceModelOwned', [OTHER_GTIN, manufacturer.account.address])
    await expectRevert(chain.connect(fresh, other).write.decommissionDevice([deviceIdOf(OTHER_GTIN, text('A')), 1]), 'DeviceNotHolder', [
      deviceIdOf(OTHER_GTIN, text('A')),
      manufacturer.account.address,
      other.account.address,
    ])
    await expectRevert(fresh.write.decommissionDevice([deviceIdOf(OTHER_GTIN, text('A')), 9]), 'DeviceInvalidReason', [9])
  })
})
