// `medchain members ...` against a node started in process with startUp, driven through runCli.
import assert from 'node:assert/strict'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { run, TEST_SCRYPT_N } from '../../../test/captureIo.ts'
import { DEFAULT_DEMO_PASSPHRASE } from '../../up/demoConsortium.ts'
import { startUp, type StartUpResult } from '../../up/startUp.ts'

describe('medchain members', () => {
  let root: string
  let up: StartUpResult
  let common: string[]
  const env = { MEDCHAIN_PASSPHRASE: DEFAULT_DEMO_PASSPHRASE }
  before(async () => {
    root = await mkdtemp(join(tmpdir(), 'medchain-cli-members-'))
    up = await startUp({ dataDir: join(root, 'data'), port: 0, scryptN: TEST_SCRYPT_N, gateways: false })
    common = ['--rpc-url', up.rpcUrl, '--data-dir', up.dataDir]
  })
  after(async () => {
    await up?.close()
    await rm(root, { recursive: true, force: true })
  })

  it('lists the six demo members', async () => {
    const { code, stdout, stderr } = await run(['members', 'list', ...common])
    assert.equal(code, 0, stderr)
    assert.match(stdout, /^NAME\s+ROLES\s+ADDRESS\s+GATEWAY$/m)
    for (const member of up.members) assert.match(stdout, new RegExp(`${member.name.replace('.', '\\.')}\\s+\\S+\\s+${member.address}`))
    const json = await run(['members', 'list', '--json', ...common])
    assert.equal((JSON.parse(json.stdout) as unknown[]).length, 6)
  })

  it('admits a new organisation once four of six members voted yes', async () => {
    const created = await run(['keys', 'new', 'acme-labs', '--data-dir', up.dataDir], { MEDCHAIN_PASSPHRASE: 'acme secret' })
    assert.equal(created.code, 0, created.stderr)
    const exported = await run(['keys', 'export-public', 'acme-labs', '--data-dir', up.dataDir], { MEDCHAIN_PASSPHRASE: 'acme secret' })
    const acme = JSON.parse(exported.stdout) as { address: string; publicKey: string }

    const proposed = await run(
      ['members', 'propose-admission', acme.address, '--name', 'Acme Labs', '--roles', 'research,distributor', '--encryption-key', acme.publicKey, '--as', 'st-mary-hospital', ...common],
      env,
    )
    assert.equal(proposed.code, 0, proposed.stderr)
    assert.match(proposed.stdout, /Proposal #1: admit Acme Labs/)
    assert.match(proposed.stdout, /pending, 1 yes, 0 no of 6 \(majority 4\)/)

    for (const [voter, expected] of [
      ['riverside-clinic', /pending, 2 yes/],
      ['northgate-research', /pending, 3 yes/],
      ['health-data-authority', /executed, 4 yes, 0 no of 6/],
    ] as const) {
      const voted = await run(['members', 'vote', '1', 'yes', '--as', voter, ...common], env)
      assert.equal(voted.code, 0, voted.stderr)
      assert.match(voted.stdout, expected)
    }

    const shown = await run(['members', 'show', acme.address, ...common])
    assert.equal(shown.code, 0, shown.stderr)
    assert.match(shown.stdout, /^Acme Labs$/m)
    assert.match(shown.stdout, /roles\s+research,distributor/)
    assert.match(shown.stdout, /status\s+active/)
    const proposals = await run(['members', 'proposals', '--status', 'executed', ...common])
    assert.match(proposals.stdout, /#1\s+executed\s+0x[0-9a-fA-F]{40}\s+admit Acme Labs \(research,distributor\)\s+4\/0\/6/)
  })

  it('prints a decoded revert as error [SDK_CONTRACT_REVERTED] and exits 1', async () => {
    const target = up.members.find((member) => member.name === 'Corner Pharmacy')!.address
    const proposed = await run(['members', 'propose-removal', target, '--as', 'helix-pharma', ...common], env)
    assert.equal(proposed.code, 0, proposed.stderr)
    const again = await run(['members', 'vote', '2', 'no', '--as', 'helix-pharma', ...common], env)
    assert.equal(again.code, 1)
    assert.equal(again.stdout, '')
    const helix = up.members.find((member) => member.name === 'Helix Pharma')!.address
    assert.equal(again.stderr, `error [SDK_CONTRACT_REVERTED]: Consortium.vote reverted: ConsortiumAlreadyVoted(proposalId: 2, voter: ${helix})\n`)
  })

  it('reports missing passphrases, wrong passphrases, unknown members and usage errors with their codes', async () => {
    const target = up.members[0]!.address
    const noPass = await run(['members', 'vote', '2', 'yes', '--as', 'riverside-clinic', ...common])
    assert.equal(noPass.code, 1)
    assert.match(noPass.stderr, /^error \[CLI_PASSPHRASE_REQUIRED\]: /)
    const wrong = await run(['members', 'vote', '2', 'yes', '--as', 'riverside-clinic', ...common], { MEDCHAIN_PASSPHRASE: 'guess' })
    assert.match(wrong.stderr, /^error \[SDK_KEYSTORE_WRONG_PASSPHRASE\]: /)
    const unknown = await run(['members', 'show', '0x000000000000000000000000000000000000dEaD', ...common])
    assert.equal(unknown.code, 1)
    assert.match(unknown.stderr, /^error \[CLI_NOT_FOUND\]: /)

    const badChoice = await run(['members', 'vote', '2', 'maybe', '--as', 'riverside-clinic', ...common], env)
    assert.equal(badChoice.code, 2)
    assert.match(badChoice.stderr, /^error \[CLI_USAGE\]: <choice> expected yes or no/)
    const noAs = await run(['members', 'vote', '2', 'yes', ...common])
    assert.equal(noAs.code, 2)
    assert.match(noAs.stderr, /error \[CLI_USAGE\]: required option '--as <keystore>'/)
    const badRoles = await run(['members', 'propose-admission', target, '--name', 'X', '--roles', 'surgeon', '--encryption-key', '0x02', '--as', 'a', ...common])
    assert.equal(badRoles.code, 2)
    const badAddress = await run(['members', 'show', 'nobody', ...common])
    assert.equal(badAddress.code, 2)
  })

  it('reports an unreachable node and a missing deployment', async () => {
    const unreachable = await run(['members', 'list', '--rpc-url', 'http://127.0.0.1:1', '--data-dir', up.dataDir])
    assert.equal(unreachable.code, 1)
    assert.match(unreachable.stderr, /^error \[SDK_RPC_UNREACHABLE\]: Cannot reach the JSON-RPC endpoint http:\/\/127\.0\.0\.1:1/)
    const noDeployment = await run(['members', 'list', '--rpc-url', up.rpcUrl, '--data-dir', join(root, 'empty')])
    assert.equal(noDeployment.code, 1)
    assert.match(noDeployment.stderr, /^error \[SDK_DEPLOYMENT_NOT_FOUND\]: No deployment file .*empty\/deployments\/\d+\.json/)
    const explicit = await run(['members', 'list', '--rpc-url', up.rpcUrl, '--data-dir', join(root, 'empty'), '--deployment', join(up.dataDir, 'deployments', `${up.chainId}.json`)])
    assert.equal(explicit.code, 0, explicit.stderr)
  })
})
