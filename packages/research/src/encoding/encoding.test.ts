import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { ResearchError } from '../errors.ts'
import { decodeFixedPoint, encodeFixedPoint } from './fixedPoint.ts'
import { fieldToLoinc, loincToField } from './loincCode.ts'

const isCode = (code: string) => (e: unknown) => e instanceof ResearchError && e.code === code

describe('indicator encoding', () => {
  it('maps published LOINC codes and checks their check digit', () => {
    // Codes from the LOINC vital signs panel (85353-1) and common labs.
    for (const code of ['8480-6', '8462-4', '8867-4', '8310-5', '9279-1', '29463-7', '8302-2', '39156-5', '2339-0', '4548-4', '85353-1']) {
      assert.equal(fieldToLoinc(loincToField(code)), code)
    }
    assert.equal(loincToField('8480-6'), 84806n)
    assert.throws(() => loincToField('8480-7'), isCode('RESEARCH_UNSUPPORTED_CODE'))
    assert.throws(() => loincToField('LP1234-5'), isCode('RESEARCH_UNSUPPORTED_CODE'))
    assert.throws(() => loincToField('84806'), isCode('RESEARCH_UNSUPPORTED_CODE'))
    assert.throws(() => loincToField('1000000-0'), isCode('RESEARCH_UNSUPPORTED_CODE'))
    assert.ok(loincToField('999999-6') < 2n ** 24n)
  })

  it('encodes fixed point as the protocol says, rounding on the decimal', () => {
    assert.equal(encodeFixedPoint(36.9, 1), 369n)
    assert.equal(encodeFixedPoint(110, 0), 110n)
    assert.equal(encodeFixedPoint(5.0, 1), 50n)
    assert.equal(encodeFixedPoint(1.005, 2), 101n)
    assert.equal(encodeFixedPoint(108.44578722442579, 0), 108n)
    assert.equal(decodeFixedPoint(369n, 1), 36.9)
    assert.throws(() => encodeFixedPoint(-1, 0), isCode('RESEARCH_VALUE_OUT_OF_RANGE'))
    assert.throws(() => encodeFixedPoint(2 ** 24, 0), isCode('RESEARCH_VALUE_OUT_OF_RANGE'))
    assert.throws(() => encodeFixedPoint(Number.NaN, 0), isCode('RESEARCH_VALUE_OUT_OF_RANGE'))
    assert.throws(() => encodeFixedPoint(1, 7), isCode('RESEARCH_INVALID_ARGUMENT'))
  })
})
