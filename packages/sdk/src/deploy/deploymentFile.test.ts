import assert from 'node:assert/strict'
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { expectMedchainError } from '../../test/expectMedchainError.ts'
import type { Deployment } from '../types.ts'
import { deploymentFilePath, loadDeployment, readDeploymentFile, saveDeployment } from './deploymentFile.ts'

const deployment: Deployment = {
  chainId: 31337,
  consortium: '0x5FbDB2315678afecb367f032d93F642f64180aa3',
  identityRegistry: '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512',
  recordRegistry: '0x9fE46736679d2D9a65F0992F2272dE9f3c7fa6e0',
  consentRegistry: '0xCf7Ed3AccA5a467e9e704C703E8D87F634fB0Fc9',
  emergencyAccess: '0xDc64a140Aa3E981100a9becA4E685f962f0cF6C9',
  accessLog: '0x5FC8d32690cc91D4c39d9d3abcBD16989F875707',
  drugRegistry: '0x0165878A594ca255338adfa4d48449f69242Eb8F',
  deviceRegistry: '0xa513E6E4b8f2a923D98304ec87F64353C4D5C853',
  studyRegistry: '0x2279B7A0a67DB372996a5FaB50D91eAA73d2eBe6',
  deployedAtBlock: 12n,
  deployer: '0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266',
}

describe('deployment files', () => {
  let dir: string
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'medchain-sdk-deployments-'))
  })
  after(() => rm(dir, { recursive: true, force: true }))

  it('round-trips a deployment through deployments/<chainId>.json and leaves no temp file', async () => {
    const path = await saveDeployment(dir, deployment)
    assert.equal(path, join(dir, 'deployments', '31337.json'))
    assert.equal(path, deploymentFilePath(dir, 31337))
    assert.deepEqual(await loadDeployment(dir, 31337), deployment)
    assert.equal(JSON.parse(await readFile(path, 'utf8')).deployedAtBlock, 12)
    await saveDeployment(dir, { ...deployment, deployedAtBlock: 13n })
    assert.equal((await readDeploymentFile(path)).deployedAtBlock, 13n)
    assert.deepEqual(await readdir(join(dir, 'deployments')), ['31337.json'])
  })

  it('names the missing file', async () => {
    const error = await expectMedchainError(loadDeployment(dir, 5), 'SDK_DEPLOYMENT_NOT_FOUND')
    assert.ok(error.shortMessage.includes(join(dir, 'deployments', '5.json')), error.shortMessage)
  })

  it('refuses malformed files, naming the file and the field', async () => {
    await mkdir(join(dir, 'deployments'), { recursive: true })
    const write = (chainId: number, text: string) => writeFile(join(dir, 'deployments', `${chainId}.json`), text)
    await write(1, '{"chainId": 1, "consortium": ')
    const notJson = await expectMedchainError(loadDeployment(dir, 1), 'SDK_DEPLOYMENT_INVALID')
    assert.match(notJson.shortMessage, /1\.json is not valid JSON/)
    await write(2, JSON.stringify({ ...deployment, chainId: 2, deployedAtBlock: 1, consortium: '0x1234' }))
    const badField = await expectMedchainError(loadDeployment(dir, 2), 'SDK_DEPLOYMENT_INVALID')
    assert.match(badField.shortMessage, /2\.json: "consortium" expected an address/)
    await write(3, JSON.stringify({ ...deployment, deployedAtBlock: 1 }))
    const otherChain = await expectMedchainError(loadDeployment(dir, 3), 'SDK_DEPLOYMENT_INVALID')
    assert.match(otherChain.shortMessage, /is for chain 31337, not 3/)
    await write(4, '[]')
    await expectMedchainError(loadDeployment(dir, 4), 'SDK_DEPLOYMENT_INVALID')
    // A file written before the records, consent, emergency and audit contracts existed.
    const { recordRegistry: _, ...older } = deployment
    await write(6, JSON.stringify({ ...older, chainId: 6, deployedAtBlock: 1 }))
    const outdated = await expectMedchainError(loadDeployment(dir, 6), 'SDK_DEPLOYMENT_INVALID')
    assert.match(outdated.shortMessage, /6\.json: "recordRegistry" expected an address/)
  })

  it('never writes an invalid deployment', async () => {
    await expectMedchainError(saveDeployment(dir, { ...deployment, consortium: 'nope' as never }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(saveDeployment(dir, { ...deployment, deployedAtBlock: 1 as never }), 'SDK_INVALID_ARGUMENT')
    await expectMedchainError(() => deploymentFilePath(dir, -1), 'SDK_INVALID_ARGUMENT')
  })
})
