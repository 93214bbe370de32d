// Access log: batches of entries built with @medchain/crypto, logged and verified on chain.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { accessActions, accessDecisions, purposes } from '@medchain/contracts'
import { createMerkleBatch, privateKeyToAddress } from '@medchain/crypto'
import { bytesToHex, keccak256, stringToHex, zeroAddress, zeroHash, type Address } from 'viem'
import type { MedchainClient } from '../../createMedchainClient.ts'
import { encodeAccessEntry } from '../../encoding/accessEntry.ts'
import type { AccessEntry } from '../../types.ts'
import { expectMedchainError, expectRevert } from '../../../test/expectMedchainError.ts'
import { freshKey, startLocalChain, type LocalChain } from '../../../test/localChain.ts'
import { getAccessBatch } from './getAccessBatch.ts'
import { logAccessBatch } from './logAccessBatch.ts'
import { verifyAccessEntry } from './verifyAccessEntry.ts'

describe('access log', () => {
  let chain: LocalChain
  let hospital: MedchainClient
  let research: MedchainClient
  let hospitalAddress: Address
  before(async () => {
    chain = await startLocalChain()
    hospital = await chain.client(chain.keys[1])
    research = await chain.client(chain.keys[2])
    hospitalAddress = privateKeyToAddress(chain.keys[1]!)
  })
  after(() => chain?.close())

  const entries = (member: Address, n: number): AccessEntry[] =>
    Array.from({ length: n }, (_, i) => ({
      entryId: keccak256(stringToHex(`entry ${member} ${i} ${Math.random()}`)),
      accessor: freshKey().address,
      member,
      patient: i === 0 ? zeroAddress : freshKey().address,
      recordId: i === 0 ? zeroHash : keccak256(stringToHex(`record ${i}`)),
      action: i === 0 ? accessActions.SEARCH : accessActions.READ,
      purpose: purposes.TREATMENT,
      authorization: zeroHash,
      decision: i % 2 ? accessDecisions.NO_CONSENT : accessDecisions.ALLOWED,
      accessedAt: 1_700_000_000n + BigInt(i),
    }))

  it('logs a batch root and verifies every entry on chain', async () => {
    const logged = entries(hospitalAddress, 6)
    const batch = createMerkleBatch()
    for (const entry of logged) batch.add(encodeAccessEntry(entry))
    const { root, proofs } = batch.seal()
    await logAccessBatch(hospital, { root, count: 6, firstAt: 1_700_000_000n, lastAt: 1_700_000_005n })
    const stored = await getAccessBatch(research, { root })
    assert.deepEqual(
      { ...stored, loggedAt: 0n },
      { root: bytesToHex(root), member: hospitalAddress, count: 6, firstAt: 1_700_000_000n, lastAt: 1_700_000_005n, loggedAt: 0n },
    )
    for (const [i, entry] of logged.entries()) assert.equal(await verifyAccessEntry(research, { root, entry, proof: proofs[i]! }), true)
    assert.equal(await verifyAccessEntry(research, { root, entry: { ...logged[1]!, decision: accessDecisions.ALLOWED }, proof: proofs[1]! }), false)
    assert.equal(await getAccessBatch(research, { root: keccak256('0x01') }), undefined)
    await expectRevert(logAccessBatch(research, { root, count: 6, firstAt: 0, lastAt: 0 }), 'AccessLogBatchAlreadyLogged', [bytesToHex(root)])
  })

  it('refuses non-members and malformed batches', async () => {
    const outsider = await chain.client(freshKey().privateKey)
    const root = keccak256('0x02')
    await expectRevert(logAccessBatch(outsider, { root, count: 1, firstAt: 0, lastAt: 0 }), 'ConsortiumNotMember')
    await expectMedchainError(logAccessBatch(hospital, { root, count: 1, firstAt: 5, lastAt: 4 }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(logAccessBatch(hospital, { root: zeroHash, count: 1, firstAt: 0, lastAt: 0 }), 'SDK_INVALID_ARGUMENT')
  })
})
