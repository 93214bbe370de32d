// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity 0.8.37;

/// @title SlotWriter
/// @notice The chain benchmark's workload: each call writes one storage slot and emits one event,
/// the shape of a ledger entry (an audit record, a consent change). With a fresh key each call,
/// every transaction grows the contract's storage trie, so the cost of a growing state shows.
contract SlotWriter {
    /// @notice A value was stored under `key`.
    event Written(uint256 indexed key, uint256 value);

    mapping(uint256 key => uint256 value) private _slots;

    /// @notice Stores `value` under `key` and logs it.
    function write(uint256 key, uint256 value) external {
        _slots[key] = value;
        emit Written(key, value);
    }
}
