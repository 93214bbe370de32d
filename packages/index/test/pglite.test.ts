import { describe } from 'node:test'
import { openIndex } from '../src/index.ts'
import { indexConformanceSuite } from './conformance.ts'

describe('index on embedded PGlite (in memory)', () => {
  indexConformanceSuite(() => openIndex())
})
