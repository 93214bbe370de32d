// The compile toolchain: naming, library constants, error table and compiler error reporting.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { collectArtifacts } from '../scripts/lib/artifacts.ts'
import { collectLibraryConstants } from '../scripts/lib/constants.ts'
import { camelName, collectErrors, renderConstants } from '../scripts/lib/render.ts'
import { compile } from '../scripts/lib/solc.ts'
import { errorsAbi } from '../generated/errors.ts'

const fixture = `// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;
library Bits {
    uint8 internal constant A = 1;
    uint8 internal constant B = 0x04;
    uint8 private constant HIDDEN = 16;
    uint8 internal constant AB = (A | B) + HIDDEN;
    uint256 public constant BIG = 1 << 200;
    bytes32 internal constant NOT_AN_INTEGER = keccak256("x");
}
interface IThing { error ThingFailed(uint256 code, address who); }
contract Thing is IThing {
    error ThingFailed2(Pair[] items);
    function run(uint256 code) external view { if (code != 0) revert ThingFailed(code, msg.sender); }
    function fail2() external pure { revert ThingFailed2(new Pair[](0)); }
    struct Pair { uint8 a; bytes b; }
}
`

describe('compile toolchain', () => {
  it('names modules in camel case', () => {
    const cases = {
      Consortium: 'consortium',
      IdentityRegistry: 'identityRegistry',
      IConsortium: 'iConsortium',
      ECDSA: 'ecdsa',
      EIP712: 'eip712',
      ERC20Token: 'erc20Token',
    }
    for (const [name, expected] of Object.entries(cases)) assert.equal(camelName(name), expected, name)
  })

  it('reads library constants, kinds and a deduplicated error table from the compiler output', () => {
    const compiled = compile({ 'Fixture.sol': fixture })
    assert.deepEqual((compiled.errors ?? []).filter((m) => m.severity === 'error'), [])

    const [bits] = collectLibraryConstants(compiled)
    assert.deepEqual(bits, {
      library: 'Bits',
      values: {
        A: { value: 1n, bits: 8 },
        B: { value: 4n, bits: 8 },
        AB: { value: 21n, bits: 8 },
        BIG: { value: 1n << 200n, bits: 256 },
      },
    })
    const rendered = `export const bits = {\n  A: 1,\n  B: 4,\n  AB: 21,\n  BIG: ${1n << 200n}n,\n} as const\n`
    assert.ok(renderConstants([bits!]).endsWith(rendered))

    const artifacts = collectArtifacts(compiled)
    assert.deepEqual(
      artifacts.map((a) => [a.name, a.kind, a.bytecode !== undefined]),
      [
        ['Bits', 'library', false],
        ['IThing', 'interface', false],
        ['Thing', 'contract', true],
      ],
    )
    // ThingFailed is in both IThing's and Thing's ABI; the table holds it once.
    assert.deepEqual(
      collectErrors(artifacts).map((e) => e.name),
      ['ThingFailed', 'ThingFailed2'],
    )
  })

  it('reports compiler errors instead of throwing', () => {
    const output = compile({ 'Broken.sol': 'pragma solidity ^0.8.24; contract Broken { function f() { } }' })
    const errors = (output.errors ?? []).filter((m) => m.severity === 'error')
    assert.ok(errors.length > 0)
    assert.match(errors[0]!.formattedMessage, /Broken\.sol/)
  })

  it('the committed error table has one entry per signature', () => {
    const signatures = errorsAbi.map((e) => `${e.name}(${e.inputs.map((i) => i.type).join(',')})`)
    assert.equal(new Set(signatures).size, signatures.length)
    assert.ok(signatures.includes('ConsortiumProposalExpired(uint256,uint64)'))
    assert.ok(signatures.includes('ECDSAInvalidSignatureS(bytes32)'))
  })
})
