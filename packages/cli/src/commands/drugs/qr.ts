// `medchain drugs qr`: the QR code of a unit's GS1 Digital Link, as PNG and/or SVG files.
import { writeFile } from 'node:fs/promises'
import { formatDigitalLink, getMember, getProduct } from '@medchain/sdk'
import type { Command } from 'commander'
import QRCode from 'qrcode'
import { addConnectionOptions, connect, type ConnectionOptions } from '../../connect.ts'
import { CliError, usageError } from '../../errors.ts'
import { println, type CliIo } from '../../io.ts'
import { absolute } from '../../options.ts'

/** Error correction M (15 %): GS1's recommendation for Digital Link QR codes on packs. */
const QR_OPTIONS = { errorCorrectionLevel: 'M', margin: 4 } as const

/** The PNG and SVG of a QR code holding `text`. */
export async function renderQr(text: string, { scale = 8 }: { scale?: number } = {}): Promise<{ png: Buffer; svg: string }> {
  const [png, svg] = await Promise.all([QRCode.toBuffer(text, { ...QR_OPTIONS, type: 'png', scale }), QRCode.toString(text, { ...QR_OPTIONS, type: 'svg' })])
  return { png, svg }
}

type QrOptions = ConnectionOptions & { gtin: string; serial: string; lot?: string; expiry?: string; resolver?: string; png?: string; svg?: string }

export function registerDrugsQr(drugs: Command, io: CliIo): void {
  addConnectionOptions(drugs.command('qr').description('write the QR code of a unit\'s GS1 Digital Link as PNG and/or SVG'), { signs: false })
    .requiredOption('--gtin <gtin>', 'GTIN (AI 01)')
    .requiredOption('--serial <serial>', 'serial (AI 21)')
    .option('--lot <lot>', 'lot (AI 10)')
    .option('--expiry <yymmdd>', 'expiry (AI 17)')
    .option('--resolver <url>', 'base URL scans go to (default: the product manufacturer\'s gateway, read from the chain)')
    .option('--png <file>', 'write a PNG here')
    .option('--svg <file>', 'write an SVG here')
    .action(async (options: QrOptions, command: Command) => {
      if (options.png === undefined && options.svg === undefined) throw usageError('give --png <file>, --svg <file> or both')
      const resolver = options.resolver ?? (await manufacturerGateway(io, options, command))
      const link = formatDigitalLink(resolver, { gtin: options.gtin, serial: options.serial, lot: options.lot, expiry: options.expiry === undefined ? undefined : Number(options.expiry) })
      const { png, svg } = await renderQr(link)
      if (options.png !== undefined) await writeFile(absolute(io, options.png), png)
      if (options.svg !== undefined) await writeFile(absolute(io, options.svg), svg)
      println(io.stdout, link)
    })
}

async function manufacturerGateway(io: CliIo, options: QrOptions, command: Command): Promise<string> {
  const client = await connect(io, command.optsWithGlobals())
  const product = await getProduct(client, { gtin: options.gtin })
  if (product === undefined) throw new CliError(`Product ${options.gtin} is not registered: pass --resolver`, { code: 'CLI_NOT_FOUND' })
  const member = await getMember(client, { address: product.manufacturer })
  if (!member?.gatewayUrl) throw new CliError('The manufacturer lists no gateway URL on chain: pass --resolver', { code: 'CLI_GATEWAY_UNREACHABLE' })
  return member.gatewayUrl
}
