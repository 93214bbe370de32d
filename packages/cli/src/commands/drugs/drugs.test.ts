// `medchain drugs` and `medchain devices` against a node and hospital gateways started in
// process: a product commissioned by the demo manufacturer, its QR code written as PNG and SVG,
// the PNG decoded by a real QR decoder (jsQR over pngjs) back to the Digital Link, and the
// gateway's verify API answering it; devices listed per hospital.
import assert from 'node:assert/strict'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import jsqrModule from 'jsqr'
import { PNG } from 'pngjs'
import { run } from '../../../test/captureIo.ts'
import { DEFAULT_DEMO_PASSPHRASE } from '../../up/demoConsortium.ts'
import { startUp, type StartUpResult } from '../../up/startUp.ts'

const GTIN = '09506000134352'
// jsQR is CommonJS with an ES-style .d.ts: at run time the default import is the decoder itself.
const jsQR = jsqrModule as unknown as (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null

describe('medchain drugs and devices', () => {
  let root: string
  let up: StartUpResult
  let common: string[]
  let gatewayUrl: string
  const env = { MEDCHAIN_PASSPHRASE: DEFAULT_DEMO_PASSPHRASE }
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medchain-cli-drugs-'))
    up = await startUp({ dataDir: join(root, 'data'), port: 0, scryptN: 1024 })
    common = ['--rpc-url', up.rpcUrl, '--data-dir', up.dataDir]
    gatewayUrl = up.gateways[0]!.url
  })
  after(async () => {
    await up?.close()
    await rm(root, { recursive: true, force: true })
  })

  const ok = async (argv: string[], { connect = true } = {}) => {
    const result = await run(connect ? [...argv, ...common] : argv, env)
    assert.equal(result.code, 0, result.stderr)
    return result.stdout
  }

  it('writes a QR code whose PNG decodes back to the Digital Link, which the verify API answers', async () => {
    await ok(['drugs', 'register', GTIN, '--as', 'helix-pharma'])
    const commissioned = await ok(['drugs', 'commission', '--gtin', GTIN, '--lot', 'LOT-Q1', '--expiry', '991231', '--serials', 'QR-0001', '--as', 'helix-pharma'])
    assert.match(commissioned, /Commissioned unit QR-0001/)
    const png = join(root, 'unit.png')
    const svg = join(root, 'unit.svg')
    const printed = await ok(['drugs', 'qr', '--gtin', GTIN, '--serial', 'QR-0001', '--lot', 'LOT-Q1', '--expiry', '991231', '--resolver', gatewayUrl, '--png', png, '--svg', svg])
    const link = `${gatewayUrl}/01/${GTIN}/21/QR-0001?10=LOT-Q1&17=991231`
    assert.equal(printed.trim(), link)
    assert.match(await readFile(svg, 'utf8'), /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/)

    const image = PNG.sync.read(await readFile(png))
    const decoded = jsQR(new Uint8ClampedArray(image.data), image.width, image.height)
    assert.equal(decoded?.data, link)
    const answer = (await (await fetch(decoded!.data, { headers: { accept: 'application/json' } })).json()) as { verdict: string; trail: { what: string }[] }
    assert.equal(answer.verdict, 'genuine')
    assert.deepEqual(answer.trail.map((s) => s.what), ['commissioned'])

    const verified = await ok(['drugs', 'verify', link], { connect: false })
    assert.match(verified, /^GENUINE: /)
    const counterfeit = await ok(['drugs', 'verify', `${gatewayUrl}/01/${GTIN}/21/QR-9999`], { connect: false })
    assert.match(counterfeit, /^UNKNOWN-SERIAL: /)
  })

  it('refuses bad inputs with their codes and writes nothing', async () => {
    const badGtin = await run(['drugs', 'qr', '--gtin', '09506000134353', '--serial', 'S', '--resolver', gatewayUrl, '--png', join(root, 'bad.png'), ...common])
    assert.equal(badGtin.code, 1)
    assert.match(badGtin.stderr, /error \[SDK_INVALID_ARGUMENT\]: "gtin" has a wrong check digit/)
    await assert.rejects(readFile(join(root, 'bad.png')))
    const noOutput = await run(['drugs', 'qr', '--gtin', GTIN, '--serial', 'S', '--resolver', gatewayUrl, ...common])
    assert.equal(noOutput.code, 2)
    const refused = await run(['drugs', 'dispense', '--gtin', GTIN, '--serial', 'QR-0001', '--as', 'helix-pharma', ...common], env)
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /error \[SDK_CONTRACT_REVERTED\]: .*DrugNotDispenser/)
    const shown = await ok(['drugs', 'show', '--gtin', GTIN, '--serial', 'QR-0001'])
    assert.match(shown, /status\s+active/)
    const badLink = await run(['drugs', 'verify', `${gatewayUrl}/01/123/21/X`])
    assert.equal(badLink.code, 1)
    assert.match(badLink.stderr, /SDK_INVALID_ARGUMENT/)
  })

  it('registers a device, hands it to a hospital, and lists it as due for service there', async () => {
    const hospital = up.members.find((m) => m.name === 'St. Mary Hospital')!.address
    const registered = await ok(['devices', 'register', '--di', '04012345000016', '--pi', 'VENT-7', '--as', 'helix-pharma'])
    const deviceId = /Registered device (0x[0-9a-f]{64})/.exec(registered)![1]!
    await ok(['devices', 'transfer', deviceId, '--to', hospital, '--as', 'helix-pharma'])
    const report = join(root, 'report.txt')
    await writeFile(report, 'checked')
    const refused = await run(['devices', 'service', deviceId, '--kind', 'maintenance', '--report', report, '--next-due', '2099-01-01', '--as', 'st-mary-hospital', ...common], env)
    assert.equal(refused.code, 1)
    assert.match(refused.stderr, /ConsortiumNotIndividual/)
    const overdue = await ok(['devices', 'list', '--holder', hospital, '--overdue'])
    assert.match(overdue, /04012345000016\s+VENT-7\s+never serviced/)
    await ok(['devices', 'recall', '--di', '04012345000016', '--reason-code', '2', '--as', 'health-data-authority'])
    assert.match(await ok(['devices', 'list', '--holder', hospital, '--recalled']), /VENT-7/)
  })
})
