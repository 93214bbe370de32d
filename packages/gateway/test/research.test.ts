// Private research screening end to end through the gateways: a hospital gateway attests its
// patients' vital signs, an institution (research member) publishes studies through its gateway,
// patients prove on their own side and enroll through their hospital, results reach the
// institution sealed, and its distribution equals the one computed in the clear.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { stat } from 'node:fs/promises'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { studyRegistryAbi } from '@medchain/contracts'
import {
  deriveHolderSecret,
  distributionOf,
  identityCommitmentOf,
  prepareEnrollment,
  verifyOpening,
  type IndicatorClass,
  ResearchError,
} from '@medchain/research'
import {
  enrollThroughGateway,
  fetchAttestations,
  fetchStudy,
  gatewayJson,
  requestAttestation,
  submitResultThroughGateway,
  type GatewayEndpoint,
} from '@medchain/research/client'
import { createMedchainClient, getEnrollment, getStudy, type MedchainClient } from '@medchain/sdk'
import { loadPoseidon, prove, releaseProver, toSolidityProof, type CircuitName } from '@medchain/zk'
import { clearOutcome } from '../../research/test/clearClasses.ts'
import { VITALS, VITAL_CODES } from '../../research/test/screeningFlow.ts'
import { loadScreenedPatients } from '../../research/test/syntheaPatients.ts'
import { importPatient, newPerson, readSynthea, signedFetch, startTestNetwork, syntheaFiles, type Hospital, type Institution, type Person, type TestNetwork } from './testNetwork.ts'

// As in the research package's acceptance test: readings before 2019 are too old.
const NOT_BEFORE = Date.parse('2019-01-01T00:00:00Z') / 1000
const ELIGIBLE = 4

type Enrolled = { patient: Person; expected: { eligible: true; classes: IndicatorClass[] } | { eligible: false; reason: string } }

const codeOf = (body: unknown) => (body as { issue?: { details?: { coding?: { code?: string }[] } }[] })?.issue?.[0]?.details?.coding?.[0]?.code
const diagnosticsOf = (body: unknown) => (body as { issue?: { diagnostics?: string }[] })?.issue?.[0]?.diagnostics ?? ''

