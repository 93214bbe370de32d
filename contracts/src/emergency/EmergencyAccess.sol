// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IEmergencyAccess} from "./IEmergencyAccess.sol";
import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {Roles, IndividualKinds} from "../consortium/Roles.sol";
import {IIdentityRegistry} from "../identity/IIdentityRegistry.sol";
import {ECDSA} from "../utils/ECDSA.sol";
import {EIP712} from "../utils/EIP712.sol";

/// @title EmergencyAccess
/// @notice Break-glass access with after-the-fact review; see IEmergencyAccess.
contract EmergencyAccess is IEmergencyAccess, ConsortiumGated, EIP712 {
    bytes32 private constant _REVIEW_TYPEHASH =
        keccak256("Review(bytes32 accessId,bool justified,bytes32 noteHash,uint256 nonce,uint256 deadline)");

    IIdentityRegistry private immutable _identityRegistry;
    uint64 private immutable _window;

    uint256 private _counter;
    mapping(bytes32 accessId => Access) private _accesses;
    mapping(address patient => mapping(address clinician => bytes32 accessId)) private _latest;
    mapping(address patient => uint256) private _nonces;

    /// @param windowSeconds How long an access lasts, non-zero (deployments use 4 hours).
    constructor(IConsortium consortium_, IIdentityRegistry identityRegistry_, uint64 windowSeconds)
        ConsortiumGated(consortium_)
        EIP712("medchain EmergencyAccess", "1")
    {
        if (windowSeconds == 0) revert BreakGlassInvalidWindow(windowSeconds);
        _identityRegistry = identityRegistry_;
        _window = windowSeconds;
    }

    function open(address patient, uint16 reasonCode, bytes32 justificationHash) external returns (bytes32 accessId) {
        address member = _requireIndividualOf(msg.sender, IndividualKinds.CLINICIAN, Roles.HOSPITAL);
        if (!_identityRegistry.isPatient(patient)) revert BreakGlassUnknownPatient(patient);
        if (reasonCode == 0) revert BreakGlassInvalidReason();
        accessId = keccak256(abi.encode(msg.sender, patient, _counter++));
        uint64 expiresAt = uint64(block.timestamp) + _window;
        Access storage access = _accesses[accessId];
        access.patient = patient;
        access.clinician = msg.sender;
        access.member = member;
        access.reasonCode = reasonCode;
        access.justificationHash = justificationHash;
        access.openedAt = uint64(block.timestamp);
        access.expiresAt = expiresAt;
        _latest[patient][msg.sender] = accessId;
        emit BreakGlassOpened(accessId, patient, member, msg.sender, reasonCode, justificationHash, expiresAt);
    }

    function review(bytes32 accessId, bool justified, bytes32 noteHash) external {
        Access storage access = _existing(accessId);
        if (msg.sender == access.patient) ++_nonces[msg.sender];
        else if (!consortium().hasRole(msg.sender, Roles.REGULATOR)) revert BreakGlassNotReviewer(accessId, msg.sender);
        _review(accessId, access, msg.sender, justified, noteHash);
    }

    function reviewBySig(bytes32 accessId, bool justified, bytes32 noteHash, uint256 deadline, bytes calldata signature)
        external
    {
        if (block.timestamp > deadline) revert BreakGlassSignatureExpired(deadline);
        Access storage access = _existing(accessId);
        address patient = access.patient;
        bytes32 structHash =
            keccak256(abi.encode(_REVIEW_TYPEHASH, accessId, justified, noteHash, _nonces[patient], deadline));
        address signer = ECDSA.recover(_hashTypedData(structHash), signature);
        if (signer != patient) revert BreakGlassInvalidSigner(signer, patient);
        ++_nonces[patient];
        _review(accessId, access, patient, justified, noteHash);
    }

    function getAccess(bytes32 accessId) external view returns (Access memory) {
        return _accesses[accessId];
    }

    function isActive(bytes32 accessId) external view returns (bool) {
        return _isActive(_accesses[accessId], block.timestamp);
    }

    function activeAccess(address patient, address accessor) external view returns (bytes32 accessId) {
        return _activeAccess(patient, accessor, block.timestamp);
    }

    function activeAccessAt(address patient, address accessor, uint64 at) external view returns (bytes32 accessId) {
        return _activeAccess(patient, accessor, at);
    }

    function _activeAccess(address patient, address accessor, uint256 at) private view returns (bytes32 accessId) {
        accessId = _latest[patient][accessor];
        if (accessId != bytes32(0) && !_isActive(_accesses[accessId], at)) accessId = bytes32(0);
    }

    function window() external view returns (uint64) {
        return _window;
    }

    function nonces(address patient) external view returns (uint256) {
        return _nonces[patient];
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparator();
    }

    function identityRegistry() external view returns (IIdentityRegistry) {
        return _identityRegistry;
    }

    function _review(bytes32 accessId, Access storage access, address reviewer, bool justified, bytes32 noteHash)
        private
    {
        if (access.reviewStatus != ReviewStatus.Pending) revert BreakGlassAlreadyReviewed(accessId, access.reviewStatus);
        access.reviewStatus = justified ? ReviewStatus.Justified : ReviewStatus.Unjustified;
        access.reviewer = reviewer;
        access.reviewedAt = uint64(block.timestamp);
        access.noteHash = noteHash;
        emit BreakGlassReviewed(accessId, reviewer, justified, noteHash);
    }

    function _existing(bytes32 accessId) private view returns (Access storage access) {
        access = _accesses[accessId];
        if (access.clinician == address(0)) revert BreakGlassUnknownAccess(accessId);
    }

    function _isActive(Access storage access, uint256 at) private view returns (bool) {
        if (access.clinician == address(0) || at >= access.expiresAt) return false;
        if (access.reviewStatus == ReviewStatus.Unjustified) return false;
        IConsortium consortium_ = consortium();
        address clinician = access.clinician;
        return consortium_.individualKind(clinician) == IndividualKinds.CLINICIAN
            && consortium_.memberOf(clinician) == access.member && consortium_.hasRole(access.member, Roles.HOSPITAL);
    }
}
