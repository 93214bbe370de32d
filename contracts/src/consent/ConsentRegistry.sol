// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IConsentRegistry} from "./IConsentRegistry.sol";
import {Purposes} from "./Purposes.sol";
import {AccessDecisions} from "./AccessDecisions.sol";
import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {IIdentityRegistry} from "../identity/IIdentityRegistry.sol";
import {ECDSA} from "../utils/ECDSA.sol";
import {EIP712} from "../utils/EIP712.sol";

/// @title ConsentRegistry
/// @notice Patient consents, granted and revoked directly or by signature; see IConsentRegistry.
contract ConsentRegistry is IConsentRegistry, ConsortiumGated, EIP712 {
    bytes32 private constant _GRANT_TYPEHASH = keccak256(
        "Grant(address patient,address grantee,uint16 purposes,uint256 resourceTypes,bytes32 recordIdsHash,uint64 start,uint64 expiry,uint256 nonce,uint256 deadline)"
    );
    bytes32 private constant _REVOKE_TYPEHASH = keccak256("Revoke(bytes32 consentId,uint256 nonce,uint256 deadline)");

    /// @dev Bounds the work of a consent check, which scans the list.
    uint256 public constant MAX_RECORD_IDS = 64;

    IIdentityRegistry private immutable _identityRegistry;

    mapping(bytes32 consentId => Consent) private _consents;
    mapping(address patient => bytes32[]) private _consentsOf;
    mapping(address patient => uint256) private _nonces;

    constructor(IConsortium consortium_, IIdentityRegistry identityRegistry_)
        ConsortiumGated(consortium_)
        EIP712("medchain ConsentRegistry", "1")
    {
        _identityRegistry = identityRegistry_;
    }

    function grant(GrantInput calldata input) external returns (bytes32) {
        return _grant(msg.sender, input);
    }

    function grantBySig(address patient, GrantInput calldata input, uint256 deadline, bytes calldata signature)
        external
        returns (bytes32)
    {
        if (block.timestamp > deadline) revert ConsentSignatureExpired(deadline);
        _requireSigner(_grantStructHash(patient, input, _nonces[patient], deadline), signature, patient);
        return _grant(patient, input);
    }

    function revoke(bytes32 consentId) external {
        Consent storage consent = _existing(consentId);
        if (consent.patient != msg.sender) revert ConsentNotPatient(consentId, msg.sender);
        _revoke(consentId, consent);
    }

    function revokeBySig(bytes32 consentId, uint256 deadline, bytes calldata signature) external {
        if (block.timestamp > deadline) revert ConsentSignatureExpired(deadline);
        Consent storage consent = _existing(consentId);
        address patient = consent.patient;
        _requireSigner(keccak256(abi.encode(_REVOKE_TYPEHASH, consentId, _nonces[patient], deadline)), signature, patient);
        _revoke(consentId, consent);
    }

    function getConsent(bytes32 consentId) external view returns (Consent memory) {
        return _consents[consentId];
    }

    function consentsOf(address patient) external view returns (bytes32[] memory) {
        return _consentsOf[patient];
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

    function checkConsent(
        bytes32 consentId,
        address accessor,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId
    ) external view returns (uint8 decision) {
        if (!Purposes.isValid(purpose)) revert ConsentInvalidPurposes(purpose);
        address accessorMember = consortium().memberOf(accessor);
        (, decision) = _evaluate(_consents[consentId], accessor, accessorMember, purpose, resourceTypeIndex, recordId, block.timestamp);
    }

    function findAuthorization(
        address patient,
        address accessor,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId
    ) external view returns (bytes32 consentId, uint8 decision) {
        return _find(patient, accessor, purpose, resourceTypeIndex, recordId, block.timestamp);
    }

    function findAuthorizationAt(
        address patient,
        address accessor,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId,
        uint64 at
    ) external view returns (bytes32 consentId, uint8 decision) {
        return _find(patient, accessor, purpose, resourceTypeIndex, recordId, at);
    }

    function _find(
        address patient,
        address accessor,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId,
        uint256 at
    ) private view returns (bytes32 consentId, uint8 decision) {
        if (!Purposes.isValid(purpose)) revert ConsentInvalidPurposes(purpose);
        address accessorMember = consortium().memberOf(accessor);
        bytes32[] storage ids = _consentsOf[patient];
        decision = AccessDecisions.NO_CONSENT;
        for (uint256 i = ids.length; i > 0; --i) {
            bytes32 id = ids[i - 1];
            (bool applies, uint8 d) = _evaluate(_consents[id], accessor, accessorMember, purpose, resourceTypeIndex, recordId, at);
            if (!applies) continue;
            if (d == AccessDecisions.ALLOWED) return (id, d);
            if (consentId == bytes32(0)) (consentId, decision) = (id, d);
        }
    }

    function _grant(address patient, GrantInput calldata input) private returns (bytes32 consentId) {
        if (!_identityRegistry.isPatient(patient)) revert ConsentUnknownPatient(patient);
        _requireValidInput(input);
        uint256 nonce = _nonces[patient]++;
        consentId = keccak256(abi.encode(patient, nonce));
        Consent storage consent = _consents[consentId];
        consent.patient = patient;
        consent.grantee = input.grantee;
        consent.purposes = input.purposes;
        consent.resourceTypes = input.resourceTypes;
        consent.recordIds = input.recordIds;
        consent.start = input.start;
        consent.expiry = input.expiry;
        consent.grantedAt = uint64(block.timestamp);
        _consentsOf[patient].push(consentId);
        emit ConsentGranted(
            consentId,
            patient,
            input.grantee,
            input.purposes,
            input.resourceTypes,
            input.recordIds,
            input.start,
            input.expiry
        );
    }

    function _revoke(bytes32 consentId, Consent storage consent) private {
        if (consent.revokedAt != 0) revert ConsentAlreadyRevoked(consentId, consent.revokedAt);
        ++_nonces[consent.patient];
        uint64 revokedAt = uint64(block.timestamp);
        consent.revokedAt = revokedAt;
        emit ConsentRevoked(consentId, consent.patient, revokedAt);
    }

    function _requireValidInput(GrantInput calldata input) private view {
        if (consortium().memberOf(input.grantee) == address(0)) revert ConsentInvalidGrantee(input.grantee);
        if (!Purposes.isValid(input.purposes)) revert ConsentInvalidPurposes(input.purposes);
        uint256 count = input.recordIds.length;
        if (count == 0 && input.resourceTypes == 0) revert ConsentEmptyScope();
        if (count > MAX_RECORD_IDS) revert ConsentTooManyRecords(count, MAX_RECORD_IDS);
        for (uint256 i; i < count; ++i) {
            if (input.recordIds[i] == bytes32(0)) revert ConsentInvalidRecordId(i);
        }
        if (input.expiry <= input.start || input.expiry <= block.timestamp) {
            revert ConsentInvalidWindow(input.start, input.expiry);
        }
    }

    function _existing(bytes32 consentId) private view returns (Consent storage consent) {
        consent = _consents[consentId];
        if (consent.patient == address(0)) revert ConsentUnknown(consentId);
    }

    function _requireSigner(bytes32 structHash, bytes calldata signature, address patient) private view {
        address signer = ECDSA.recover(_hashTypedData(structHash), signature);
        if (signer != patient) revert ConsentInvalidSigner(signer, patient);
    }

    /// @dev Split in two encodings (equal to one, all members being static) to stay within the stack.
    function _grantStructHash(address patient, GrantInput calldata input, uint256 nonce, uint256 deadline)
        private
        pure
        returns (bytes32)
    {
        return keccak256(
            bytes.concat(
                abi.encode(_GRANT_TYPEHASH, patient, input.grantee, input.purposes, input.resourceTypes),
                abi.encode(keccak256(abi.encodePacked(input.recordIds)), input.start, input.expiry, nonce, deadline)
            )
        );
    }

    /// @dev Whether `consent` applies to `accessor` and, if so, its decision; see IConsentRegistry.
    function _evaluate(
        Consent storage consent,
        address accessor,
        address accessorMember,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId,
        uint256 at
    ) private view returns (bool applies, uint8 decision) {
        address grantee = consent.grantee;
        if (grantee == address(0) || (grantee != accessor && grantee != accessorMember)) {
            return (false, AccessDecisions.NO_CONSENT);
        }
        applies = true;
        if (accessorMember == address(0)) decision = AccessDecisions.GRANTEE_NOT_MEMBER;
        else if (consent.revokedAt != 0) decision = AccessDecisions.REVOKED;
        else if (at < consent.start) decision = AccessDecisions.NOT_STARTED;
        else if (at >= consent.expiry) decision = AccessDecisions.EXPIRED;
        else if (consent.purposes & purpose != purpose) decision = AccessDecisions.WRONG_PURPOSE;
        else if ((consent.resourceTypes >> resourceTypeIndex) & 1 == 0 && !_lists(consent.recordIds, recordId)) {
            decision = AccessDecisions.OUT_OF_SCOPE;
        } else {
            decision = AccessDecisions.ALLOWED;
        }
    }

    function _lists(bytes32[] storage recordIds, bytes32 recordId) private view returns (bool) {
        if (recordId == bytes32(0)) return false;
        uint256 count = recordIds.length;
        for (uint256 i; i < count; ++i) {
            if (recordIds[i] == recordId) return true;
        }
        return false;
    }
}
