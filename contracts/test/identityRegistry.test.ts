// IdentityRegistry: who may register patient pseudonyms, and key rotation direct and by signature.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import {
  concat,
  hashDomain,
  keccak256,
  numberToHex,
  parseEventLogs,
  parseSignature,
  recoverTypedDataAddress,
  serializeSignature,
  toHex,
  zeroAddress,
  type Address,
  type Hex,
} from 'viem'
import { identityRegistryAbi, identityRegistryBytecode, individualKinds, roles } from '../generated/index.ts'
import { deployConsortium, type ConsortiumContract } from './helpers/consortium.ts'
import { invalidKeys, randomCompressedKey } from './helpers/keys.ts'
import { expectRevert } from './helpers/reverts.ts'
import { startTestChain, type TestChain, type TestContract, type TestWallet } from './helpers/testChain.ts'

type Registry = TestContract<typeof identityRegistryAbi>

const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n
const rotateKeyTypes = {
  RotateKey: [
    { name: 'pseudonym', type: 'address' },
    { name: 'newKeyHash', type: 'bytes32' },
    { name: 'nonce', type: 'uint256' },
    { name: 'deadline', type: 'uint256' },
  ],
} as const

describe('IdentityRegistry', () => {
  let chain: TestChain
  let hospital: TestWallet
  let research: TestWallet
  let outsider: TestWallet
  let relayer: TestWallet
  let consortium: ConsortiumContract
  before(async () => {
    chain = await startTestChain()
    ;[hospital, research, outsider, relayer] = [0, 1, 2, 3].map((i) => chain.wallet(i)) as [
      TestWallet,
      TestWallet,
      TestWallet,
      TestWallet,
    ]
    consortium = await deployConsortium(chain, [
      [hospital, roles.HOSPITAL],
      [research, roles.RESEARCH],
    ])
  })
  after(() => chain?.close())

  const deployRegistry = (): Promise<Registry> =>
    chain.deploy({ abi: identityRegistryAbi, bytecode: identityRegistryBytecode, args: [consortium.address] })

  /** A registry with one patient registered by the hospital; the pseudonym holds no ether. */
  async function withPatient() {
    const registry = await deployRegistry()
    const patient = chain.unfundedWallet()
    const key = randomCompressedKey()
    await chain.mined(registry.write.registerPatient([patient.account.address, key]))
    return { registry, patient, pseudonym: patient.account.address, key }
  }

  async function signRotation(registry: Registry, signer: TestWallet, pseudonym: Address, newKey: Hex, deadline: bigint, nonce?: bigint) {
    const message = {
      pseudonym,
      newKeyHash: keccak256(newKey),
      nonce: nonce ?? (await registry.read.nonces([pseudonym])),
      deadline,
    }
    const domain = {
      name: 'medchain IdentityRegistry',
      version: '1',
      chainId: chain.publicClient.chain.id,
      verifyingContract: registry.address,
    } as const
    const signature = await signer.signTypedData({ domain, types: rotateKeyTypes, primaryType: 'RotateKey', message })
    return { signature, domain, message }
  }

  const inAnHour = async () => (await chain.now()) + 3600n

  describe('registration', () => {
    it('a hospital registers a pseudonym with its key, and nothing else', async () => {
      const registry = await deployRegistry()
      const pseudonym = chain.unfundedWallet().account.address
      const key = randomCompressedKey()
      const receipt = await chain.mined(registry.write.registerPatient([pseudonym, key]))
      const block = await chain.publicClient.getBlock({ blockNumber: receipt.blockNumber })
      const [event] = parseEventLogs({ abi: identityRegistryAbi, logs: receipt.logs, eventName: 'PatientRegistered' })
      assert.deepEqual(event?.args, { pseudonym, registrar: hospital.account.address, encryptionPublicKey: key })
      assert.deepEqual(await registry.read.getPatient([pseudonym]), {
        encryptionPublicKey: key,
        registrar: hospital.account.address,
        registeredAt: block.timestamp,
        keyVersion: 1,
      })
      assert.equal(await registry.read.isPatient([pseudonym]), true)
      assert.equal(await registry.read.nonces([pseudonym]), 0n)
      assert.equal(await registry.read.consortium(), consortium.address)
    })

    it('registers several pseudonyms of one patient independently', async () => {
      const registry = await deployRegistry()
      const pseudonyms = [chain.unfundedWallet(), chain.unfundedWallet()].map((w) => w.account.address)
      for (const pseudonym of pseudonyms) await chain.mined(registry.write.registerPatient([pseudonym, randomCompressedKey()]))
      for (const pseudonym of pseudonyms) assert.equal(await registry.read.isPatient([pseudonym]), true)
    })

    it('refuses a member without the hospital role, and non-members', async () => {
      const registry = await deployRegistry()
      const pseudonym = chain.unfundedWallet().account.address
      await expectRevert(
        chain.connect(registry, research).write.registerPatient([pseudonym, randomCompressedKey()]),
        'ConsortiumMissingRole',
        [research.account.address, roles.HOSPITAL],
      )
      await expectRevert(
        chain.connect(registry, outsider).write.registerPatient([pseudonym, randomCompressedKey()]),
        'ConsortiumNotMember',
        [outsider.account.address],
      )
      assert.equal(await registry.read.isPatient([pseudonym]), false)
    })

    it('a clinician registers for its hospital; other individuals may not', async () => {
      const registry = await deployRegistry()
      const [clinician, technician, researcher] = [chain.wallet(4), chain.wallet(5), chain.wallet(6)]
      await chain.mined(consortium.write.registerIndividual([clinician.account.address, individualKinds.CLINICIAN]))
      await chain.mined(consortium.write.registerIndividual([technician.account.address, individualKinds.TECHNICIAN]))
      await chain.mined(
        chain.connect(consortium, research).write.registerIndividual([researcher.account.address, individualKinds.RESEARCHER]),
      )

      const pseudonym = chain.unfundedWallet().account.address
      await chain.mined(chain.connect(registry, clinician).write.registerPatient([pseudonym, randomCompressedKey()]))
      assert.equal((await registry.read.getPatient([pseudonym])).registrar, hospital.account.address)

      for (const individual of [technician, researcher]) {
        await expectRevert(
          chain.connect(registry, individual).write.registerPatient([chain.unfundedWallet().account.address, randomCompressedKey()]),
          'ConsortiumNotIndividual',
          [individual.account.address, individualKinds.CLINICIAN],
        )
      }

      await chain.mined(consortium.write.revokeIndividual([clinician.account.address]))
      await expectRevert(
        chain.connect(registry, clinician).write.registerPatient([chain.unfundedWallet().account.address, randomCompressedKey()]),
        'ConsortiumNotMember',
        [clinician.account.address],
      )
    })

    it('refuses the zero address, a registered pseudonym and invalid keys', async () => {
      const { registry, pseudonym } = await withPatient()
      await expectRevert(registry.write.registerPatient([zeroAddress, randomCompressedKey()]), 'IdentityInvalidPseudonym', [
        zeroAddress,
      ])
      await expectRevert(registry.write.registerPatient([pseudonym, randomCompressedKey()]), 'IdentityAlreadyRegistered', [
        pseudonym,
      ])
      for (const key of Object.values(invalidKeys())) {
        const fresh = chain.unfundedWallet().account.address
        await expectRevert(registry.write.registerPatient([fresh, key]), 'IdentityInvalidKey', [key])
      }
    })

    it('refuses a zero consortium address at deployment', async () => {
      await expectRevert(
        chain.deploy({ abi: identityRegistryAbi, bytecode: identityRegistryBytecode, args: [zeroAddress] }),
        'ConsortiumInvalidAccount',
        [zeroAddress],
      )
    })
  })

  describe('direct key rotation', () => {
    it('the pseudonym replaces its key, bumping the version and the nonce', async () => {
      const registry = await deployRegistry()
      const patient = await chain.newWallet('1')
      const pseudonym = patient.account.address
      await chain.mined(registry.write.registerPatient([pseudonym, randomCompressedKey()]))
      const newKey = randomCompressedKey()
      const receipt = await chain.mined(chain.connect(registry, patient).write.rotatePatientKey([newKey]))
      const [event] = parseEventLogs({ abi: identityRegistryAbi, logs: receipt.logs, eventName: 'PatientKeyRotated' })
      assert.deepEqual(event?.args, { pseudonym, keyVersion: 2, encryptionPublicKey: newKey })
      const stored = await registry.read.getPatient([pseudonym])
      assert.equal(stored.encryptionPublicKey, newKey)
      assert.equal(stored.keyVersion, 2)
      assert.equal(await registry.read.nonces([pseudonym]), 1n)
    })

    it('refuses an unknown pseudonym and an invalid key', async () => {
      const registry = await deployRegistry()
      const patient = await chain.newWallet('1')
      const rotate = (key: Hex) => chain.connect(registry, patient).write.rotatePatientKey([key])
      await expectRevert(rotate(randomCompressedKey()), 'IdentityUnknownPatient', [patient.account.address])
      await chain.mined(registry.write.registerPatient([patient.account.address, randomCompressedKey()]))
      for (const key of Object.values(invalidKeys())) await expectRevert(rotate(key), 'IdentityInvalidKey', [key])
    })
  })

  describe('key rotation by signature', () => {
    it('a relayer submits the patient’s signed rotation', async () => {
      const { registry, patient, pseudonym } = await withPatient()
      const newKey = randomCompressedKey()
      const deadline = await inAnHour()
      const { signature, domain } = await signRotation(registry, patient, pseudonym, newKey, deadline)
      const expectedSeparator = hashDomain({
        domain: { ...domain, chainId: BigInt(domain.chainId) },
        types: { EIP712Domain: eip712DomainType },
      })
      assert.equal(await registry.read.domainSeparator(), expectedSeparator)

      const receipt = await chain.mined(
        chain.connect(registry, relayer).write.rotatePatientKeyBySig([pseudonym, newKey, deadline, signature]),
      )
      const [event] = parseEventLogs({ abi: identityRegistryAbi, logs: receipt.logs, eventName: 'PatientKeyRotated' })
      assert.deepEqual(event?.args, { pseudonym, keyVersion: 2, encryptionPublicKey: newKey })
      assert.equal((await registry.read.getPatient([pseudonym])).encryptionPublicKey, newKey)
      assert.equal(await registry.read.nonces([pseudonym]), 1n)
      assert.equal(await chain.publicClient.getBalance({ address: pseudonym }), 0n)
    })

    it('refuses a replayed signature', async () => {
      const { registry, patient, pseudonym } = await withPatient()
      const newKey = randomCompressedKey()
      const deadline = await inAnHour()
      const { signature, domain, message } = await signRotation(registry, patient, pseudonym, newKey, deadline)
      await chain.mined(registry.write.rotatePatientKeyBySig([pseudonym, newKey, deadline, signature]))
      // Against nonce 1 the same signature recovers some unrelated address.
      const recovered = await recoverTypedDataAddress({
        domain,
        types: rotateKeyTypes,
        primaryType: 'RotateKey',
        message: { ...message, nonce: 1n },
        signature,
      })
      await expectRevert(
        registry.write.rotatePatientKeyBySig([pseudonym, newKey, deadline, signature]),
        'IdentityInvalidSigner',
        [recovered, pseudonym],
      )
    })

    it('refuses a signature whose rotation a direct rotation overtook', async () => {
      const registry = await deployRegistry()
      const patient = await chain.newWallet('1')
      const pseudonym = patient.account.address
      await chain.mined(registry.write.registerPatient([pseudonym, randomCompressedKey()]))
      const newKey = randomCompressedKey()
      const deadline = await inAnHour()
      const { signature } = await signRotation(registry, patient, pseudonym, newKey, deadline)
      await chain.mined(chain.connect(registry, patient).write.rotatePatientKey([randomCompressedKey()]))
      await expectRevert(registry.write.rotatePatientKeyBySig([pseudonym, newKey, deadline, signature]), 'IdentityInvalidSigner')
    })

    it('refuses an expired deadline', async () => {
      const { registry, patient, pseudonym } = await withPatient()
      const newKey = randomCompressedKey()
      const deadline = (await chain.now()) - 1n
      const { signature } = await signRotation(registry, patient, pseudonym, newKey, deadline)
      await expectRevert(
        registry.write.rotatePatientKeyBySig([pseudonym, newKey, deadline, signature]),
        'IdentitySignatureExpired',
        [deadline],
      )
    })

    it('refuses a signature by another key, or for another key', async () => {
      const { registry, patient, pseudonym } = await withPatient()
      const intruder = chain.unfundedWallet()
      const newKey = randomCompressedKey()
      const deadline = await inAnHour()
      const forged = await signRotation(registry, intruder, pseudonym, newKey, deadline)
      await expectRevert(
        registry.write.rotatePatientKeyBySig([pseudonym, newKey, deadline, forged.signature]),
        'IdentityInvalidSigner',
        [intruder.account.address, pseudonym],
      )
      const genuine = await signRotation(registry, patient, pseudonym, newKey, deadline)
      const otherKey = randomCompressedKey()
      const recovered = await recoverTypedDataAddress({
        domain: genuine.domain,
        types: rotateKeyTypes,
        primaryType: 'RotateKey',
        message: { ...genuine.message, newKeyHash: keccak256(otherKey) },
        signature: genuine.signature,
      })
      await expectRevert(
        registry.write.rotatePatientKeyBySig([pseudonym, otherKey, deadline, genuine.signature]),
        'IdentityInvalidSigner',
        [recovered, pseudonym],
      )
      assert.equal(await registry.read.nonces([pseudonym]), 0n)
    })

    it('refuses an unregistered pseudonym', async () => {
      const registry = await deployRegistry()
      const stranger = chain.unfundedWallet()
      const newKey = randomCompressedKey()
      const deadline = await inAnHour()
      const { signature } = await signRotation(registry, stranger, stranger.account.address, newKey, deadline)
      await expectRevert(
        registry.write.rotatePatientKeyBySig([stranger.account.address, newKey, deadline, signature]),
        'IdentityUnknownPatient',
        [stranger.account.address],
      )
    })

    it('refuses malformed and malleable signatures', async () => {
      const { registry, patient, pseudonym } = await withPatient()
      const newKey = randomCompressedKey()
      const deadline = await inAnHour()
      const { signature } = await signRotation(registry, patient, pseudonym, newKey, deadline)
      const rotate = (sig: Hex) => registry.write.rotatePatientKeyBySig([pseudonym, newKey, deadline, sig])
      const { r, s, yParity } = parseSignature(signature)

      await expectRevert(rotate(signature.slice(0, 130) as Hex), 'ECDSAInvalidSignatureLength', [64n])
      await expectRevert(rotate(concat([signature, '0x00'])), 'ECDSAInvalidSignatureLength', [66n])
      const highS = toHex(SECP256K1_N - BigInt(s), { size: 32 })
      await expectRevert(
        rotate(serializeSignature({ r, s: highS, yParity: yParity === 0 ? 1 : 0 })),
        'ECDSAInvalidSignatureS',
        [highS],
      )
      await expectRevert(rotate(concat([r, s, numberToHex(29, { size: 1 })])), 'ECDSAInvalidSignatureV', [29])
      await expectRevert(rotate(concat([r, s, '0x00'])), 'ECDSAInvalidSignatureV', [0])
      const zero = toHex(0n, { size: 32 })
      await expectRevert(rotate(concat([zero, toHex(1n, { size: 32 }), '0x1b'])), 'ECDSAInvalidSignature')
      assert.equal(await registry.read.nonces([pseudonym]), 0n)
    })
  })
})

const eip712DomainType = [
  { name: 'name', type: 'string' },
  { name: 'version', type: 'string' },
  { name: 'chainId', type: 'uint256' },
  { name: 'verifyingContract', type: 'address' },
] as const
