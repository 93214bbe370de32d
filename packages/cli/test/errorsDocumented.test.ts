import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { it } from 'node:test'
import { errorsAbi } from '@medchain/contracts'
import { CryptoErrorCodes } from '@medchain/crypto'
import { MedchainErrorCodes } from '@medchain/sdk'
import { FhirErrorCodes } from '@medchain/fhir'
import { GatewayErrorCodes } from '@medchain/gateway'
import { IndexErrorCodes } from '@medchain/index'
import { PaillierErrorCodes } from '@medchain/paillier'
import { ResearchErrorCodes } from '@medchain/research'
import { ZkErrorCodes } from '@medchain/zk'
import { StoreErrorCodes } from '@medchain/store'
import { CliErrorCodes } from '../src/index.ts'

it('docs/errors.md lists every error code and every contract custom error', async () => {
  const doc = await readFile(new URL('../../../docs/errors.md', import.meta.url), 'utf8')
  const codes = [...Object.keys(CryptoErrorCodes), ...Object.keys(MedchainErrorCodes), ...Object.keys(CliErrorCodes), ...Object.keys(StoreErrorCodes), ...Object.keys(IndexErrorCodes), ...Object.keys(FhirErrorCodes), ...Object.keys(GatewayErrorCodes), ...Object.keys(PaillierErrorCodes), ...Object.keys(ZkErrorCodes), ...Object.keys(ResearchErrorCodes)]
  const signatures = errorsAbi.map((error) => `${error.name}(${error.inputs.map((input) => `${input.type} ${input.name}`).join(', ')})`)
  const missing = [...codes, ...signatures].filter((entry) => !doc.includes(`\`${entry}\``))
  assert.deepEqual(missing, [])
})
