// Acceptance: a hospital attests the vital signs of the 40 Synthea patients, an institution
// publishes a study on blood pressure, heart rate and temperature, eligible patients enroll
// with a zk-SNARK and the institution's -1/0/1 vectors equal the ones computed in the clear.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { generatePrivateKey } from '@medchain/crypto'
import { releaseProver } from '@medchain/zk'
import { startLocalChain, type LocalChain } from '../../sdk/test/localChain.ts'
import { ResearchError, prepareEnrollment } from '../src/index.ts'
import { clearOutcome } from './clearClasses.ts'
import { attestPatient, enrollAndSubmit, parties, publish, receive, VITALS, type Holder, type Parties } from './screeningFlow.ts'
import { loadScreenedPatients, type ScreenedPatient } from './syntheaPatients.ts'

// Readings before 2019 are too old for this study: several fixture patients are refused as stale.
const NOT_BEFORE = Date.parse('2019-01-01T00:00:00Z') / 1000

for (const mode of ['paillier', 'verified'] as const) {
  describe(`research screening over the Synthea patients, ${mode} mode`, () => {
    let chain: LocalChain
    let p: Parties
    const patients: { patient: ScreenedPatient; holder: Holder }[] = []
    // Readings before 1970 have no unix time: the hospital cannot attest them at all.
    const unattested: ScreenedPatient[] = []
    before(async () => {
      chain = await startLocalChain()
      p = await parties(await chain.client(chain.keys[1]), await chain.client(chain.keys[2]))
      for (const patient of loadScreenedPatients()) {
        try {
          const holder = await attestPatient(p, generatePrivateKey(), patient.observations)
          assert.ok(holder, `${patient.id} has vital signs`)
          patients.push({ patient, holder })
        } catch (error) {
          if (!(error instanceof ResearchError && error.code === 'RESEARCH_INVALID_ARGUMENT')) throw error
          unattested.push(patient)
        }
      }
    })
    after(async () => {
      await releaseProver()
      await chain?.close()
    })

    it('enrolls exactly the eligible patients; the institution learns exactly the clear classes', async () => {
      const now = Math.floor(Date.now() / 1000)
      const study = await publish(p, mode, { notBefore: NOT_BEFORE, deadline: now + 86_400, capacity: patients.length })
      let enrolled = 0
      const refused: Record<string, number> = {}
      for (const patient of unattested) {
        assert.deepEqual(clearOutcome(patient.observations, VITALS, NOT_BEFORE), { eligible: false, reason: 'RESEARCH_STALE_MEASUREMENT' })
      }
      assert.ok(unattested.length <= 2, `${unattested.length} patients measured before 1970`)
      for (const { patient, holder } of patients) {
        const expected = clearOutcome(patient.observations, VITALS, NOT_BEFORE)
        if (!expected.eligible) {
          assert.throws(
            () => prepareEnrollment(p.poseidon, { opening: holder.opening, secret: holder.secret, document: study.document, submitter: holder.address, rangeOpening: study.rangeOpening }),
            (error: unknown) => error instanceof ResearchError && error.code === expected.reason,
            `${patient.id} refused for ${expected.reason}`,
          )
          refused[expected.reason] = (refused[expected.reason] ?? 0) + 1
          continue
        }
        const { nullifier, resultBytes } = await enrollAndSubmit(p, study, holder)
        assert.deepEqual(await receive(p, study, nullifier, resultBytes), expected.classes, `${patient.id} classes`)
        enrolled++
      }
      // The fixtures give both outcomes: most patients enroll, those measured before 2019 do not.
      assert.ok(enrolled >= 20, `${enrolled} enrolled`)
      assert.ok((refused.RESEARCH_STALE_MEASUREMENT ?? 0) >= 1, 'some patients are stale')
    })
  })
}
