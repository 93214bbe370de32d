import type { Command } from 'commander'
import { parseDigitalLink } from '@medchain/sdk'
import { CliError } from '../../errors.ts'
import { formatTable, println, toJson, type CliIo } from '../../io.ts'

type VerifyAnswer = { verdict: string; message: string; trail: { when: string | null; what: string; actorName: string; counterpartyName: string | null; verified: boolean }[] }

/** `medchain drugs verify <link>`: asks the link's resolver (a gateway) for the verdict. */
export function registerDrugsVerify(drugs: Command, io: CliIo): void {
  drugs
    .command('verify <link>')
    .description('verify a GS1 Digital Link (as in a pack\'s QR code) with the gateway it names')
    .option('--json', 'print the full JSON answer')
    .action(async (link: string, options: { json?: boolean }) => {
      parseDigitalLink(link)
      let response: Response
      try {
        response = await fetch(link, { headers: { accept: 'application/json' } })
      } catch (cause) {
        throw new CliError(`The gateway at ${new URL(link).origin} does not answer`, { code: 'CLI_GATEWAY_UNREACHABLE', cause })
      }
      const body = (await response.json()) as VerifyAnswer & { issue?: { diagnostics: string }[] }
      if (response.status !== 200) throw new CliError(`The gateway refused the link: ${body.issue?.[0]?.diagnostics ?? response.status}`, { code: 'CLI_VERIFY_REFUSED' })
      if (options.json) return println(io.stdout, toJson(body))
      println(io.stdout, `${body.verdict.toUpperCase()}: ${body.message}`)
      if (body.trail.length === 0) return
      const rows = body.trail.map((s) => [s.when?.slice(0, 19).replace('T', ' ') ?? '-', s.what, s.counterpartyName ? `${s.actorName} -> ${s.counterpartyName}` : s.actorName, s.verified ? 'yes' : 'NO'])
      println(io.stdout, formatTable(['WHEN', 'WHAT', 'WHO', 'CHECKED'], rows))
    })
}