describe('research screening through a hospital gateway and an institution gateway', () => {
  let net: TestNetwork
  let hospital: Hospital
  let institution: Institution
  let reader: MedchainClient
  let hospitalEndpoint: GatewayEndpoint
  let institutionEndpoint: GatewayEndpoint
  const patients: Enrolled[] = []
  const studies: Record<string, bigint> = {}

  const definition = (mode: 'paillier' | 'verified', capacity = 10) => ({
    title: 'Blood pressure, heart rate and temperature screening',
    purpose: 'How many adults fall outside the reference ranges',
    mode,
    indicators: VITALS,
    notBefore: NOT_BEFORE,
    capacity,
    deadline: Math.floor(Date.now() / 1000) + 86_400,
  })
  const publish = async (mode: 'paillier' | 'verified', signer: `0x${string}`, capacity?: number) => {
    const published = await signedFetch(institution.url, signer, 'POST', '/research/studies', { body: definition(mode, capacity) })
    assert.equal(published.status, 201, JSON.stringify(published.body))
    return BigInt((published.body as { studyId: string }).studyId)
  }
  const distribution = async (studyId: bigint) => {
    const answer = await signedFetch(institution.url, institution.key, 'GET', `/research/studies/${studyId}/distribution`)
    assert.equal(answer.status, 200, JSON.stringify(answer.body))
    return answer.body as { enrolled: number; received: number; indicators: unknown[] }
  }

  before(async () => {
    net = await startTestNetwork({ hospitals: 1, institutions: 1 })
    hospital = net.hospitals[0]!
    institution = net.institutions[0]!
    reader = await createMedchainClient({ provider: net.node.provider, deployment: net.deployment })
    hospitalEndpoint = { url: hospital.url, member: hospital.address }
    institutionEndpoint = { url: institution.url, member: institution.address }
    // A few fixture patients: the first eligible ones and one measured too long ago.
    const screened = new Map(loadScreenedPatients().map((patient) => [patient.id, patient]))
    let stale = 0
    for (const file of await syntheaFiles()) {
      if (patients.length === ELIGIBLE + 1) break
      const id = (await readSynthea(file)).entry.find((entry) => entry.resource.resourceType === 'Patient')?.resource.id as string
      const source = screened.get(id)
      if (source === undefined) continue
      const expected = clearOutcome(source.observations, VITALS, NOT_BEFORE)
      if (expected.eligible ? patients.length - stale >= ELIGIBLE : stale >= 1 || expected.reason !== 'RESEARCH_STALE_MEASUREMENT') continue
      if (!expected.eligible) stale++
      const { patient, response } = await importPatient(hospital, file)
      assert.equal(response.status, 200)
      // The screening visit the fixtures lack: the hospital records heart rate and temperature through FHIR.
      for (const observation of source.observations.filter((o) => o.code.coding?.some((c) => c.code === '8867-4' || c.code === '8310-5'))) {
        const written = await signedFetch(hospital.url, hospital.key, 'POST', '/Observation', { body: { ...observation, subject: { reference: `Patient/${patient.address}` } } })
        assert.equal(written.status, 201, JSON.stringify(written.body))
      }
      patients.push({ patient, expected: expected as Enrolled['expected'] })
    }
    assert.equal(patients.length, ELIGIBLE + 1)
  })
  after(async () => {
    await releaseProver()
    await net?.close()
  })

  it('attests a patient`s latest measurements on request; the opening stays theirs', async () => {
    const poseidon = await loadPoseidon()
    for (const { patient } of patients) {
      const identityCommitment = identityCommitmentOf(poseidon, deriveHolderSecret(patient.privateKey))
      const attestation = await requestAttestation({ hospital: hospitalEndpoint, privateKey: patient.privateKey, identityCommitment })
      verifyOpening(poseidon, attestation.opening, identityCommitment)
      for (const code of VITAL_CODES) assert.ok(attestation.opening.slots.some((slot) => slot.code === code), `${code} attested`)
      const onChain = await reader.publicClient.readContract({ address: net.deployment.studyRegistry, abi: studyRegistryAbi, functionName: 'attestation', args: [BigInt(attestation.commitment)] })
      assert.equal(onChain.patient.toLowerCase(), patient.address.toLowerCase())
      assert.equal(onChain.attester.toLowerCase(), hospital.address.toLowerCase())
      const held = await fetchAttestations({ hospital: hospitalEndpoint, privateKey: patient.privateKey })
      assert.deepEqual(held.map((a) => a.opening), [attestation.opening])
      // PHI never reaches the access log: no salt, no value in any entry's detail.
      const audit = await hospital.gateway.context.index.listAuditEntries({ patient: patient.address, count: 1000 })
      assert.ok(audit.rows.some((entry) => (entry.detail as { research?: string } | null)?.research === 'attest'))
      assert.ok(audit.rows.every((entry) => !JSON.stringify(entry.detail ?? {}).includes(attestation.opening.salt)))
    }
    // Another patient may not read them; a member may not list them.
    const other = await signedFetch(hospital.url, hospital.clinician.privateKey, 'GET', '/research/attestations')
    assert.equal(other.status, 403)
    assert.equal(codeOf(other.body), 'GATEWAY_FORBIDDEN_ROLE')
  })

  for (const mode of ['paillier', 'verified'] as const) {
    it(`${mode} mode: patients enroll through their hospital; the institution's distribution equals the clear one`, async () => {
      // Published by a researcher of the institution: the member's account becomes the institution.
      const studyId = await publish(mode, institution.researcher.privateKey)
      studies[mode] = studyId
      assert.equal((await getStudy(reader, { studyId }))?.institution.toLowerCase(), institution.address.toLowerCase())
      const document = await fetch(`${institution.url}/research/studies/${studyId}`)
      const bytes = new Uint8Array(await document.arrayBuffer())
      assert.equal(`0x${createHash('sha256').update(bytes).digest('hex')}`, (await getStudy(reader, { studyId }))?.documentHash)
      const vectors: IndicatorClass[][] = []
      for (const { patient, expected } of patients) {
        if (!expected.eligible) {
          await assert.rejects(enrollThroughGateway(reader, { studyId, privateKey: patient.privateKey }), (error) => error instanceof ResearchError && error.code === expected.reason)
          continue
        }
        const enrolled = await enrollThroughGateway(reader, { studyId, privateKey: patient.privateKey })
        assert.equal(enrolled.forwarded, true)
        const enrollment = await getEnrollment(reader, { studyId, nullifier: enrolled.nullifier })
        assert.equal(enrollment?.submitter.toLowerCase(), hospital.address.toLowerCase())
        assert.equal(enrollment?.resultHash, enrolled.resultHash)
        assert.equal(enrollment?.acknowledged, true)
        vectors.push(expected.classes)
      }
      const answer = await distribution(studyId)
      assert.deepEqual(answer.indicators, distributionOf(VITAL_CODES, vectors))
      assert.equal(answer.enrolled, ELIGIBLE)
      assert.equal(answer.received, ELIGIBLE)
      if (mode === 'paillier') {
        const key = await stat(join(net.dir, 'institution-0', 'research', 'paillier-key.json'))
        assert.equal(key.mode & 0o777, 0o600)
      } else {
        const ranges = await signedFetch(institution.url, patients[0]!.patient.privateKey, 'GET', `/research/studies/${studyId}/ranges`)
        assert.equal(ranges.status, 200)
      }
    })
  }

  describe('refusals: a 4xx OperationOutcome with a stable code, nothing stored', () => {
    it('a tampered proof is refused by the contract through the relay', async () => {
      const studyId = await publish('verified', institution.key, 2)
      const { patient } = patients.find((p) => p.expected.eligible)!
      const fetched = await fetchStudy(reader, { studyId, privateKey: patient.privateKey })
      const [attestation] = await fetchAttestations({ hospital: hospitalEndpoint, privateKey: patient.privateKey })
      const poseidon = await loadPoseidon()
      const prepared = prepareEnrollment(poseidon, { opening: attestation!.opening, secret: deriveHolderSecret(patient.privateKey), document: fetched.document, submitter: hospital.address, rangeOpening: fetched.rangeOpening })
      const proof = toSolidityProof(await prove(prepared.circuit as CircuitName, prepared.input))
      const body = (p: typeof proof) => ({
        studyId: studyId.toString(),
        commitment: prepared.commitment.toString(),
        nullifier: prepared.nullifier.toString(),
        classCommitment: prepared.classCommitment.toString(),
        proof: { a: p.a.map(String), b: p.b.map((pair) => pair.map(String)), c: p.c.map(String) },
      })
      const tampered = await signedFetch(hospital.url, patient.privateKey, 'POST', '/research/enrollments', { body: body({ ...proof, c: [proof.c[1], proof.c[0]] }) })
      assert.equal(tampered.status, 422)
      assert.equal(codeOf(tampered.body), 'GATEWAY_RESEARCH_REFUSED')
      assert.match(diagnosticsOf(tampered.body), /StudyInvalidProof/)
      assert.equal((await getStudy(reader, { studyId }))?.enrolled, 0)
      assert.equal(await getEnrollment(reader, { studyId, nullifier: prepared.nullifier }), undefined)
      // Someone else's attestation is not relayed; the right proof by its patient is.
      const stranger = patients.find((p) => p.patient !== patient)!.patient
      const foreign = await signedFetch(hospital.url, stranger.privateKey, 'POST', '/research/enrollments', { body: body(proof) })
      assert.equal(codeOf(foreign.body), 'GATEWAY_ACCESS_DENIED')
      const enrolled = await signedFetch(hospital.url, patient.privateKey, 'POST', '/research/enrollments', { body: body(proof) })
      assert.equal(enrolled.status, 201, JSON.stringify(enrolled.body))
      // A replay of the same proof hits the used nullifier.
      const again = await signedFetch(hospital.url, patient.privateKey, 'POST', '/research/enrollments', { body: body(proof) })
      assert.equal(codeOf(again.body), 'GATEWAY_RESEARCH_REFUSED')
      assert.match(diagnosticsOf(again.body), /StudyNullifierUsed/)
      // Only the patient who enrolled records the result.
      const sealed = Buffer.from('not a sealed result').toString('base64')
      const hijack = await signedFetch(hospital.url, stranger.privateKey, 'POST', '/research/results', { body: { studyId: studyId.toString(), nullifier: prepared.nullifier.toString(), sealed } })
      assert.equal(hijack.status, 403)
      assert.equal(codeOf(hijack.body), 'GATEWAY_ACCESS_DENIED')
      assert.equal((await getEnrollment(reader, { studyId, nullifier: prepared.nullifier }))?.resultHash, undefined)
    })

    it('a result that does not match the chain is refused and stores nothing', async () => {
      const studyId = studies.paillier!
      const before = await distribution(studyId)
      const { patient } = patients.find((p) => p.expected.eligible)!
      // The first enrollment of the paillier study, from the chain's events: its result is recorded and stored.
      const logs = await reader.publicClient.getContractEvents({ address: net.deployment.studyRegistry, abi: studyRegistryAbi, eventName: 'ResultAcknowledged', args: { studyId }, fromBlock: 0n })
      const nullifier = logs[0]!.args.nullifier!
      const forged = await signedFetch(institution.url, hospital.key, 'POST', `/research/studies/${studyId}/results`, { body: { nullifier: nullifier.toString(), sealed: Buffer.from('forged result bytes!').toString('base64') } })
      assert.equal(forged.status, 422)
      assert.equal(codeOf(forged.body), 'GATEWAY_RESEARCH_INVALID_RESULT')
      assert.deepEqual(await distribution(studyId), before)
      // A different result through the relay, by the patient who enrolled first: refused, chain unchanged.
      const relayed = await signedFetch(hospital.url, patient.privateKey, 'POST', '/research/results', { body: { studyId: studyId.toString(), nullifier: nullifier.toString(), sealed: Buffer.from('another').toString('base64') } })
      assert.equal(relayed.status, 422, JSON.stringify(relayed.body))
      assert.equal(codeOf(relayed.body), 'GATEWAY_RESEARCH_REFUSED')
      assert.equal((await getEnrollment(reader, { studyId, nullifier }))?.acknowledged, true)
      assert.deepEqual(await distribution(studyId), before)
    })

    it('a repeated result is taken once', async () => {
      const studyId = await publish('verified', institution.key, 2)
      const { patient } = patients.find((p) => p.expected.eligible)!
      let kept: Parameters<typeof submitResultThroughGateway>[0]['result'] | undefined
      await enrollThroughGateway(reader, { studyId, privateKey: patient.privateKey, onSealed: (sealed) => void (kept = sealed) })
      const again = await submitResultThroughGateway({ privateKey: patient.privateKey, result: kept! })
      assert.equal(again.forwarded, true)
      const direct = await gatewayJson<{ duplicate: boolean }>({ gateway: institutionEndpoint, method: 'POST', path: `/research/studies/${studyId}/results`, privateKey: hospital.key, body: { nullifier: kept!.nullifier, sealed: kept!.sealed } })
      assert.equal(direct.duplicate, true)
      assert.equal((await distribution(studyId)).received, 1)
    })

    it('only the institution reads a distribution; only research members publish', async () => {
      const studyId = studies.verified!
      for (const signer of [hospital.key, hospital.clinician.privateKey, patients[0]!.patient.privateKey]) {
        const refused = await signedFetch(institution.url, signer, 'GET', `/research/studies/${studyId}/distribution`)
        assert.equal(refused.status, 403)
        assert.equal(codeOf(refused.body), 'GATEWAY_FORBIDDEN_ROLE')
      }
      const byHospital = await signedFetch(hospital.url, hospital.key, 'POST', '/research/studies', { body: definition('verified') })
      assert.equal(byHospital.status, 403)
      assert.equal(codeOf(byHospital.body), 'GATEWAY_FORBIDDEN_ROLE')
      const atInstitution = await signedFetch(institution.url, hospital.key, 'POST', '/research/studies', { body: definition('verified') })
      assert.equal(codeOf(atInstitution.body), 'GATEWAY_FORBIDDEN_ROLE')
      const unknown = await signedFetch(institution.url, institution.key, 'GET', '/research/studies/12345/distribution')
      assert.equal(codeOf(unknown.body), 'GATEWAY_NOT_FOUND')
      // A study elsewhere is no study of this gateway, and its document is not served.
      assert.equal((await fetch(`${hospital.url}/research/studies/${studyId}`)).status, 404)
    })

    it('malformed requests name what is wrong', async () => {
      const cases: [string, string, unknown, string][] = [
        [institution.url, '/research/studies', '{"title": ', 'GATEWAY_INVALID_REQUEST'],
        [institution.url, '/research/studies', { ...definition('verified'), mode: 'clear' }, 'GATEWAY_INVALID_REQUEST'],
        [institution.url, '/research/studies', { ...definition('verified'), indicators: [{ code: '8480-5', plausible: { low: 50, high: 300 }, range: { low: 90, high: 129 } }] }, 'GATEWAY_INVALID_REQUEST'],
        [hospital.url, '/research/enrollments', '[1, 2', 'GATEWAY_INVALID_REQUEST'],
        [hospital.url, '/research/enrollments', { studyId: 1, commitment: '1', nullifier: '1', classCommitment: '0', proof: {} }, 'GATEWAY_INVALID_REQUEST'],
        [hospital.url, '/research/attestations', { identityCommitment: 'abc' }, 'GATEWAY_INVALID_REQUEST'],
      ]
      for (const [url, path, body, code] of cases) {
        const signer = url === institution.url ? institution.key : patients[0]!.patient.privateKey
        const answer = await signedFetch(url, signer, 'POST', path, { body })
        assert.equal(answer.status, 400, `${path} ${JSON.stringify(answer.body)}`)
        assert.equal(codeOf(answer.body), code)
      }
    })

    it('a patient with no measurement here gets nothing attested', async () => {
      const patient = newPerson()
      const created = await signedFetch(hospital.url, hospital.key, 'PUT', `/Patient/${patient.address}`, {
        body: { resourceType: 'Patient', id: patient.address, extension: [{ url: 'https://medchain.dev/fhir/StructureDefinition/encryption-public-key', valueString: patient.publicKey }] },
      })
      assert.equal(created.status, 201, JSON.stringify(created.body))
      const answer = await signedFetch(hospital.url, patient.privateKey, 'POST', '/research/attestations', { body: { identityCommitment: '12345' } })
      assert.equal(answer.status, 422)
      assert.equal(codeOf(answer.body), 'GATEWAY_RESEARCH_NO_READINGS')
      assert.deepEqual((await signedFetch(hospital.url, patient.privateKey, 'GET', '/research/attestations')).body, { attestations: [] })
    })
  })
})
