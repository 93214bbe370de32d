import { compile } from '@medchain/contracts/solc'
import { installStudyVerifier, MedchainError, type MedchainClient } from '@medchain/sdk'
import { getAddress, type Address, type Hex } from 'viem'
import { CliError } from '../../errors.ts'

/**
 * Compiles a verifier a ceremony exported (with the same pinned solc as the repository's
 * contracts), deploys it from the client's account and installs it in the StudyRegistry, which
 * records the transcript hash the verifier carries. The caller is a REGULATOR member.
 */
export async function deployVerifier(client: MedchainClient, circuit: string, contractName: string, source: string): Promise<Address> {
  const output = compile({ [`${contractName}.sol`]: source })
  const errors = (output.errors ?? []).filter((message) => message.severity === 'error')
  const bytecode = output.contracts[`${contractName}.sol`]?.[contractName]?.evm.bytecode.object
  if (errors.length > 0 || !bytecode) {
    throw new CliError(`the exported ${contractName} does not compile`, { code: 'CLI_CEREMONY_FAILED', details: errors.map((e) => e.message).join('; ') })
  }
  const wallet = client.walletClient
  if (!wallet) throw new MedchainError('deploying a verifier needs an account', { code: 'SDK_NO_ACCOUNT' })
  const hash = await wallet.sendTransaction({ data: `0x${bytecode}` as Hex })
  const receipt = await client.publicClient.waitForTransactionReceipt({ hash })
  if (receipt.status !== 'success' || !receipt.contractAddress) {
    throw new CliError(`deploying ${contractName} failed`, { code: 'CLI_CEREMONY_FAILED', details: hash })
  }
  const verifier = getAddress(receipt.contractAddress)
  await installStudyVerifier(client, { circuit, verifier })
  return verifier
}
