import {
  parseEventLogs,
  type Abi,
  type Account,
  type Address,
  type Chain,
  type ContractFunctionArgs,
  type ContractFunctionName,
  type Hash,
  type ParseEventLogsReturnType,
  type TransactionReceipt,
  type Transport,
  type WalletClient,
} from 'viem'
import type { MedchainClient } from '../createMedchainClient.ts'
import { decodeContractError } from '../decodeContractError.ts'
import { MedchainError } from '../errors.ts'

type WriteParameters<abi extends Abi, functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>> = {
  address: Address
  abi: abi
  functionName: functionName
  args: ContractFunctionArgs<abi, 'nonpayable' | 'payable', functionName>
  /** For error messages, e.g. `Consortium.vote`. */
  context: string
  /**
   * Gas limit; when given, viem skips eth_estimateGas (a binary search of a dozen executions).
   * For writes of fixed cost sent often (batch anchors), where the simulation already proved success.
   */
  gas?: bigint | undefined
}

/** A mined transaction with its events decoded against the called contract's ABI. */
export type ContractWriteResult<abi extends Abi> = {
  hash: Hash
  receipt: TransactionReceipt
  events: ParseEventLogsReturnType<abi, undefined, true>
}

/** The client's wallet; throws `SDK_NO_ACCOUNT` for a read-only client. */
export function requireWallet(client: MedchainClient, context: string): WalletClient<Transport, Chain, Account> {
  if (!client.walletClient) {
    throw new MedchainError(`${context} needs an account: pass "account" to createMedchainClient`, { code: 'SDK_NO_ACCOUNT' })
  }
  return client.walletClient
}

/**
 * Simulates a contract write, then sends it and waits for its receipt. Simulating first turns a
 * revert into a decoded MedchainError before anything is signed, and keeps a doomed transaction
 * from consuming a nonce.
 */
export async function writeContract<
  const abi extends Abi,
  functionName extends ContractFunctionName<abi, 'nonpayable' | 'payable'>,
>(client: MedchainClient, { address, abi, functionName, args, context, gas }: WriteParameters<abi, functionName>): Promise<ContractWriteResult<abi>> {
  const wallet = requireWallet(client, context)
  let hash: Hash
  try {
    // viem's overloads cannot be resolved for a generic function name; callers are typed above.
    const { request } = await client.publicClient.simulateContract({ account: wallet.account, address, abi, functionName, args, gas } as never)
    hash = await wallet.writeContract(request as never)
  } catch (error) {
    throw decodeContractError(error, { context })
  }
  const receipt = await waitForReceipt(client, hash, context)
  return { hash, receipt, events: parseEventLogs({ abi, logs: receipt.logs }) }
}

/** Waits for `hash` to be included; throws `SDK_TRANSACTION_FAILED` if it reverted there. */
export async function waitForReceipt(client: MedchainClient, hash: Hash, context: string): Promise<TransactionReceipt> {
  let receipt: TransactionReceipt
  try {
    // The embedded node answers eth_sendRawTransaction once the transaction is sealed and durable,
    // so its receipt is usually there at once; polling would add a whole polling interval.
    receipt = await client.publicClient
      .getTransactionReceipt({ hash })
      .catch(() => client.publicClient.waitForTransactionReceipt({ hash, timeout: 120_000 }))
  } catch (error) {
    throw decodeContractError(error, { context })
  }
  if (receipt.status !== 'success') {
    throw new MedchainError(`${context} transaction ${hash} was included but reverted`, {
      code: 'SDK_TRANSACTION_FAILED',
      details: 'the state changed between simulation and inclusion; retry the call to see the current revert reason',
    })
  }
  return receipt
}
