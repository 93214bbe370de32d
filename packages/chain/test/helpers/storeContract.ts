import solc from 'solc'

/** A small contract for node tests: one storage write, one event, a custom error and a reason string. */
const SOURCE = `// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;
contract Store {
  error StoreValueTooLarge(uint256 value, uint256 max);
  event Stored(address indexed by, uint256 indexed key, uint256 value);
  mapping(uint256 => uint256) public values;
  uint256 public count;
  function store(uint256 key, uint256 value) external {
    if (value > 1e18) revert StoreValueTooLarge(value, 1e18);
    values[key] = value;
    count += 1;
    emit Stored(msg.sender, key, value);
  }
  function fail() external pure { revert("plain reason"); }
  function now_() external view returns (uint256) { return block.timestamp; }
}`

interface CompiledStore {
  abi: readonly unknown[]
  bytecode: `0x${string}`
}

let cached: CompiledStore | undefined

/** Compiles the test contract once per process with the pinned solc-js, offline. */
export function compileStore(): CompiledStore {
  if (cached) return cached
  const input = {
    language: 'Solidity',
    sources: { 'Store.sol': { content: SOURCE } },
    settings: { evmVersion: 'cancun', optimizer: { enabled: true, runs: 200 }, outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } } },
  }
  const output = JSON.parse(solc.compile(JSON.stringify(input))) as {
    errors?: { severity: string; formattedMessage: string }[]
    contracts: Record<string, Record<string, { abi: unknown[]; evm: { bytecode: { object: string } } }>>
  }
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error')
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'))
  const store = output.contracts['Store.sol']!.Store!
  cached = { abi: store.abi, bytecode: `0x${store.evm.bytecode.object}` }
  return cached
}

export const storeAbi = [
  { type: 'error', name: 'StoreValueTooLarge', inputs: [{ name: 'value', type: 'uint256' }, { name: 'max', type: 'uint256' }] },
  { type: 'event', name: 'Stored', anonymous: false, inputs: [{ name: 'by', type: 'address', indexed: true }, { name: 'key', type: 'uint256', indexed: true }, { name: 'value', type: 'uint256', indexed: false }] },
  { type: 'function', name: 'values', stateMutability: 'view', inputs: [{ name: '', type: 'uint256' }], outputs: [{ name: '', type: 'uint256' }] },
  { type: 'function', name: 'count', stateMutability: 'view', inputs: [], outputs: [{ name: '', type: 'uint256' }] },
  { type: 'function', name: 'store', stateMutability: 'nonpayable', inputs: [{ name: 'key', type: 'uint256' }, { name: 'value', type: 'uint256' }], outputs: [] },
  { type: 'function', name: 'fail', stateMutability: 'pure', inputs: [], outputs: [] },
  { type: 'function', name: 'now_', stateMutability: 'view', inputs: [], outputs: [{ name: '', type: 'uint256' }] },
] as const
