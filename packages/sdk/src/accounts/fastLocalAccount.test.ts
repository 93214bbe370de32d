import assert from 'node:assert/strict'
import { it } from 'node:test'
import fc from 'fast-check'
import { parseEther, recoverTransactionAddress, type Hex } from 'viem'
import { privateKeyToAccount } from 'viem/accounts'
import { fastLocalAccount } from './fastLocalAccount.ts'

const keyArbitrary = fc.uint8Array({ minLength: 32, maxLength: 32 }).filter((bytes) => bytes.some((b) => b !== 0) && bytes[0]! < 0xff)
const toHex = (bytes: Uint8Array) => `0x${Buffer.from(bytes).toString('hex')}` as Hex

it('signs transactions byte for byte as viem does, and the sender recovers', async () => {
  await fc.assert(
    fc.asyncProperty(keyArbitrary, fc.nat({ max: 1_000_000 }), fc.uint8Array({ maxLength: 64 }), async (key, nonce, data) => {
      const tx = { chainId: 7169380, type: 'eip1559' as const, to: '0x000000000000000000000000000000000000dEaD' as const, nonce, gas: 50_000n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n, value: parseEther('0.5'), data: toHex(data) }
      const reference = await privateKeyToAccount(toHex(key)).signTransaction(tx)
      const fast = await fastLocalAccount(toHex(key)).signTransaction(tx)
      assert.equal(fast, reference)
      assert.equal(await recoverTransactionAddress({ serializedTransaction: fast as never }), privateKeyToAccount(toHex(key)).address)
    }),
    { numRuns: 25, seed: 42 },
  )
})

it('signs raw hashes as viem does', async () => {
  const key = `0x${'42'.repeat(32)}` as Hex
  const hash = `0x${'ab'.repeat(32)}` as Hex
  assert.equal(await fastLocalAccount(key).sign!({ hash }), await privateKeyToAccount(key).sign!({ hash }))
})
