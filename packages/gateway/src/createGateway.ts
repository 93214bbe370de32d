import { join } from 'node:path'
import { createEciesReceiver, privateKeyToAddress, privateKeyToPublicKey } from '@medchain/crypto'
import { recordRegistryAbi } from '@medchain/contracts'
import { openIndex } from '@medchain/index'
import { createMedchainClient, type CreateMedchainClientParameters, type Deployment } from '@medchain/sdk'
import { createDiskBlobBackend, openKeyStore } from '@medchain/store'
import type { FastifyInstance } from 'fastify'
import type { Hex } from 'viem'
import { createChainAccessOracle } from './access/chainAccessOracle.ts'
import { createAuditLog } from './audit/auditLog.ts'
import { createAuthenticator } from './auth/authenticate.ts'
import { createChallengeStore } from './auth/challenges.ts'
import { createTokenIssuer } from './auth/tokens.ts'
import { createBatchRootCache } from './chain/batchRoots.ts'
import { createBlockScopedCache } from './chain/blockScopedCache.ts'
import { createCallerResolver } from './chain/callers.ts'
import type { GatewayContext } from './context.ts'
import { buildServer } from './http/buildServer.ts'
import { createKeyedLock } from './internal/keyedLock.ts'
import { createPeerClient } from './peers/peerClient.ts'
import { createRecordWriter } from './records/recordWriter.ts'
import { createSenderPool } from './records/senderPool.ts'
import { createPaillierKeyFile } from './research/paillierKey.ts'
import { createSupplyFollower } from './supply/supplyFollower.ts'

/** The gateway's software version, as the CapabilityStatement and OpenAPI document report it. */
export const GATEWAY_VERSION = '0.1.0'

/** Options of {@link createGateway}. */
export type CreateGatewayOptions = {
  /** Where the store (blobs, keys) and the embedded index live. */
  dataDir: string
  /** The member organisation's key: signs anchors and peer requests, opens its records. */
  privateKey: Hex
  deployment: Deployment
  /** How to reach the chain: an EIP-1193 provider (embedded node) or an RPC URL. */
  chain: Pick<CreateMedchainClientParameters, 'provider' | 'rpcUrl' | 'transport'>
  /** A PostgreSQL URL for the index; default embedded PGlite in `<dataDir>/index`. */
  indexUrl?: string | undefined
  /** The URL clients reach the FHIR API at (default http://host:port once listening). */
  baseUrl?: string | undefined
  /** How often the access log anchors pending entries (default 250 ms). */
  auditAnchorIntervalMs?: number | undefined
  /** fsync the blob store (default true). */
  fsync?: boolean | undefined
  logger?: boolean | undefined
}

/** A running gateway: its HTTP app, parts and lifecycle. */
export type Gateway = {
  app: FastifyInstance
  context: GatewayContext
  /** Starts listening; resolves with the base URL. */
  listen(options?: { host?: string; port?: number }): Promise<string>
  /** Stops accepting requests, anchors pending access entries, closes the stores. */
  close(): Promise<void>
}

/**
 * Assembles one member's gateway: store, key store, index, chain client, access log and record
 * writer, then resumes whatever a crash left pending (record batches, access entries) before it
 * serves anything.
 */
export async function createGateway(options: CreateGatewayOptions): Promise<Gateway> {
  const address = privateKeyToAddress(options.privateKey)
  const publicKey = privateKeyToPublicKey(options.privateKey)
  const client = await createMedchainClient({ ...options.chain, account: options.privateKey, deployment: options.deployment })
  const index = await openIndex({ url: options.indexUrl, dataDir: options.indexUrl === undefined ? join(options.dataDir, 'index') : undefined })
  const blobs = await createDiskBlobBackend({ dir: join(options.dataDir, 'blobs'), fsync: options.fsync })
  const keys = await openKeyStore({ dir: join(options.dataDir, 'keys') })
  const { consortium, identityRegistry, consentRegistry, emergencyAccess } = options.deployment
  const cache = createBlockScopedCache({ publicClient: client.publicClient, watched: [consortium, identityRegistry, consentRegistry, emergencyAccess] })
  const senders = createSenderPool()
  const tokens = createTokenIssuer()
  const paillierKey = createPaillierKeyFile({ path: join(options.dataDir, 'research', 'paillier-key.json') })
  let baseUrl = options.baseUrl ?? 'http://127.0.0.1'
  const context: GatewayContext = {
    member: { address, publicKey },
    get baseUrl() {
      return baseUrl
    },
    client,
    deployment: options.deployment,
    index,
    blobs,
    keys,
    receiver: createEciesReceiver({ privateKey: options.privateKey }),
    senders,
    writer: createRecordWriter({ index, blobs, keys, client, custodian: { address, publicKey }, senders }),
    audit: createAuditLog({ index, client, member: address, anchorIntervalMs: options.auditAnchorIntervalMs }),
    cache,
    callers: createCallerResolver({ publicClient: client.publicClient, deployment: options.deployment, cache }),
    oracle: createChainAccessOracle({ client, cache }),
    recordBatches: createBatchRootCache({ publicClient: client.publicClient, address: options.deployment.recordRegistry, abi: recordRegistryAbi, field: 'custodian' }),
    auth: createAuthenticator({ tokens, audience: address }),
    tokens,
    get challenges() {
      return challenges
    },
    peers: createPeerClient({ privateKey: options.privateKey, member: address, client, cache }),
    locks: createKeyedLock(),
    supply: createSupplyFollower({ index, client, deployment: options.deployment }),
    research: { paillierKey: paillierKey.get },
  }
  let challenges = createChallengeStore({ audience: baseUrl })
  await context.writer.resumePending()
  const app = await buildServer(context, { version: GATEWAY_VERSION, logger: options.logger })
  context.audit.start()
  return {
    app,
    context,
    async listen({ host = '127.0.0.1', port = 0 } = {}) {
      await app.listen({ host, port })
      const bound = app.server.address()
      if (options.baseUrl === undefined && bound !== null && typeof bound === 'object') baseUrl = `http://${host}:${bound.port}`
      challenges = createChallengeStore({ audience: baseUrl })
      return baseUrl
    },
    async close() {
      await app.close()
      await context.audit.stop()
      await Promise.all([blobs.close(), keys.close()])
      await index.close()
    },
  }
}
