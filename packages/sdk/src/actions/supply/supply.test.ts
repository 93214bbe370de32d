// Supply actions against the embedded chain: a batch commissioned, shipped, unpacked and
// dispensed with the SDK's own trees and EPCIS ids; a device from registration to
// decommissioning, with maintenance refused to an unregistered technician; a hospital's overdue
// and recalled devices.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import { keccak256, stringToBytes, type Hex } from 'viem'
import { createMedchainClient, type MedchainClient } from '../../createMedchainClient.ts'
import { deployContracts } from '../../deploy/deployContracts.ts'
import type { RoleName } from '../../roles.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { registerIndividual } from '../consortium/registerIndividual.ts'
import { commissionBatch } from './commissionBatch.ts'
import { decommissionDevice } from './decommissionDevice.ts'
import { dispenseUnit } from './dispenseUnit.ts'
import { getDevice } from './getDevice.ts'
import { getDrugItem } from './getDrugItem.ts'
import { getLot } from './getLot.ts'
import { installDevice } from './installDevice.ts'
import { listDevices } from './listDevices.ts'
import { logDeviceUsage } from './logDeviceUsage.ts'
import { recallDevice } from './recallDevice.ts'
import { receiveItem } from './receiveItem.ts'
import { recordDeviceService } from './recordDeviceService.ts'
import { registerDevice } from './registerDevice.ts'
import { registerProduct } from './registerProduct.ts'
import { reportDeviceIncident } from './reportDeviceIncident.ts'
import { shipItem } from './shipItem.ts'
import { transferDevice } from './transferDevice.ts'
import { unpackUnit } from './unpackUnit.ts'

const GTIN = '09506000134352'
const DI = '04012345000016'
const hash = (text: string): Hex => keccak256(stringToBytes(text))

