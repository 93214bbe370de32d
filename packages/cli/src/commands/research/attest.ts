import { privateKeyToAddress } from '@medchain/crypto'
import { getPatient } from '@medchain/sdk'
import { deriveHolderSecret, identityCommitmentOf } from '@medchain/research'
import { requestAttestation } from '@medchain/research/client'
import { loadPoseidon } from '@medchain/zk'
import { connect } from '../../connect.ts'
import { CliError } from '../../errors.ts'
import { println, toJson, type CliIo } from '../../io.ts'
import type { ResearchOptions } from './index.ts'
import { patientKey, resolveEndpoint } from './researchKeys.ts'

/** Asks the patient's hospital (the one that registered them, unless `--gateway`) to attest their latest measurements. */
export async function runAttest(io: CliIo, options: ResearchOptions): Promise<void> {
  const privateKey = await patientKey(io, options)
  const client = await connect(io, { ...options, as: undefined })
  const address = privateKeyToAddress(privateKey)
  const registered = await getPatient(client, { pseudonym: address })
  if (registered === undefined) throw new CliError(`Patient ${options.patient} (${address}) is not registered on chain`, { code: 'CLI_NOT_FOUND' })
  const hospital = await resolveEndpoint(client, registered.registrar, options.gateway)
  // Only Poseidon(secret) leaves this machine; the secret stays derivable from the patient key alone.
  const identityCommitment = identityCommitmentOf(await loadPoseidon(), deriveHolderSecret(privateKey))
  const attestation = await requestAttestation({ hospital, privateKey, identityCommitment })
  if (options.json) return println(io.stdout, toJson({ ...attestation, opening: undefined }))
  println(io.stdout, `Attested by ${hospital.name ?? hospital.url}: ${attestation.opening.slots.length} indicators measured from ${new Date(attestation.measuredAt * 1000).toISOString()}`)
  println(io.stdout, `  codes       ${attestation.opening.slots.map((slot) => slot.code).join(', ')}`)
  println(io.stdout, `  commitment  ${attestation.commitment}`)
  println(io.stdout, `  record      ${attestation.record} (the opening, encrypted for you)`)
}
