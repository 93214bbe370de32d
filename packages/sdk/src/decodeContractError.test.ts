import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { CryptoError } from '@medchain/crypto'
import { BaseError, parseAbi } from 'viem'
import { freshKey, startLocalChain, type LocalChain } from '../test/localChain.ts'
import { decodeContractError, formatRevert } from './decodeContractError.ts'
import { MedchainError } from './errors.ts'

describe('decodeContractError', () => {
  let chain: LocalChain
  before(async () => {
    chain = await startLocalChain()
  })
  after(() => chain?.close())

  it('decodes a medchain revert even when the call used an ABI without that error', async () => {
    const client = await chain.client(chain.keys[1])
    // An ABI that declares the function but none of its errors: viem alone cannot name the revert.
    const bareAbi = parseAbi(['function getProposal(uint256 proposalId) view returns (uint8)'])
    const error = await client.publicClient
      .readContract({ address: chain.deployment.consortium, abi: bareAbi, functionName: 'getProposal', args: [42n] })
      .then(() => assert.fail('expected a revert'), (e: unknown) => e)
    const decoded = decodeContractError(error, { context: 'Consortium.getProposal' })
    assert.equal(decoded.code, 'SDK_CONTRACT_REVERTED')
    assert.deepEqual(decoded.revert?.errorName, 'ConsortiumUnknownProposal')
    assert.deepEqual(decoded.revert?.args, [42n])
    assert.equal(decoded.shortMessage, 'Consortium.getProposal reverted: ConsortiumUnknownProposal(proposalId: 42)')
    assert.equal(decoded.cause, error)
  })

  it('decodes a simulated write through the IdentityRegistry (a Consortium error raised there)', async () => {
    const client = await chain.client(chain.keys[2])
    const patient = freshKey()
    const bareAbi = parseAbi(['function registerPatient(address pseudonym, bytes key)'])
    const error = await client.publicClient
      .simulateContract({
        account: client.account!,
        address: chain.deployment.identityRegistry,
        abi: bareAbi,
        functionName: 'registerPatient',
        args: [patient.address, patient.publicKey],
      })
      .then(() => assert.fail('expected a revert'), (e: unknown) => e)
    const decoded = decodeContractError(error)
    assert.equal(decoded.revert?.errorName, 'ConsortiumMissingRole')
    assert.match(decoded.shortMessage, /^Contract call reverted: ConsortiumMissingRole\(account: 0x[0-9a-fA-F]{40}, role: 1\)$/)
  })

  it('formats unknown selectors, empty reverts, Error(string) and enums readably', () => {
    assert.equal(formatRevert({ errorName: undefined, args: [], data: '0x' }), 'execution reverted without a reason')
    assert.equal(formatRevert({ errorName: undefined, args: [], data: '0xdeadbeef00' }), 'unknown custom error 0xdeadbeef')
    assert.equal(formatRevert({ errorName: 'Error', args: ['nope'], data: '0x08c379a0' }), 'Error(reason: "nope")')
    assert.equal(
      formatRevert({ errorName: 'ConsortiumProposalClosed', args: [3n, 3], data: '0x' }),
      'ConsortiumProposalClosed(proposalId: 3, status: 3 (Rejected))',
    )
  })

  it('wraps what is not a revert with a clear code and keeps MedchainErrors as they are', () => {
    const own = new MedchainError('x', { code: 'SDK_NO_ACCOUNT' })
    assert.equal(decodeContractError(own), own)
    const crypto = decodeContractError(new CryptoError('bad key', { code: 'CRYPTO_INVALID_PRIVATE_KEY' }))
    assert.equal(crypto.code, 'SDK_UNKNOWN_ERROR')
    assert.ok(crypto.cause instanceof CryptoError)
    assert.equal(decodeContractError(new BaseError('nonce too low')).code, 'SDK_RPC_ERROR')
  })
})
