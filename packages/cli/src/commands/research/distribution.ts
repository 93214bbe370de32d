import { privateKeyToAddress } from '@medchain/crypto'
import { gatewayJson } from '@medchain/research/client'
import { connect } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'
import type { ResearchOptions } from './index.ts'
import { memberKey, resolveEndpoint } from './researchKeys.ts'

type Distribution = { studyId: string; mode: string; capacity: number; enrolled: number; received: number; indicators: { code: string; below: number; inside: number; above: number }[] }

/** Prints a study's research output: per indicator, how many holders were below, inside, above its range. */
export async function runDistribution(io: CliIo, studyIdText: string, options: ResearchOptions): Promise<void> {
  if (!/^[1-9]\d{0,77}$/.test(studyIdText)) throw usageError(`study id expected a positive decimal integer, got ${JSON.stringify(studyIdText)}`)
  const privateKey = await memberKey(io, options)
  const client = await connect(io, { ...options, as: undefined })
  const gateway = await resolveEndpoint(client, privateKeyToAddress(privateKey), options.gateway)
  const answer = await gatewayJson<Distribution>({ gateway, method: 'GET', path: `/research/studies/${studyIdText}/distribution`, privateKey })
  if (options.json) return println(io.stdout, toJson(answer))
  println(io.stdout, `Study ${answer.studyId} (${answer.mode}): ${answer.enrolled} of ${answer.capacity} enrolled, ${answer.received} results received`)
  println(io.stdout, formatTable(['code', 'below', 'inside', 'above'], answer.indicators.map((row) => [row.code, String(row.below), String(row.inside), String(row.above)])))
}
