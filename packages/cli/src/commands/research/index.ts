import type { Command } from 'commander'
import { addConnectionOptions, type ConnectionOptions } from '../../connect.ts'
import type { CliIo } from '../../io.ts'

export type ResearchOptions = ConnectionOptions & { gateway?: string | undefined; patient?: string | undefined; json?: boolean | undefined }

/**
 * `medchain research ...`: private research screening for its three parties. The institution
 * publishes and reads its distribution, the patient asks their hospital to attest and enrolls
 * (proving on this machine). The zk and Paillier code loads only when a command runs.
 */
export function registerResearch(program: Command, io: CliIo): void {
  const research = program.command('research').description('private research screening: studies, attestations, zk-SNARK enrollment, distributions')
  const gatewayOption = (command: Command, whose: string) =>
    command.option('--gateway <url>', `${whose} gateway (default: the URL the chain lists for it)`).option('--json', 'print JSON')
  const patientOption = (command: Command) => command.requiredOption('--patient <id>', 'the patient: <data-dir>/patients/patient-<id>.json (passphrase: MEDCHAIN_PASSPHRASE or a prompt)')

  const publish = research
    .command('publish <study.json>')
    .description('publish a study through the institution gateway: title, purpose, mode (paillier|verified), indicators, notBefore, capacity, deadline')
  gatewayOption(addConnectionOptions(publish, { signs: true }), "the institution's").action(async (file: string, _options: unknown, cmd: Command) => {
    const { runPublish } = await import('./publish.ts')
    await runPublish(io, file, cmd.optsWithGlobals<ResearchOptions>())
  })

  const attest = research.command('attest').description("ask the patient's hospital to attest their latest measurements")
  gatewayOption(patientOption(addConnectionOptions(attest, { signs: false })), "the hospital's").action(async (_options: unknown, cmd: Command) => {
    const { runAttest } = await import('./attest.ts')
    await runAttest(io, cmd.optsWithGlobals<ResearchOptions>())
  })

  const enroll = research.command('enroll <studyId>').description('prove eligibility on this machine and enroll through the hospital, then send the result')
  gatewayOption(patientOption(addConnectionOptions(enroll, { signs: false })), "the hospital's").action(async (studyId: string, _options: unknown, cmd: Command) => {
    const { runEnroll } = await import('./enroll.ts')
    await runEnroll(io, studyId, cmd.optsWithGlobals<ResearchOptions>())
  })

  const distribution = research.command('distribution <studyId>').description("a study's per-indicator counts below / inside / above its ranges (institution only)")
  gatewayOption(addConnectionOptions(distribution, { signs: true }), "the institution's").action(async (studyId: string, _options: unknown, cmd: Command) => {
      const { runDistribution } = await import('./distribution.ts')
      await runDistribution(io, studyId, cmd.optsWithGlobals<ResearchOptions>())
    })
}
