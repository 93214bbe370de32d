// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IIdentityRegistry} from "../identity/IIdentityRegistry.sol";

/// @title IRecordRegistry
/// @notice Anchors of encrypted FHIR resources held off chain by their custodian (a hospital
/// member). No health data goes on chain: only a record id, the patient's pseudonym, the FHIR
/// resource type name, the SHA-256 of the ciphertext and a version. A record is anchored singly
/// (a head per record id, versioned, with an event) or inside a Merkle batch (only the root is
/// stored; the custodian serves each record with its leaf and proof).
/// @dev Batch leaves are OpenZeppelin StandardMerkleTree leaves over the fields of RecordLeaf, in
/// this exact order: keccak256(bytes.concat(keccak256(abi.encode(bytes32 recordId, address patient,
/// address custodian, bytes32 resourceType, bytes32 contentHash, uint32 version,
/// bytes32 previousContentHash)))). `resourceType` everywhere is the FHIR type name ("Observation")
/// as ASCII, left-aligned in a bytes32 and zero-padded.
interface IRecordRegistry {
    /// @notice The latest version of a singly anchored record. Field order packs storage.
    struct Record {
        address patient;
        address custodian;
        uint32 version;
        uint64 anchoredAt;
        bytes32 resourceType;
        bytes32 contentHash;
    }

    /// @notice A Merkle batch of records anchored by one custodian.
    struct Batch {
        address custodian;
        uint32 count;
        uint64 anchoredAt;
    }

    /// @notice The crypto-shredding marker of a record: its data keys were destroyed off chain.
    struct Erasure {
        address erasedBy;
        uint64 erasedAt;
        uint16 reasonCode;
    }

    /// @notice One record of a batch, as hashed into a leaf (see the contract NatSpec for the order).
    struct RecordLeaf {
        bytes32 recordId;
        address patient;
        address custodian;
        bytes32 resourceType;
        bytes32 contentHash;
        uint32 version;
        bytes32 previousContentHash;
    }

    event RecordAnchored(
        bytes32 indexed recordId,
        address indexed patient,
        address indexed custodian,
        bytes32 resourceType,
        bytes32 contentHash,
        uint32 version,
        bytes32 previousContentHash
    );
    event RecordBatchAnchored(bytes32 indexed root, address indexed custodian, uint32 count);
    event RecordErased(bytes32 indexed recordId, address indexed custodian, uint16 reasonCode);

    error RecordInvalidId();
    error RecordUnknownPatient(address patient);
    error RecordInvalidResourceType(bytes32 resourceType);
    error RecordInvalidContentHash();
    error RecordStaleVersion(bytes32 recordId, bytes32 expected, bytes32 given);
    error RecordNotCustodian(bytes32 recordId, address custodian, address caller);
    error RecordPatientMismatch(bytes32 recordId, address expected, address given);
    error RecordResourceTypeMismatch(bytes32 recordId, bytes32 expected, bytes32 given);
    error RecordAlreadyErased(bytes32 recordId);
    error RecordInvalidBatch(bytes32 root, uint32 count);
    error RecordBatchAlreadyAnchored(bytes32 root);

    /// @notice Anchors a new record (version 1) or a new version of one. The caller is a HOSPITAL
    /// member or a clinician of one; that member is the custodian.
    /// @param recordId Non-zero id the custodian chose (e.g. a hash of its FHIR logical id and a salt).
    /// @param patient A pseudonym registered in the IdentityRegistry.
    /// @param resourceType FHIR type name, left-aligned ASCII: an upper-case letter, then letters,
    /// then zero bytes.
    /// @param contentHash Non-zero SHA-256 of the encrypted resource.
    /// @param previousContentHash Zero for a new record; for an update, the contentHash of the
    /// current version (a stale writer gets RecordStaleVersion). An update keeps the custodian,
    /// patient and resource type; an erased record takes no update.
    function anchorRecord(
        bytes32 recordId,
        address patient,
        bytes32 resourceType,
        bytes32 contentHash,
        bytes32 previousContentHash
    ) external;

    /// @notice Anchors the Merkle root of `count` records; same callers as anchorRecord. The leaves
    /// are not checked: their custodian field must be the caller's member for them to verify.
    /// @param root Non-zero, never anchored before.
    /// @param count Number of leaves, non-zero (informative: the contract cannot check it).
    function anchorBatch(bytes32 root, uint32 count) external;

    /// @notice Whether `leaf` is in the anchored batch `root`, whose custodian it names.
    /// @dev Says nothing of erasure: see getErasure.
    function verifyBatchedRecord(bytes32 root, RecordLeaf calldata leaf, bytes32[] calldata proof)
        external
        view
        returns (bool);

    /// @notice Marks a record erased (crypto-shredded: its data keys were destroyed); the anchor stays.
    /// Once per record. The caller acts for a HOSPITAL member: for a singly anchored record, its
    /// custodian; for a record anchored only in batches (no head here), any hospital, recorded as
    /// `erasedBy` (readers check it against the leaf's custodian). An erased id can no longer be
    /// anchored.
    /// @param reasonCode Application-defined reason (e.g. patient request, retention end).
    function markErased(bytes32 recordId, uint16 reasonCode) external;

    /// @notice The latest version of `recordId`; all fields zero when it has no single anchor.
    function getRecord(bytes32 recordId) external view returns (Record memory);

    /// @notice The batch anchored under `root`; all fields zero when unknown.
    function getBatch(bytes32 root) external view returns (Batch memory);

    /// @notice The erasure marker of `recordId`; all fields zero when not erased.
    function getErasure(bytes32 recordId) external view returns (Erasure memory);

    /// @notice The registry whose pseudonyms records belong to.
    function identityRegistry() external view returns (IIdentityRegistry);
}