describe('supply actions', () => {
  let node: RunningNode
  const clients: Record<string, MedchainClient> = {}
  const keys: Record<string, Hex> = {}
  let technician: MedchainClient
  let stranger: MedchainClient
  before(async () => {
    node = await createEmbeddedNode({ fsync: false })
    const roles: [string, RoleName][] = [['manufacturer', 'manufacturer'], ['pharmacy', 'pharmacy'], ['hospital', 'hospital'], ['regulator', 'regulator']]
    roles.forEach(([name], i) => (keys[name] = node.accounts[i + 1] as Hex))
    const deployer = await createMedchainClient({ provider: node.provider, account: node.accounts[0] })
    const deployment = await deployContracts(deployer, {
      bootstrap: roles.map(([name, role]) => ({ org: privateKeyToAddress(keys[name]!), name, roles: [role], encryptionPublicKey: privateKeyToPublicKey(keys[name]!) })),
      proposalLifetimeSeconds: 3600,
    })
    for (const [name] of roles) clients[name] = await createMedchainClient({ provider: node.provider, account: keys[name], deployment })
    const technicianKey = generatePrivateKey()
    await registerIndividual(clients.hospital!, { account: privateKeyToAddress(technicianKey), kind: 'technician' })
    technician = await createMedchainClient({ provider: node.provider, account: technicianKey, deployment })
    // An unregistered "technician": a key with funds the consortium never registered.
    stranger = await createMedchainClient({ provider: node.provider, account: node.accounts[6], deployment })
  })
  after(() => node?.close())

  it('commissions a batch, ships it, unpacks a unit with its proof and dispenses it', async () => {
    await registerProduct(clients.manufacturer!, { gtin: GTIN })
    const serials = ['P1', 'P2', 'P3']
    const batch = await commissionBatch(clients.manufacturer!, { gtin: GTIN, lot: 'L7', expiry: '991231', serials, readPoint: '9506000000008' })
    assert.equal(batch.event.eventID, `ni:///sha-256;${batch.eventId.slice(2)}?ver=CBV2.0`)
    assert.equal((batch.event.epcList as string[]).length, 3)
    const pharmacy = privateKeyToAddress(keys.pharmacy!)
    await shipItem(clients.manufacturer!, { item: { batchId: batch.batchId }, to: pharmacy })
    await receiveItem(clients.pharmacy!, { item: { batchId: batch.batchId } })
    await unpackUnit(clients.pharmacy!, { batchId: batch.batchId, gtin: GTIN, serial: 'P2', proof: batch.proofs[1]! })
    const commitment = hash('MedicationDispense/1 salt')
    await dispenseUnit(clients.pharmacy!, { gtin: GTIN, serial: 'P2', patientCommitment: commitment })
    const unit = await getDrugItem(clients.regulator!, { item: { gtin: GTIN, serial: 'P2' } })
    assert.deepEqual([unit?.status, unit?.batchId, unit?.patientCommitment, unit?.holder], ['dispensed', batch.batchId, commitment, pharmacy])
    const lot = await getLot(clients.regulator!, { lotId: unit!.lotId })
    assert.deepEqual([lot?.lot, lot?.expiry, lot?.gtin], ['L7', 991231, GTIN])
    await expectRevert(unpackUnit(clients.pharmacy!, { batchId: batch.batchId, gtin: GTIN, serial: 'P9', proof: batch.proofs[0]! }), 'DrugInvalidProof')
    await expectMedchainError(commissionBatch(clients.manufacturer!, { gtin: GTIN, lot: 'L7', expiry: '991231', serials: ['A', 'A'] }), 'SDK_INVALID_ARGUMENT')
  })

  it('runs a device through its lifecycle; maintenance by an unregistered technician is refused and changes nothing', async () => {
    const hospital = privateKeyToAddress(keys.hospital!)
    const { deviceId } = await registerDevice(clients.manufacturer!, { di: DI, pi: 'MRI-001' })
    await transferDevice(clients.manufacturer!, { deviceId, to: hospital })
    await installDevice(clients.hospital!, { deviceId, location: 'Radiology, room 2' })
    await logDeviceUsage(clients.hospital!, { deviceId, units: 8, logHash: hash('usage log 1') })
    const now = BigInt(Math.floor(Date.now() / 1000))
    await recordDeviceService(technician, { deviceId, kind: 'maintenance', reportHash: hash('report 1'), nextServiceDue: now + 86_400n * 90n })
    await recordDeviceService(technician, { deviceId, kind: 'calibration', reportHash: hash('report 2'), nextServiceDue: now + 86_400n * 180n })
    const before = await getDevice(clients.regulator!, { deviceId })
    await expectRevert(
      recordDeviceService(stranger, { deviceId, kind: 'maintenance', reportHash: hash('forged'), nextServiceDue: now + 86_400n }),
      'ConsortiumNotIndividual',
      [stranger.account!.address, 3],
    )
    assert.deepEqual(await getDevice(clients.regulator!, { deviceId }), before)
    assert.deepEqual([before?.usage, before?.nextServiceDue, before?.holder, before?.pi], [8n, now + 86_400n * 180n, hospital, 'MRI-001'])
    await reportDeviceIncident(clients.hospital!, { deviceId, severity: 'serious', reportHash: hash('incident') })
    await recallDevice(clients.regulator!, { deviceId, reasonCode: 2 })
    assert.equal((await getDevice(clients.regulator!, { deviceId }))?.incidents, 1)
    await decommissionDevice(clients.hospital!, { deviceId, reason: 'recalled' })
    const after = await getDevice(clients.regulator!, { deviceId })
    assert.deepEqual([after?.status, after?.decommissionReason], ['decommissioned', 'recalled'])
    await expectMedchainError(recordDeviceService(technician, { deviceId, kind: 'repair' as never, reportHash: hash('x'), nextServiceDue: now }), 'SDK_INVALID_ARGUMENT')
  })

  it('lists a hospital\'s devices overdue for service and recalled', async () => {
    const hospital = privateKeyToAddress(keys.hospital!)
    const ids: Hex[] = []
    for (const pi of ['PUMP-1', 'PUMP-2', 'PUMP-3']) {
      const { deviceId } = await registerDevice(clients.manufacturer!, { di: DI, pi })
      await transferDevice(clients.manufacturer!, { deviceId, to: hospital })
      ids.push(deviceId)
    }
    const now = BigInt(Math.floor(Date.now() / 1000))
    await recordDeviceService(technician, { deviceId: ids[0]!, kind: 'maintenance', reportHash: hash('ok'), nextServiceDue: now + 3600n })
    await recallDevice(clients.manufacturer!, { deviceId: ids[2]!, reasonCode: 4 })
    const overdue = await listDevices(clients.regulator!, { holder: hospital, overdueAt: now + 7200n })
    assert.deepEqual(overdue.map((d) => d.pi).sort(), ['PUMP-1', 'PUMP-2', 'PUMP-3'])
    const dueNow = await listDevices(clients.regulator!, { holder: hospital, overdueAt: now })
    assert.deepEqual(dueNow.map((d) => d.pi).sort(), ['PUMP-2', 'PUMP-3'], 'never serviced counts as due; PUMP-1 is serviced until later')
    const recalled = await listDevices(clients.regulator!, { holder: hospital, recalled: true })
    assert.deepEqual(recalled.map((d) => d.pi), ['PUMP-3'])
    // A model recall reaches every device of the model.
    await recallDevice(clients.manufacturer!, { di: DI, reasonCode: 5 })
    assert.equal((await listDevices(clients.regulator!, { holder: hospital, recalled: true })).length, 3)
  })
})
