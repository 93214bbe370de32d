// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title IAccessLog
/// @notice Tamper-evident log of every access a member's gateway served or refused: the gateway
/// collects entries off chain, builds a Merkle tree of them and anchors only its root here. Anyone
/// holding an entry and its proof can then show it was logged, by whom and in which batch.
/// @dev Leaves are OpenZeppelin StandardMerkleTree leaves over the fields of AccessEntry, in this
/// exact order: keccak256(bytes.concat(keccak256(abi.encode(bytes32 entryId, address accessor,
/// address member, address patient, bytes32 recordId, uint8 action, uint16 purpose,
/// bytes32 authorization, uint8 decision, uint64 accessedAt)))).
interface IAccessLog {
    /// @notice A logged batch; `firstAt` and `lastAt` bound its entries' `accessedAt` as the gateway states them.
    struct Batch {
        address member;
        uint32 count;
        uint64 firstAt;
        uint64 lastAt;
        uint64 loggedAt;
    }

    /// @notice One access, as hashed into a leaf (see the contract NatSpec for the order).
    /// @param entryId Unique id the gateway gives the entry.
    /// @param accessor The account that asked (a member, an individual, or a patient pseudonym).
    /// @param member The member whose gateway served the request and logs the batch.
    /// @param patient The patient pseudonym concerned (zero if none).
    /// @param recordId The RecordRegistry record id concerned (zero if none, e.g. a search).
    /// @param action An AccessActions code.
    /// @param purpose The Purposes bits the accessor stated.
    /// @param authorization The consent id or break-glass access id relied on (zero if none).
    /// @param decision An AccessDecisions code.
    /// @param accessedAt Unix seconds of the access.
    struct AccessEntry {
        bytes32 entryId;
        address accessor;
        address member;
        address patient;
        bytes32 recordId;
        uint8 action;
        uint16 purpose;
        bytes32 authorization;
        uint8 decision;
        uint64 accessedAt;
    }

    event AccessBatchLogged(bytes32 indexed root, address indexed member, uint32 count, uint64 firstAt, uint64 lastAt);

    error AccessLogInvalidBatch(bytes32 root, uint32 count);
    error AccessLogInvalidTimeRange(uint64 firstAt, uint64 lastAt);
    error AccessLogBatchAlreadyLogged(bytes32 root);

    /// @notice Logs the Merkle root of `count` access entries of the caller, an active member (its
    /// gateway signs with the organisation's key).
    /// @param root Non-zero, never logged before.
    /// @param count Number of entries, non-zero.
    /// @param firstAt Earliest entry time, at most `lastAt`.
    function logBatch(bytes32 root, uint32 count, uint64 firstAt, uint64 lastAt) external;

    /// @notice The batch logged under `root`; all fields zero when unknown.
    function getBatch(bytes32 root) external view returns (Batch memory);

    /// @notice Whether `entry` is in the logged batch `root`, whose member it names.
    function verifyEntry(bytes32 root, AccessEntry calldata entry, bytes32[] calldata proof) external view returns (bool);
}
