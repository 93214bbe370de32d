import type * as Research from '@medchain/research'
import type { PoseidonHash } from '@medchain/zk'

/** The research protocol and a Poseidon hasher. */
export type ResearchModules = { research: typeof Research; poseidon: PoseidonHash }

let loading: Promise<ResearchModules> | undefined

/**
 * Loads the research protocol on the first research request: it pulls in snarkjs and builds the
 * Poseidon constants (about a second), which a gateway serving only records never needs.
 */
export function researchModules(): Promise<ResearchModules> {
  loading ??= Promise.all([import('@medchain/research'), import('@medchain/zk')]).then(async ([research, zk]) => ({ research, poseidon: await zk.loadPoseidon() }))
  return loading
}
