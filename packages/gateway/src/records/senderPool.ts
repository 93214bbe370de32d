import { createEciesSender, type EciesSender } from '@medchain/crypto'
import type { Hex } from 'viem'

/**
 * ECIES sender sessions by recipient key, so that sealing many records for the same patient or
 * custodian costs one ECDH per session (see createEciesSender). Bounded: the oldest recipient's
 * session is dropped first.
 */
export function createSenderPool({ maxRecipients = 10_000 }: { maxRecipients?: number } = {}) {
  const senders = new Map<string, EciesSender>()
  return {
    /** The session to `publicKey` (33-byte compressed, hex). */
    to(publicKey: Hex): EciesSender {
      const key = publicKey.toLowerCase()
      let sender = senders.get(key)
      if (sender === undefined) {
        if (senders.size >= maxRecipients) senders.delete(senders.keys().next().value as string)
        sender = createEciesSender({ recipientPublicKey: publicKey })
        senders.set(key, sender)
      }
      return sender
    },
  }
}

/** What {@link createSenderPool} returns. */
export type SenderPool = ReturnType<typeof createSenderPool>
