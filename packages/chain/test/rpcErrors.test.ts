import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { privateKeyToAccount } from 'viem/accounts'
import { createEmbeddedNode, MAX_BODY_BYTES, type RunningNode } from '../src/index.ts'

let running: RunningNode
let url: string

before(async () => {
  running = await createEmbeddedNode({ devAccounts: 2 })
  url = await running.listen({ port: 0 })
})
after(() => running.close())

async function post(body: string | object): Promise<{ status: number; json: any }> {
  const response = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: typeof body === 'string' ? body : JSON.stringify(body) })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : undefined }
}

const call = (method: string, params: unknown[] = [], id: number | string = 1) => post({ jsonrpc: '2.0', id, method, params })

async function headNumber(): Promise<string> {
  return (await call('eth_blockNumber')).json.result
}

describe('JSON-RPC over HTTP refuses bad input with a clear error and changes nothing', () => {
  it('malformed JSON, non-objects, wrong version, unknown and refused methods', async () => {
    const head = await headNumber()
    assert.deepEqual((await post('{"jsonrpc":"2.0",')).json.error, { code: -32700, message: 'parse error: the body is not valid JSON' })
    assert.deepEqual((await post('42')).json.error, { code: -32600, message: 'invalid request: expected an object' })
    assert.deepEqual((await post({ jsonrpc: '1.0', id: 1, method: 'eth_chainId' })).json.error, { code: -32600, message: 'invalid request: "jsonrpc" must be "2.0"' })
    assert.deepEqual((await post([])).json.error, { code: -32600, message: 'invalid request: empty batch' })
    assert.deepEqual((await call('eth_nope')).json.error, { code: -32601, message: 'the method eth_nope does not exist/is not available' })
    assert.deepEqual((await call('__proto__')).json.error, { code: -32601, message: 'the method __proto__ does not exist/is not available' })
    assert.equal((await call('eth_sendTransaction', [{}])).json.error.message, 'eth_sendTransaction is not supported: the node holds no user keys: sign locally and use eth_sendRawTransaction')
    assert.equal((await fetch(url)).status, 405)
    assert.equal(await headNumber(), head)
  })

  it('names the bad parameter', async () => {
    assert.deepEqual((await call('eth_getBalance', ['0x1234'])).json.error, { code: -32602, message: 'invalid params: "address" expected 20 bytes, got 2' })
    assert.deepEqual((await call('eth_getBalance', [])).json.error, { code: -32602, message: 'invalid params: expected 1 to 2 params, got 0' })
    assert.deepEqual((await call('eth_getBlockByNumber', ['0x01'])).json.error, { code: -32602, message: 'invalid params: "block" expected a hex quantity, got "0x01"' })
    assert.deepEqual((await call('eth_getBlockByNumber', [`0x1${'0'.repeat(64)}`])).json.error, { code: -32602, message: 'invalid params: "block" exceeds 256 bits' })
    assert.deepEqual((await call('eth_getLogs', [{ fromBlock: '0x2', toBlock: 'earliest' }])).json.error, { code: -32602, message: 'invalid params: "fromBlock" is after "toBlock"' })
    assert.deepEqual((await call('eth_getLogs', [{ topics: ['0x12'] }])).json.error, { code: -32602, message: 'invalid params: "topics[0][0]" expected 32 bytes, got 1' })
    assert.equal((await call('eth_getBlockByNumber', ['0xffff', false])).json.result, null)
  })

  it('refuses garbage, replayed, wrong-chain and underfunded transactions without sealing anything', async () => {
    const head = await headNumber()
    assert.deepEqual((await call('eth_sendRawTransaction', ['0xdeadbeef'])).json.error.code, -32000)
    assert.match((await call('eth_sendRawTransaction', ['0xdeadbeef'])).json.error.message, /^invalid transaction: /)
    const account = privateKeyToAccount(running.accounts[0]!)
    const wrongChain = await account.signTransaction({ chainId: 1, type: 'eip1559', to: account.address, nonce: 0, gas: 21000n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n })
    assert.match((await call('eth_sendRawTransaction', [wrongChain])).json.error.message, /^invalid transaction: /)
    const poor = privateKeyToAccount(`0x${'11'.repeat(32)}`)
    const unfunded = await poor.signTransaction({ chainId: running.chainId, type: 'eip1559', to: account.address, value: 1n, nonce: 0, gas: 21000n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n })
    assert.deepEqual((await call('eth_sendRawTransaction', [unfunded])).json.error, { code: -32000, message: 'insufficient funds for gas * price + value: have 0 want 1' })
    assert.equal(await headNumber(), head)

    const ok = await account.signTransaction({ chainId: running.chainId, type: 'eip1559', to: account.address, nonce: 0, gas: 21000n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n })
    assert.ok((await call('eth_sendRawTransaction', [ok])).json.result)
    const sealed = await headNumber()
    assert.deepEqual((await call('eth_sendRawTransaction', [ok])).json.error, { code: -32000, message: 'nonce too low: next nonce 1, tx nonce 0' })
    const lowGas = await account.signTransaction({ chainId: running.chainId, type: 'eip1559', to: account.address, nonce: 1, gas: 20000n, maxFeePerGas: 0n, maxPriorityFeePerGas: 0n })
    assert.deepEqual((await call('eth_sendRawTransaction', [lowGas])).json.error, { code: -32000, message: 'intrinsic gas too low: have 20000, want 21000' })
    assert.equal(await headNumber(), sealed)
  })

  it('limits bodies and batches', async () => {
    const big = await fetch(url, { method: 'POST', body: 'x'.repeat(MAX_BODY_BYTES + 1) })
    assert.equal(big.status, 413)
    assert.deepEqual(((await big.json()) as { error: unknown }).error, { code: -32005, message: `request body too large: at most ${MAX_BODY_BYTES} bytes` })
    const batch = await post([
      { jsonrpc: '2.0', id: 'a', method: 'eth_chainId' },
      { jsonrpc: '2.0', method: 'eth_chainId' },
      { jsonrpc: '2.0', id: 'b', method: 'eth_nope' },
    ])
    assert.equal(batch.json.length, 2)
    assert.equal(batch.json[0].result, `0x${running.chainId.toString(16)}`)
    assert.equal(batch.json[1].error.code, -32601)
    const tooMany = await post(Array.from({ length: 1001 }, (_, i) => ({ jsonrpc: '2.0', id: i, method: 'eth_chainId' })))
    assert.deepEqual(tooMany.json.error, { code: -32005, message: 'batch too large: at most 1000 requests' })
  })

  it('refuses time travel unless the node allows it', async () => {
    assert.deepEqual((await call('evm_increaseTime', [60])).json.error, { code: -32602, message: 'time travel is disabled on this node (allowTimeTravel)' })
  })
})
