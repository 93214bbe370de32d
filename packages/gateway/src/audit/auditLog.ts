import { randomBytes } from 'node:crypto'
import { bytesToHex, createMerkleBatch } from '@medchain/crypto'
import type { AuditEntry, RecordIndex } from '@medchain/index'
import { encodeAccessEntry, getAccessBatch, logAccessBatch, type MedchainClient } from '@medchain/sdk'
import { zeroAddress, zeroHash, type Address, type Hex } from 'viem'
import { createGroupCommit } from '../internal/groupCommit.ts'
import { ANCHOR_GAS } from '../records/recordWriter.ts'

/** One access to log, as the gateway decided it. */
export type AuditInput = {
  accessor: Address
  patient: Address | undefined
  recordId?: Hex | undefined
  recordKey?: string | undefined
  action: number
  purpose: number
  authorization: Hex
  decision: number
  /** Local only, never anchored: a short reason, the request id. Never health data. */
  detail?: Record<string, unknown> | undefined
}

/** Options of {@link createAuditLog}. */
export type CreateAuditLogOptions = {
  index: RecordIndex
  /** Signs AccessLog.logBatch with the member's key. */
  client: MedchainClient
  member: Address
  /** How often pending entries are anchored (default 250 ms). */
  anchorIntervalMs?: number | undefined
  /** Entries per on-chain root at most (default 4,096). */
  maxBatch?: number | undefined
  /** Reports a failed anchoring round (the entries stay pending and are retried). */
  onError?: (error: unknown) => void
}

/**
 * The gateway's access log. `record` makes entries durable in the index before the caller answers
 * (group-committed, so concurrent requests share one write); a background loop anchors pending
 * entries on chain as Merkle roots (AccessLog.logBatch) and stores each entry's inclusion proof.
 * Entries survive a crash as pending rows and are anchored after restart; a root anchored just
 * before a crash is recognised on chain and not sent twice.
 */
export function createAuditLog({ index, client, member, anchorIntervalMs = 250, maxBatch = 4096, onError = () => {} }: CreateAuditLogOptions) {
  const commit = createGroupCommit<AuditInput, AuditEntry>({
    maxItems: 8192,
    flush: async (inputs) => {
      const at = new Date().toISOString()
      const rows = inputs.map((input) => ({
        entryId: bytesToHex(randomBytes(32)),
        accessor: input.accessor,
        member,
        patient: input.patient ?? zeroAddress,
        recordId: input.recordId ?? zeroHash,
        recordKey: input.recordKey ?? null,
        action: input.action,
        purpose: input.purpose,
        authorization: input.authorization,
        decision: input.decision,
        at,
        detail: input.detail ?? null,
      }))
      await index.appendAuditEntries(rows)
      return rows.map((row) => ({ ...row, batchRoot: null, leafIndex: null, proof: null, anchoredBlock: null }))
    },
  })

  let anchoring: Promise<number> | undefined
  const anchorOnce = async (): Promise<number> => {
    const entries = await index.listUnanchoredAuditEntries({ limit: maxBatch })
    if (entries.length === 0) return 0
    const batch = createMerkleBatch()
    const seconds = entries.map((entry) => BigInt(Math.floor(Date.parse(entry.at) / 1000)))
    entries.forEach((entry, i) => {
      batch.add(encodeAccessEntry({ ...entry, recordId: entry.recordId ?? zeroHash, accessedAt: seconds[i] as bigint }))
    })
    const sealed = batch.seal()
    const root = bytesToHex(sealed.root)
    // A root sent just before a crash is already on chain: mark it rather than send it twice.
    const existing = await getAccessBatch(client, { root })
    let block: bigint
    if (existing !== undefined) block = await client.publicClient.getBlockNumber()
    else {
      const firstAt = seconds.reduce((a, b) => (a < b ? a : b))
      const lastAt = seconds.reduce((a, b) => (a > b ? a : b))
      const written = await logAccessBatch(client, { root, count: entries.length, firstAt, lastAt, gas: ANCHOR_GAS })
      block = written.receipt.blockNumber
    }
    await index.markAuditBatchAnchored({
      root,
      block: Number(block),
      entries: entries.map((entry, i) => ({ entryId: entry.entryId, leafIndex: i, proof: (sealed.proofs[i] as Uint8Array[]).map(bytesToHex) })),
    })
    return entries.length
  }

  let timer: NodeJS.Timeout | undefined
  let stopped = true
  const loop = () => {
    timer = setTimeout(async () => {
      try {
        await anchorPending()
      } catch (error) {
        onError(error)
      }
      if (!stopped) loop()
    }, anchorIntervalMs)
  }

  /** Anchors every pending entry now; resolves with how many were anchored. */
  async function anchorPending(): Promise<number> {
    while (anchoring !== undefined) await anchoring.catch(() => 0)
    let total = 0
    for (;;) {
      anchoring = anchorOnce()
      try {
        const count = await anchoring
        total += count
        if (count < maxBatch) return total
      } finally {
        anchoring = undefined
      }
    }
  }

  return {
    /** Logs `inputs` durably; resolves once they are in the index (not yet anchored). */
    record: (inputs: readonly AuditInput[]) => commit.add(inputs),
    anchorPending,
    start() {
      if (!stopped) return
      stopped = false
      loop()
    },
    /** Stops the loop and anchors what is pending. */
    async stop() {
      stopped = true
      if (timer !== undefined) clearTimeout(timer)
      await commit.drain()
      await anchorPending()
    },
  }
}

/** What {@link createAuditLog} returns. */
export type AuditLog = ReturnType<typeof createAuditLog>
