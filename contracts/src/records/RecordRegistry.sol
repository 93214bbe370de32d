// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IRecordRegistry} from "./IRecordRegistry.sol";
import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {Roles, IndividualKinds} from "../consortium/Roles.sol";
import {IIdentityRegistry} from "../identity/IIdentityRegistry.sol";
import {MerkleProof} from "../utils/MerkleProof.sol";

/// @title RecordRegistry
/// @notice Anchors of encrypted FHIR resources; see IRecordRegistry.
contract RecordRegistry is IRecordRegistry, ConsortiumGated {
    IIdentityRegistry private immutable _identityRegistry;

    mapping(bytes32 recordId => Record) private _records;
    mapping(bytes32 root => Batch) private _batches;
    mapping(bytes32 recordId => Erasure) private _erasures;

    constructor(IConsortium consortium_, IIdentityRegistry identityRegistry_) ConsortiumGated(consortium_) {
        _identityRegistry = identityRegistry_;
    }

    function anchorRecord(
        bytes32 recordId,
        address patient,
        bytes32 resourceType,
        bytes32 contentHash,
        bytes32 previousContentHash
    ) external {
        address custodian = _requireActingFor(msg.sender, Roles.HOSPITAL, IndividualKinds.CLINICIAN);
        if (recordId == bytes32(0)) revert RecordInvalidId();
        if (_erasures[recordId].erasedAt != 0) revert RecordAlreadyErased(recordId);
        if (contentHash == bytes32(0)) revert RecordInvalidContentHash();
        Record storage head = _records[recordId];
        uint32 version = head.version;
        if (version == 0) {
            if (previousContentHash != bytes32(0)) revert RecordStaleVersion(recordId, bytes32(0), previousContentHash);
            if (!_identityRegistry.isPatient(patient)) revert RecordUnknownPatient(patient);
            if (!_isResourceTypeName(resourceType)) revert RecordInvalidResourceType(resourceType);
            head.patient = patient;
            head.custodian = custodian;
            head.resourceType = resourceType;
        } else {
            if (head.custodian != custodian) revert RecordNotCustodian(recordId, head.custodian, custodian);
            if (head.contentHash != previousContentHash) {
                revert RecordStaleVersion(recordId, head.contentHash, previousContentHash);
            }
            if (head.patient != patient) revert RecordPatientMismatch(recordId, head.patient, patient);
            if (head.resourceType != resourceType) {
                revert RecordResourceTypeMismatch(recordId, head.resourceType, resourceType);
            }
        }
        head.version = ++version;
        head.anchoredAt = uint64(block.timestamp);
        head.contentHash = contentHash;
        emit RecordAnchored(recordId, patient, custodian, resourceType, contentHash, version, previousContentHash);
    }

    function anchorBatch(bytes32 root, uint32 count) external {
        address custodian = _requireActingFor(msg.sender, Roles.HOSPITAL, IndividualKinds.CLINICIAN);
        if (root == bytes32(0) || count == 0) revert RecordInvalidBatch(root, count);
        if (_batches[root].custodian != address(0)) revert RecordBatchAlreadyAnchored(root);
        _batches[root] = Batch({custodian: custodian, count: count, anchoredAt: uint64(block.timestamp)});
        emit RecordBatchAnchored(root, custodian, count);
    }

    function verifyBatchedRecord(bytes32 root, RecordLeaf calldata leaf, bytes32[] calldata proof)
        external
        view
        returns (bool)
    {
        address custodian = _batches[root].custodian;
        if (custodian == address(0) || leaf.custodian != custodian) return false;
        return MerkleProof.verifyCalldata(proof, root, keccak256(bytes.concat(keccak256(abi.encode(leaf)))));
    }

    function markErased(bytes32 recordId, uint16 reasonCode) external {
        address member = _requireActingFor(msg.sender, Roles.HOSPITAL, IndividualKinds.CLINICIAN);
        if (recordId == bytes32(0)) revert RecordInvalidId();
        Erasure storage erasure = _erasures[recordId];
        if (erasure.erasedAt != 0) revert RecordAlreadyErased(recordId);
        address custodian = _records[recordId].custodian;
        if (custodian != address(0) && custodian != member) revert RecordNotCustodian(recordId, custodian, member);
        erasure.erasedBy = member;
        erasure.erasedAt = uint64(block.timestamp);
        erasure.reasonCode = reasonCode;
        emit RecordErased(recordId, member, reasonCode);
    }

    function getRecord(bytes32 recordId) external view returns (Record memory) {
        return _records[recordId];
    }

    function getBatch(bytes32 root) external view returns (Batch memory) {
        return _batches[root];
    }

    function getErasure(bytes32 recordId) external view returns (Erasure memory) {
        return _erasures[recordId];
    }

    function identityRegistry() external view returns (IIdentityRegistry) {
        return _identityRegistry;
    }

    /// @dev An upper-case ASCII letter, then ASCII letters, then only zero bytes: the shape of every
    /// FHIR resource type name. Keeps free text (and so any PHI) out of the field.
    function _isResourceTypeName(bytes32 name) private pure returns (bool) {
        bytes1 first = name[0];
        if (first < "A" || first > "Z") return false;
        uint256 i = 1;
        for (; i < 32; ++i) {
            bytes1 c = name[i];
            if (c == 0) break;
            if ((c < "A" || c > "Z") && (c < "a" || c > "z")) return false;
        }
        for (; i < 32; ++i) {
            if (name[i] != 0) return false;
        }
        return true;
    }
}
