// The local demo consortium `medchain up` creates on first start: six organisations, one of each
// kind of member, with keys kept in encrypted keystores under <data-dir>/keys.
import { generatePrivateKey, privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import {
  createMedchainClient,
  deployContracts,
  listKeystores,
  loadKeystore,
  saveKeystore,
  type CreateMedchainClientParameters,
  type Deployment,
  type RoleName,
} from '@medchain/sdk'
import { parseEther, type Hex } from 'viem'

/** Public by design, so that anyone can drive the demo: never protect real keys with it. */
export const DEFAULT_DEMO_PASSPHRASE = 'medchain-demo'

/** Long enough for a demo to vote at leisure. */
export const DEMO_PROPOSAL_LIFETIME_SECONDS = 7 * 24 * 3600

/** Each organisation's starting balance. Gas is free on the embedded chain; this is for realism and transfers. */
const DEMO_FUNDING = parseEther('1000')

export type DemoOrganisation = { keystore: string; name: string; roles: readonly RoleName[] }

export const DEMO_ORGANISATIONS: readonly DemoOrganisation[] = [
  { keystore: 'st-mary-hospital', name: 'St. Mary Hospital', roles: ['hospital'] },
  { keystore: 'riverside-clinic', name: 'Riverside Clinic', roles: ['hospital'] },
  { keystore: 'northgate-research', name: 'Northgate Research Institute', roles: ['research'] },
  { keystore: 'health-data-authority', name: 'Health Data Authority', roles: ['regulator'] },
  { keystore: 'helix-pharma', name: 'Helix Pharma', roles: ['manufacturer'] },
  { keystore: 'corner-pharmacy', name: 'Corner Pharmacy', roles: ['pharmacy'] },
]

/** Setup steps of {@link createDemoConsortium}, for progress totals. */
export const DEMO_SETUP_STEPS = DEMO_ORGANISATIONS.length + 2

export type CreateDemoConsortiumOptions = {
  provider: NonNullable<CreateMedchainClientParameters['provider']>
  /** Pays for the funding and the deployment: a development account of the embedded node. */
  adminKey: Hex
  keysDir: string
  passphrase: string
  scryptN?: number | undefined
  /** Gateway URL placeholders are http://127.0.0.1:<gatewayPortBase + 1..6>. */
  gatewayPortBase: number
  step: (label: string) => void
}

/**
 * Creates (or, after an interrupted first start, reuses) each organisation's keystore, funds the
 * organisations from the admin (a development account) and deploys the contracts with them as
 * bootstrap members.
 */
export async function createDemoConsortium(options: CreateDemoConsortiumOptions): Promise<Deployment> {
  const { provider, adminKey, keysDir, passphrase, scryptN, gatewayPortBase, step } = options
  const existing = new Set((await listKeystores(keysDir)).map((entry) => entry.name))
  const keys: Hex[] = []
  for (const organisation of DEMO_ORGANISATIONS) {
    step(`key for ${organisation.name}`)
    keys.push(await demoKey(keysDir, organisation.keystore, existing.has(organisation.keystore), passphrase, scryptN))
  }

  step('funding the organisations')
  const admin = await createMedchainClient({ provider, account: adminKey })
  const { walletClient, publicClient } = admin
  const addresses = keys.map(privateKeyToAddress)
  await Promise.all(
    addresses.map(async (address) => {
      if ((await publicClient.getBalance({ address })) >= DEMO_FUNDING) return
      // The client was created with an account just above, so it has a wallet.
      const hash = await walletClient!.sendTransaction({ to: address, value: DEMO_FUNDING })
      await publicClient.waitForTransactionReceipt({ hash })
    }),
  )

  step('deploying the contracts')
  return deployContracts(admin, {
    bootstrap: DEMO_ORGANISATIONS.map((organisation, i) => ({
      org: addresses[i]!,
      name: organisation.name,
      roles: organisation.roles,
      gatewayUrl: `http://127.0.0.1:${gatewayPortBase + i + 1}`,
      encryptionPublicKey: privateKeyToPublicKey(keys[i]!),
    })),
    proposalLifetimeSeconds: DEMO_PROPOSAL_LIFETIME_SECONDS,
  })
}

/** The organisation's key: from its keystore if an interrupted first start saved it, else new. */
async function demoKey(keysDir: string, name: string, exists: boolean, passphrase: string, scryptN: number | undefined): Promise<Hex> {
  if (exists) return (await loadKeystore(keysDir, { name, passphrase })).privateKey
  const privateKey = generatePrivateKey()
  await saveKeystore(keysDir, { name, privateKey, passphrase, scryptN })
  return privateKey
}
