// A throwaway supply chain for gateway tests: an embedded chain, a manufacturer, a distributor,
// a pharmacy and a hospital each with a gateway, and a regulator (SDK client only).
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createEmbeddedNode, type RunningNode } from '@medchain/chain'
import { privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import { createMedchainClient, deployContracts, updateGateway, type Deployment, type MedchainClient, type RoleName } from '@medchain/sdk'
import type { Address, Hex } from 'viem'
import { createGateway, type Gateway } from '../src/index.ts'
import { signedFetch } from './testNetwork.ts'

export type SupplyMember = { name: string; key: Hex; address: Address; client: MedchainClient; gateway?: Gateway; url: string }

export type SupplyNetwork = {
  node: RunningNode
  deployment: Deployment
  manufacturer: SupplyMember
  distributor: SupplyMember
  pharmacy: SupplyMember
  hospital: SupplyMember
  regulator: SupplyMember
  /** A signed JSON request of `member` (or `signer`) to `member`'s gateway. */
  call(member: SupplyMember, method: string, path: string, body?: unknown, signer?: Hex): ReturnType<typeof signedFetch>
  close(): Promise<void>
}

const MEMBERS: [keyof Omit<SupplyNetwork, 'node' | 'deployment' | 'call' | 'close'>, string, RoleName, boolean][] = [
  ['manufacturer', 'Acme Pharma', 'manufacturer', true],
  ['distributor', 'Rhine Logistics', 'distributor', true],
  ['pharmacy', 'Corner Pharmacy', 'pharmacy', true],
  ['hospital', 'St. Mary Hospital', 'hospital', true],
  ['regulator', 'Health Data Authority', 'regulator', false],
]

export async function startSupplyNetwork(): Promise<SupplyNetwork> {
  const dir = await mkdtemp(join(tmpdir(), 'medchain-supply-'))
  const node = await createEmbeddedNode({ fsync: false, allowTimeTravel: true })
  const keys = node.accounts
  const deployer = await createMedchainClient({ provider: node.provider, account: keys[0] })
  const deployment = await deployContracts(deployer, {
    bootstrap: MEMBERS.map(([, name, role], i) => ({ org: privateKeyToAddress(keys[i + 1] as Hex), name, roles: [role], gatewayUrl: '', encryptionPublicKey: privateKeyToPublicKey(keys[i + 1] as Hex) })),
    proposalLifetimeSeconds: 3600,
  })
  const members: Record<string, SupplyMember> = {}
  for (const [i, [field, name, , serves]] of MEMBERS.entries()) {
    const key = keys[i + 1] as Hex
    const client = await createMedchainClient({ provider: node.provider, account: key, deployment })
    const member: SupplyMember = { name, key, address: privateKeyToAddress(key), client, url: '' }
    if (serves) {
      member.gateway = await createGateway({ dataDir: join(dir, field), privateKey: key, deployment, chain: { provider: node.provider }, fsync: false, auditAnchorIntervalMs: 50 })
      member.url = await member.gateway.listen()
      await updateGateway(member.gateway.context.client, { gatewayUrl: member.url })
    }
    members[field] = member
  }
  return {
    node,
    deployment,
    manufacturer: members.manufacturer as SupplyMember,
    distributor: members.distributor as SupplyMember,
    pharmacy: members.pharmacy as SupplyMember,
    hospital: members.hospital as SupplyMember,
    regulator: members.regulator as SupplyMember,
    call: (member, method, path, body, signer) => signedFetch(member.url, signer ?? member.key, method, path, body === undefined ? {} : { body, headers: { 'content-type': 'application/json' } }),
    async close() {
      for (const member of Object.values(members)) await member.gateway?.close()
      await node.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
