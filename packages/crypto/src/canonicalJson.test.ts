import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { expectCryptoError } from '../test/expectCryptoError.ts';
import { canonicalJson } from './canonicalJson.ts';

function fromBits(hex: string): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setBigUint64(0, BigInt(`0x${hex}`));
  return view.getFloat64(0);
}

describe('canonicalJson', () => {
  it('matches the RFC 8785 section 3.2.2 sample', () => {
    const input = JSON.parse(
      '{"numbers": [333333333.33333329, 1E30, 4.50, 2e-3, 0.000000000000000000000000001],' +
        '"string": "\\u20ac$\\u000F\\u000aA\'\\u0042\\u0022\\u005c\\\\\\"\\/",' +
        '"literals": [null, true, false]}',
    );
    assert.equal(
      canonicalJson(input),
      '{"literals":[null,true,false],"numbers":[333333333.3333333,1e+30,4.5,0.002,1e-27],' +
        '"string":"€$\\u000f\\nA\'B\\"\\\\\\\\\\"/"}',
    );
  });

  it('sorts keys by UTF-16 code units (RFC 8785 section 3.2.3)', () => {
    const input = JSON.parse(
      '{"\\u20ac": "Euro Sign", "\\r": "Carriage Return", "\\ufb33": "Hebrew Letter Dalet With Dagesh",' +
        '"1": "One", "\\ud83d\\ude00": "Emoji: Grinning Face", "\\u0080": "Control",' +
        '"\\u00f6": "Latin Small Letter O With Diaeresis"}',
    );
    assert.equal(
      canonicalJson(input),
      '{"\\r":"Carriage Return","1":"One","\u0080":"Control","ö":"Latin Small Letter O With Diaeresis",' +
        '"€":"Euro Sign","😀":"Emoji: Grinning Face","דּ":"Hebrew Letter Dalet With Dagesh"}',
    );
  });

  it('serialises numbers as RFC 8785 appendix B says', () => {
    const vectors: [string, string][] = [
      ['0000000000000000', '0'],
      ['8000000000000000', '0'],
      ['0000000000000001', '5e-324'],
      ['8000000000000001', '-5e-324'],
      ['7fefffffffffffff', '1.7976931348623157e+308'],
      ['ffefffffffffffff', '-1.7976931348623157e+308'],
      ['4340000000000000', '9007199254740992'],
      ['c340000000000000', '-9007199254740992'],
      ['4430000000000000', '295147905179352830000'],
      ['44b52d02c7e14af5', '9.999999999999997e+22'],
      ['44b52d02c7e14af6', '1e+23'],
      ['44b52d02c7e14af7', '1.0000000000000001e+23'],
      ['444b1ae4d6e2ef4e', '999999999999999700000'],
      ['444b1ae4d6e2ef4f', '999999999999999900000'],
      ['444b1ae4d6e2ef50', '1e+21'],
      ['3eb0c6f7a0b5ed8c', '9.999999999999997e-7'],
      ['3eb0c6f7a0b5ed8d', '0.000001'],
      ['41b3de4355555553', '333333333.3333332'],
      ['41b3de4355555554', '333333333.33333325'],
      ['41b3de4355555555', '333333333.3333333'],
      ['41b3de4355555556', '333333333.3333334'],
      ['41b3de4355555557', '333333333.33333343'],
      ['becbf647612f3696', '-0.0000033333333333333333'],
      ['43143ff3c1cb0959', '1424953923781206.2'],
    ];
    for (const [bits, expected] of vectors) assert.equal(canonicalJson(fromBits(bits)), expected, bits);
    assert.equal(canonicalJson([1e21, 1e-7, -0, 0.000001, 123456789012345680000]), '[1e+21,1e-7,0,0.000001,123456789012345680000]');
  });

  it('escapes strings minimally', () => {
    assert.equal(canonicalJson('\b\t\n\f\r"\\/\u0000\u001f\u007f\u2028é'), '"\\b\\t\\n\\f\\r\\"\\\\/\\u0000\\u001f\u007f\u2028é"');
  });

  it('refuses non-JSON values, naming the path', async () => {
    const cases: [unknown, RegExp][] = [
      [{ entry: [0, 1, 2, { resource: Number.NaN }] }, /^"value\.entry\[3\]\.resource" is not JSON: NaN$/],
      [{ a: undefined }, /"value\.a" is not JSON: undefined/],
      [[Number.POSITIVE_INFINITY], /"value\[0\]" is not JSON: Infinity/],
      [{ 'odd key': Number.NEGATIVE_INFINITY }, /"value\["odd key"\]" is not JSON: -Infinity/],
      [{ f: () => 1 }, /"value\.f" is not JSON: function/],
      [{ n: 10n }, /"value\.n" is not JSON: bigint/],
      [{ s: Symbol('x') }, /"value\.s" is not JSON: symbol/],
      [{ d: new Date(0) }, /"value\.d" is not JSON: Date/],
      [{ m: new Map() }, /"value\.m" is not JSON: Map/],
      [[1, , 3], /"value\[1\]" is not JSON: undefined/],
      [{ s: 'a\ud800b' }, /"value\.s" is not JSON: string with a lone surrogate/],
      [{ '\udc00': 1 }, /lone surrogate/],
      [{ [Symbol('k')]: 1 }, /"value" is not JSON: object with symbol keys/],
      [undefined, /^"value" is not JSON: undefined$/],
    ];
    for (const [value, message] of cases) await expectCryptoError(() => canonicalJson(value), 'CRYPTO_INVALID_ARGUMENT', { message });
  });

  it('refuses cycles but accepts shared (acyclic) references', async () => {
    const cyclic: Record<string, unknown> = { a: { b: [] } };
    ((cyclic.a as { b: unknown[] }).b).push(cyclic);
    await expectCryptoError(() => canonicalJson(cyclic), 'CRYPTO_INVALID_ARGUMENT', { message: /"value\.a\.b\[0\]" is not JSON: cycle/ });
    const shared = { x: 1 };
    assert.equal(canonicalJson({ a: shared, b: [shared] }), '{"a":{"x":1},"b":[{"x":1}]}');
  });

  it('enforces the depth limit', async () => {
    const nest = (depth: number): unknown => (depth === 0 ? 1 : [nest(depth - 1)]);
    assert.equal(canonicalJson(nest(64)), `${'['.repeat(64)}1${']'.repeat(64)}`);
    await expectCryptoError(() => canonicalJson(nest(65)), 'CRYPTO_INVALID_ARGUMENT', { message: /maximum depth 64/ });
    await expectCryptoError(() => canonicalJson(nest(3), { maxDepth: 2 }), 'CRYPTO_INVALID_ARGUMENT', { message: /maximum depth 2/ });
    let hostile: unknown = 0;
    for (let i = 0; i < 100_000; i++) hostile = { a: hostile };
    await expectCryptoError(() => canonicalJson(hostile), 'CRYPTO_INVALID_ARGUMENT', { message: /maximum depth/ });
    await expectCryptoError(() => canonicalJson(1, { maxDepth: 0 }), 'CRYPTO_INVALID_ARGUMENT', { message: /"maxDepth"/ });
  });

  it('accepts null-prototype objects', () => {
    const o = Object.create(null) as Record<string, unknown>;
    o.b = 1;
    o.a = null;
    assert.equal(canonicalJson(o), '{"a":null,"b":1}');
  });

  it('is idempotent and agrees with JSON.parse (property)', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const once = canonicalJson(value);
        assert.equal(canonicalJson(JSON.parse(once)), once);
        assert.deepEqual(JSON.parse(once), JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on key order (property)', () => {
    const reverseKeys = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(reverseKeys);
      if (value !== null && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)]));
      }
      return value;
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        assert.equal(canonicalJson(reverseKeys(value)), canonicalJson(value));
      }),
      { numRuns: 300 },
    );
  });
});
