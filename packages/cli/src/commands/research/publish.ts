import { readFile } from 'node:fs/promises'
import { privateKeyToAddress } from '@medchain/crypto'
import { gatewayJson } from '@medchain/research/client'
import { connect } from '../../connect.ts'
import { usageError } from '../../errors.ts'
import { println, toJson, type CliIo } from '../../io.ts'
import { absolute } from '../../options.ts'
import type { ResearchOptions } from './index.ts'
import { memberKey, resolveEndpoint } from './researchKeys.ts'

/** `notBefore` and `deadline` may be ISO 8601 dates in the file; the gateway takes unix seconds. */
function unixSeconds(value: unknown, field: string): unknown {
  if (typeof value !== 'string') return value
  const time = Date.parse(value)
  if (Number.isNaN(time)) throw usageError(`"${field}" expected unix seconds or an ISO 8601 date, got ${JSON.stringify(value)}`)
  return Math.floor(time / 1000)
}

/** Publishes the study defined in `file` through the `--as` member's (or researcher's) institution gateway. */
export async function runPublish(io: CliIo, file: string, options: ResearchOptions): Promise<void> {
  let definition: Record<string, unknown>
  try {
    definition = JSON.parse(await readFile(absolute(io, file), 'utf8')) as Record<string, unknown>
  } catch (error) {
    throw usageError(`${file} is not a readable JSON study definition: ${(error as Error).message}`)
  }
  const body = { ...definition, notBefore: unixSeconds(definition.notBefore, 'notBefore'), deadline: unixSeconds(definition.deadline, 'deadline') }
  const privateKey = await memberKey(io, options)
  const client = await connect(io, { ...options, as: undefined })
  const gateway = await resolveEndpoint(client, privateKeyToAddress(privateKey), options.gateway)
  const published = await gatewayJson<Record<string, string>>({ gateway, method: 'POST', path: '/research/studies', body, privateKey })
  if (options.json) return println(io.stdout, toJson(published))
  println(io.stdout, `Study ${published.studyId} published (${published.mode} mode, circuit ${published.circuit})`)
  println(io.stdout, `  document  ${published.documentUrl}`)
  println(io.stdout, `  sha-256   ${published.documentHash}`)
  println(io.stdout, `  tx        ${published.transaction}`)
}
