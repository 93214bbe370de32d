// Devices through the gateways: registration to decommissioning, services signed by registered
// technicians only, and a hospital's overdue and recalled devices from the gateway's index.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generatePrivateKey, privateKeyToAddress } from '@medchain/crypto'
import { createMedchainClient, getDevice, recordDeviceService, registerIndividual, type MedchainClient } from '@medchain/sdk'
import { keccak256, stringToBytes, type Hex } from 'viem'
import { AuditDecisions } from '../src/index.ts'
import { startSupplyNetwork, type SupplyMember, type SupplyNetwork } from './supplyNetwork.ts'

const DI = '04012345000016'
type Outcome = { issue: { details: { coding: { code: string }[] }; diagnostics: string }[] }
type DeviceRow = { pi: string; recalledAt: string | null; nextServiceDue: string | null }

describe('devices through the gateways', () => {
  let net: SupplyNetwork
  let technician: MedchainClient
  before(async () => {
    net = await startSupplyNetwork()
    const key = generatePrivateKey()
    await registerIndividual(net.hospital.client, { account: privateKeyToAddress(key), kind: 'technician' })
    technician = await createMedchainClient({ provider: net.node.provider, account: key, deployment: net.deployment })
  })
  after(() => net?.close())

  async function ok(member: SupplyMember, path: string, body: unknown) {
    const answer = await net.call(member, 'POST', path, body)
    assert.ok(answer.status === 200 || answer.status === 201, `${path}: ${answer.status} ${JSON.stringify(answer.body)}`)
    return answer.body as Record<string, unknown>
  }
  async function atHospital(pi: string): Promise<Hex> {
    const { deviceId } = (await ok(net.manufacturer, '/supply/devices', { di: DI, pi })) as { deviceId: Hex }
    await ok(net.manufacturer, `/supply/devices/${deviceId}/transfer`, { to: net.hospital.address })
    return deviceId
  }
  const list = async (query: string, signer?: Hex) => (await net.call(net.hospital, 'GET', `/supply/devices${query}`, undefined, signer)).body as { devices: DeviceRow[] }

  it('runs a device from registration to decommissioning, with its history', async () => {
    const deviceId = await atHospital('VENT-1')
    await ok(net.hospital, `/supply/devices/${deviceId}/install`, { location: 'ICU, bed 4' })
    await ok(net.hospital, `/supply/devices/${deviceId}/usage`, { units: 6, entries: [{ start: '2026-01-01T08:00Z', hours: 6 }] })
    const due = BigInt(Math.floor(Date.now() / 1000) + 86_400 * 90)
    await recordDeviceService(technician, { deviceId, kind: 'calibration', reportHash: keccak256(stringToBytes('calibrated')), nextServiceDue: due })
    await ok(net.hospital, `/supply/devices/${deviceId}/incidents`, { severity: 'minor', report: 'alarm sounded without cause' })
    await ok(net.hospital, `/supply/devices/${deviceId}/decommission`, { reason: 'end-of-life' })
    const shown = (await net.call(net.hospital, 'GET', `/supply/devices/${deviceId}`)).body as { device: { status: string; usage: string; incidents: number; nextServiceDue: string }; history: { event: string }[] }
    assert.deepEqual([shown.device.status, shown.device.usage, shown.device.incidents, shown.device.nextServiceDue], ['decommissioned', '6', 1, due.toString()])
    assert.deepEqual(shown.history.map((e) => e.event), ['DeviceRegistered', 'DeviceTransferred', 'DeviceInstalled', 'DeviceUsageLogged', 'DeviceServiced', 'DeviceIncidentReported', 'DeviceDecommissioned'])
  })

  it('refuses maintenance by an unregistered technician and keeps the device as it was', async () => {
    const deviceId = await atHospital('VENT-2')
    const before = await getDevice(net.regulator.client, { deviceId })
    const unregistered = await createMedchainClient({ provider: net.node.provider, account: net.node.accounts[8], deployment: net.deployment })
    await assert.rejects(
      recordDeviceService(unregistered, { deviceId, kind: 'maintenance', reportHash: keccak256(stringToBytes('forged')), nextServiceDue: BigInt(Math.floor(Date.now() / 1000) + 3600) }),
      (error: { revert?: { errorName?: string; args?: readonly unknown[] } }) => error.revert?.errorName === 'ConsortiumNotIndividual' && error.revert.args?.[1] === 3,
    )
    assert.deepEqual(await getDevice(net.regulator.client, { deviceId }), before)
  })

  it("lists a hospital's overdue and recalled devices; refusals are clear and logged", async () => {
    const serviced = await atHospital('PUMP-1')
    await atHospital('PUMP-2')
    const recalled = await atHospital('PUMP-3')
    await recordDeviceService(technician, { deviceId: serviced, kind: 'maintenance', reportHash: keccak256(stringToBytes('ok')), nextServiceDue: BigInt(Math.floor(Date.now() / 1000) + 86_400) })
    await ok(net.manufacturer, `/supply/devices/${recalled}/recall`, { reasonCode: 4 })
    const overdue = await list('?overdue=true')
    assert.deepEqual(overdue.devices.map((d) => d.pi).sort(), ['PUMP-2', 'PUMP-3', 'VENT-2'])
    const recalls = await list('?recalled=true')
    assert.deepEqual(recalls.devices.map((d) => d.pi), ['PUMP-3'])
    // A regulator lists the hospital's devices at the hospital's gateway; a pharmacy may not.
    assert.equal((await list(`?holder=${net.hospital.address}&recalled=true`, net.regulator.key)).devices.length, 1)
    const foreign = await net.call(net.hospital, 'GET', `/supply/devices?holder=${net.hospital.address}`, undefined, net.pharmacy.key)
    assert.equal(foreign.status, 403)
    assert.equal((foreign.body as Outcome).issue[0]?.details.coding[0]?.code, 'GATEWAY_FORBIDDEN_ROLE')
    // Only a manufacturer registers; a transfer of someone else's device is refused by the chain.
    const register = await net.call(net.pharmacy, 'POST', '/supply/devices', { di: DI, pi: 'X-1' })
    assert.equal(register.status, 403)
    const entries = await net.pharmacy.gateway!.context.index.listAuditEntries({ count: 100 })
    assert.ok(entries.rows.some((e) => e.decision === AuditDecisions.WRONG_ROLE && (e.detail as { supply?: string }).supply === 'registerDevice'))
    const steal = await net.call(net.manufacturer, 'POST', `/supply/devices/${serviced}/transfer`, { to: net.distributor.address })
    assert.equal(steal.status, 409)
    assert.match((steal.body as Outcome).issue[0]?.diagnostics ?? '', /DeviceNotHolder/)
    assert.equal((await getDevice(net.regulator.client, { deviceId: serviced }))?.holder, net.hospital.address)
    // A model recall reaches every device of the model in the index too.
    await ok(net.manufacturer, `/supply/device-models/${DI}/recall`, { reasonCode: 9 })
    assert.equal((await list('?recalled=true')).devices.length, 4)
  })
})
