import { randomBytes } from 'node:crypto'
import { purposes, roles as ROLES } from '@medchain/contracts'
import {
  commissionBatch,
  commissionUnit,
  decommissionItem,
  dispenseCommitment,
  dispenseUnit,
  getDrugItem,
  recallLot,
  receiveItem,
  registerProduct,
  shipItem,
  unitIdOf,
  unpackUnit,
  type DecommissionReason,
} from '@medchain/sdk'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { bytesToHex, type Hex } from 'viem'
import type { GatewayContext } from '../context.ts'
import { GatewayError } from '../errors.ts'
import { jsonBody } from '../http/fhirBody.ts'
import { recordIdOf, recordKey } from '../internal/recordIds.ts'
import { readRecord } from '../records/readService.ts'
import { bytes32Field, eventOptions, intField, itemField, placeOf, requestDigitalLink, stringField } from '../supply/requestValues.ts'
import { placeScan } from '../supply/scanAlerts.ts'
import { supplyWrite } from '../supply/supplyWrites.ts'
import { escapeHtml, verifyPage } from '../supply/verifyPage.ts'
import { createUnitVerifier } from '../supply/verifyUnit.ts'
import { registerDeviceRoutes } from './deviceRoutes.ts'

/** What a drug event write answers: the EPCIS document the chain recorded and where. */
const eventAnswer = (result: { eventId: Hex; event: Record<string, unknown>; hash: Hex; receipt: { blockNumber: bigint } }) => ({
  eventId: result.eventId,
  event: result.event,
  transaction: result.hash,
  block: Number(result.receipt.blockNumber),
})

const wantsHtml = (request: FastifyRequest) =>
  (request.query as Record<string, string>).format !== 'json' && /text\/html/.test(String(request.headers.accept ?? ''))

/**
 * Supply chain routes. Public: the GS1 Digital Link verify page and API
 * (`/01/{gtin}/21/{serial}?10={lot}&17={expiry}`, HTML for browsers, JSON otherwise), and the
 * place a verify page adds to its scan. For this gateway's member: drug events (products,
 * commissioning, ship, receive, unpack, dispense, decommission, recall), alerts, and devices.
 */
