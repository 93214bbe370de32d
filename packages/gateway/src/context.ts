import type { EciesReceiver } from '@medchain/crypto'
import type { RecordIndex } from '@medchain/index'
import type { Deployment, MedchainClient } from '@medchain/sdk'
import type { BlobBackend, KeyStore } from '@medchain/store'
import type { Address, Hex } from 'viem'
import type { AccessOracle } from './access/decideAccess.ts'
import type { AuditLog } from './audit/auditLog.ts'
import type { Authenticator } from './auth/authenticate.ts'
import type { ChallengeStore } from './auth/challenges.ts'
import type { TokenIssuer } from './auth/tokens.ts'
import type { BatchReader } from './chain/batchRoots.ts'
import type { BlockScopedCache } from './chain/blockScopedCache.ts'
import type { CallerResolver } from './chain/callers.ts'
import type { KeyedLock } from './internal/keyedLock.ts'
import type { PeerClient } from './peers/peerClient.ts'
import type { RecordWriter } from './records/recordWriter.ts'
import type { SenderPool } from './records/senderPool.ts'
import type { PaillierKeyFile } from './research/paillierKey.ts'
import type { SupplyFollower } from './supply/supplyFollower.ts'

/** Everything a route handler uses: one gateway's parts, wired once by createGateway. */
export type GatewayContext = {
  /** The member this gateway serves: its organisation address and encryption key. */
  member: { address: Address; publicKey: Hex }
  /** Public base URL of the FHIR API, for fullUrls and paging links. */
  baseUrl: string
  client: MedchainClient
  deployment: Deployment
  index: RecordIndex
  blobs: BlobBackend
  keys: KeyStore
  receiver: EciesReceiver
  senders: SenderPool
  writer: RecordWriter
  audit: AuditLog
  cache: BlockScopedCache
  callers: CallerResolver
  oracle: AccessOracle
  recordBatches: BatchReader
  auth: Authenticator
  tokens: TokenIssuer
  challenges: ChallengeStore
  peers: PeerClient
  locks: KeyedLock
  /** Follows the drug and device registries into the index (supply routes sync it first). */
  supply: SupplyFollower
  /** Research: the institution's Paillier key, made on its first paillier-mode study. */
  research: { paillierKey: PaillierKeyFile['get'] }
}
