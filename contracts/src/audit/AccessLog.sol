// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IAccessLog} from "./IAccessLog.sol";
import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {MerkleProof} from "../utils/MerkleProof.sol";

/// @title AccessLog
/// @notice Merkle-batched access log; see IAccessLog.
contract AccessLog is IAccessLog, ConsortiumGated {
    mapping(bytes32 root => Batch) private _batches;

    constructor(IConsortium consortium_) ConsortiumGated(consortium_) {}

    function logBatch(bytes32 root, uint32 count, uint64 firstAt, uint64 lastAt) external {
        if (!consortium().isMember(msg.sender)) revert IConsortium.ConsortiumNotMember(msg.sender);
        if (root == bytes32(0) || count == 0) revert AccessLogInvalidBatch(root, count);
        if (firstAt > lastAt) revert AccessLogInvalidTimeRange(firstAt, lastAt);
        if (_batches[root].member != address(0)) revert AccessLogBatchAlreadyLogged(root);
        _batches[root] =
            Batch({member: msg.sender, count: count, firstAt: firstAt, lastAt: lastAt, loggedAt: uint64(block.timestamp)});
        emit AccessBatchLogged(root, msg.sender, count, firstAt, lastAt);
    }

    function getBatch(bytes32 root) external view returns (Batch memory) {
        return _batches[root];
    }

    function verifyEntry(bytes32 root, AccessEntry calldata entry, bytes32[] calldata proof) external view returns (bool) {
        address member = _batches[root].member;
        if (member == address(0) || entry.member != member) return false;
        return MerkleProof.verifyCalldata(proof, root, keccak256(bytes.concat(keccak256(abi.encode(entry)))));
    }
}