export function registerSupplyRoutes(app: FastifyInstance, ctx: GatewayContext): void {
  const verifier = createUnitVerifier(ctx)
  const open = { config: { public: true } }

  const verify = async (request: FastifyRequest, reply: FastifyReply) => {
    const html = wantsHtml(request)
    try {
      const link = requestDigitalLink(request, ctx.baseUrl)
      const answer = await verifier.verify(link, placeOf(request.query as Record<string, unknown>))
      if (!html) return reply.send(answer)
      const placeUrl = `${ctx.baseUrl}/supply/scans/${answer.scan.scanId}/place`
      return reply.type('text/html; charset=utf-8').send(verifyPage(answer, { placeUrl }))
    } catch (error) {
      if (!html || !(error instanceof GatewayError) || error.code !== 'GATEWAY_INVALID_DIGITAL_LINK') throw error
      return reply.code(400).type('text/html; charset=utf-8').send(`<!doctype html><meta charset="utf-8"><title>Invalid code</title><h1>This is not a valid drug code</h1><p>${escapeHtml(error.shortMessage)}</p>`)
    }
  }
  app.get('/01/:gtin/21/:serial', open, verify)
  app.get('/01/:gtin/10/:lot/21/:serial', open, verify)

  app.post<{ Params: { scanId: string } }>('/supply/scans/:scanId/place', open, async (request) => {
    const scanId = bytes32Field(request.params.scanId, 'scanId')
    const place = placeOf(jsonBody(request))
    if (place === undefined) throw new GatewayError('"lat" and "lng" are required', { code: 'GATEWAY_INVALID_REQUEST', expression: 'lat' })
    const manufacturerOf = async (unitId: Hex) => (await ctx.index.getSupplyUnit({ unitId }))?.manufacturer
    const scan = await placeScan(ctx, scanId, place, manufacturerOf)
    if (scan === undefined) throw new GatewayError('No scan of that id still open for a place', { code: 'GATEWAY_NOT_FOUND' })
    return { scanId, lat: scan.lat, lng: scan.lng }
  })

  app.get('/supply/alerts', async (request) => {
    const caller = request.caller
    const query = request.query as Record<string, string>
    const member = caller.kind === 'member' || caller.kind === 'individual' ? caller : undefined
    if (member === undefined || (member.roles & (ROLES.REGULATOR | ROLES.MANUFACTURER)) === 0) {
      throw new GatewayError('Only manufacturers (their own products) and regulators read supply alerts', { code: 'GATEWAY_FORBIDDEN_ROLE' })
    }
    const regulator = (member.roles & ROLES.REGULATOR) !== 0
    const count = Math.min(Number(query._count ?? 100) || 100, 1000)
    const offset = Math.max(Number(query._offset ?? 0) || 0, 0)
    return ctx.index.listSupplyAlerts({ manufacturer: regulator ? undefined : member.member, count, offset })
  })

  app.post('/supply/products', async (request, reply) => {
    const gtin = stringField(jsonBody(request), 'gtin', { max: 14 })
    const result = await supplyWrite(ctx, request.caller, { operation: 'registerProduct', roles: ['MANUFACTURER'], run: () => registerProduct(ctx.client, { gtin }) })
    return reply.code(201).send({ gtin: result.gtin, transaction: result.hash })
  })

  app.post('/supply/commission', async (request, reply) => {
    const body = jsonBody(request)
    const serials = body.serials
    if (!Array.isArray(serials) || serials.some((s) => typeof s !== 'string')) throw new GatewayError('"serials" expected an array of strings', { code: 'GATEWAY_INVALID_REQUEST', expression: 'serials' })
    const common = { ...eventOptions(body), gtin: stringField(body, 'gtin', { max: 14 }), lot: stringField(body, 'lot', { max: 20 }), expiry: stringField(body, 'expiry', { max: 6 }) }
    if (serials.length === 1 && body.batch !== true) {
      const result = await supplyWrite(ctx, request.caller, { operation: 'commissionUnit', roles: ['MANUFACTURER'], run: () => commissionUnit(ctx.client, { ...common, serial: serials[0] as string }) })
      return reply.code(201).send({ unitId: result.unitId, ...eventAnswer(result) })
    }
    const result = await supplyWrite(ctx, request.caller, { operation: 'commissionBatch', roles: ['MANUFACTURER'], run: () => commissionBatch(ctx.client, { ...common, serials: serials as string[] }) })
    return reply.code(201).send({ batchId: result.batchId, ...eventAnswer(result) })
  })

  app.post('/supply/ship', async (request) => {
    const body = jsonBody(request)
    const item = itemField(body)
    const to = stringField(body, 'to', { max: 42 }) as Hex
    const result = await supplyWrite(ctx, request.caller, { operation: 'shipItem', roles: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL'], run: () => shipItem(ctx.client, { ...eventOptions(body), item, to }) })
    return { itemId: result.itemId, ...eventAnswer(result) }
  })

  app.post('/supply/receive', async (request) => {
    const body = jsonBody(request)
    const item = itemField(body)
    const result = await supplyWrite(ctx, request.caller, { operation: 'receiveItem', roles: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL'], run: () => receiveItem(ctx.client, { ...eventOptions(body), item }) })
    return { itemId: result.itemId, ...eventAnswer(result) }
  })

  app.post('/supply/decommission', async (request) => {
    const body = jsonBody(request)
    const item = itemField(body)
    const reason = stringField(body, 'reason', { max: 16 }) as DecommissionReason
    const result = await supplyWrite(ctx, request.caller, { operation: 'decommissionItem', roles: ['MANUFACTURER', 'DISTRIBUTOR', 'PHARMACY', 'HOSPITAL'], run: () => decommissionItem(ctx.client, { ...eventOptions(body), item, reason }) })
    return { itemId: result.itemId, ...eventAnswer(result) }
  })

  app.post('/supply/recalls', async (request, reply) => {
    const body = jsonBody(request)
    const args = { gtin: stringField(body, 'gtin', { max: 14 }), lot: stringField(body, 'lot', { max: 20 }), reasonCode: intField(body, 'reasonCode', 1, 65_535) }
    const result = await supplyWrite(ctx, request.caller, { operation: 'recallLot', roles: ['MANUFACTURER', 'REGULATOR'], run: () => recallLot(ctx.client, args) })
    return reply.code(201).send({ lotId: result.lotId, transaction: result.hash })
  })

  app.post('/supply/dispense', async (request) => {
    const body = jsonBody(request)
    const gtin = stringField(body, 'gtin', { max: 14 })
    const serial = stringField(body, 'serial', { max: 20 })
    const unitId = unitIdOf(gtin, serial)
    const reference = body.medicationDispense === undefined ? undefined : stringField(body, 'medicationDispense', { max: 100 })
    return supplyWrite(ctx, request.caller, {
      operation: 'dispenseUnit',
      roles: ['PHARMACY', 'HOSPITAL'],
      itemId: unitId,
      run: async () => {
        let link: { key: string; salt: Hex; commitment: Hex } | undefined
        if (reference !== undefined) {
          // Reading the record checks the caller may see it (custody or consent) and logs the read.
          const [type, id] = reference.split('/') as [string, string]
          if (type !== 'MedicationDispense') throw new GatewayError('"medicationDispense" expected MedicationDispense/<id>', { code: 'GATEWAY_INVALID_REQUEST', expression: 'medicationDispense' })
          await readRecord(ctx, request.caller, { type, id, purpose: purposes.TREATMENT })
          const key = recordKey(type, id)
          const salt = bytesToHex(randomBytes(32))
          link = { key, salt, commitment: dispenseCommitment(recordIdOf(key), salt) }
        }
        await unpackIfPacked(gtin, serial, unitId)
        const result = await dispenseUnit(ctx.client, { ...eventOptions(body), gtin, serial, patientCommitment: link?.commitment })
        if (link !== undefined) await ctx.index.saveDispenseLink({ unitId, recordKey: link.key, salt: link.salt })
        return { unitId, ...eventAnswer(result), ...(link === undefined ? {} : { patientCommitment: link.commitment, salt: link.salt }) }
      },
    })
  })

  /** A unit still in a batch this member holds is unpacked first (its proof from the index). */
  async function unpackIfPacked(gtin: string, serial: string, unitId: Hex): Promise<void> {
    if ((await getDrugItem(ctx.client, { item: { gtin, serial } })) !== undefined) return
    await ctx.supply.sync()
    const unit = await ctx.index.getSupplyUnit({ unitId })
    if (unit?.batchId === null || unit === undefined) return
    const proof = await verifier.batchProof({ ...unit, batchId: unit.batchId })
    await unpackUnit(ctx.client, { batchId: unit.batchId, gtin, serial, proof })
  }

  registerDeviceRoutes(app, ctx)
}
