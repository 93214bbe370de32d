// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IIdentityRegistry} from "../identity/IIdentityRegistry.sol";

/// @title IConsentRegistry
/// @notice Patients' consents to let a member organisation, or one individual acting for a member,
/// use their records for given purposes, resource types or records, within a time window.
/// Patients sign with their pseudonym key: directly, or as EIP-712 typed data relayed by anyone
/// (domain name "medchain ConsentRegistry", version "1", the chain id, this contract).
/// @dev Scope: bit i of `resourceTypes` is the i-th FHIR resource type of the table kept in
/// TypeScript (the SDK's FHIR_RESOURCE_TYPES); `recordIds` are RecordRegistry record ids. A consent covers a
/// resource if its type bit is set OR its record id is listed.
///
/// Matching an accessor: a consent applies to `accessor` when its grantee is the accessor itself or
/// the member the accessor acts for (consortium.memberOf), so a grant to a member covers all its
/// individuals. Decision for one applicable consent, first failing check wins: GRANTEE_NOT_MEMBER
/// (the accessor is no longer an active member or individual), REVOKED, NOT_STARTED
/// (block.timestamp < start), EXPIRED (block.timestamp >= expiry), WRONG_PURPOSE (not every bit of
/// `purpose` allowed), OUT_OF_SCOPE, else ALLOWED. The individuals of a removed member stop acting
/// for it altogether, so they get NO_CONSENT rather than GRANTEE_NOT_MEMBER.
interface IConsentRegistry {
    struct Consent {
        address patient;
        address grantee;
        uint16 purposes;
        uint256 resourceTypes;
        bytes32[] recordIds;
        uint64 start;
        uint64 expiry;
        uint64 grantedAt;
        uint64 revokedAt;
    }

    /// @notice What a patient grants. See Consent for the meaning of each field.
    struct GrantInput {
        address grantee;
        uint16 purposes;
        uint256 resourceTypes;
        bytes32[] recordIds;
        uint64 start;
        uint64 expiry;
    }

    event ConsentGranted(
        bytes32 indexed consentId,
        address indexed patient,
        address indexed grantee,
        uint16 purposes,
        uint256 resourceTypes,
        bytes32[] recordIds,
        uint64 start,
        uint64 expiry
    );
    event ConsentRevoked(bytes32 indexed consentId, address indexed patient, uint64 revokedAt);

    error ConsentUnknown(bytes32 consentId);
    error ConsentNotPatient(bytes32 consentId, address caller);
    error ConsentUnknownPatient(address patient);
    error ConsentInvalidGrantee(address grantee);
    error ConsentInvalidPurposes(uint16 purposes);
    error ConsentEmptyScope();
    error ConsentTooManyRecords(uint256 count, uint256 max);
    error ConsentInvalidRecordId(uint256 index);
    error ConsentInvalidWindow(uint64 start, uint64 expiry);
    error ConsentAlreadyRevoked(bytes32 consentId, uint64 revokedAt);
    error ConsentSignatureExpired(uint256 deadline);
    error ConsentInvalidSigner(address signer, address patient);

    /// @notice Grants a consent from the caller, a registered pseudonym; consumes its nonce.
    /// @dev The grantee must be an active member or individual (consortium.memberOf != 0).
    /// `purposes` non-empty within Purposes.ALL; `recordIds` at most MAX_RECORD_IDS non-zero ids,
    /// and not empty together with resourceTypes == 0; expiry > start and > block.timestamp.
    /// @return consentId keccak256(abi.encode(patient, nonce)) with the nonce this grant consumed.
    function grant(GrantInput calldata input) external returns (bytes32 consentId);

    /// @notice Grants a consent on the patient's EIP-712 signature, relayed by anyone. Type:
    /// Grant(address patient,address grantee,uint16 purposes,uint256 resourceTypes,bytes32 recordIdsHash,uint64 start,uint64 expiry,uint256 nonce,uint256 deadline)
    /// with recordIdsHash = keccak256(abi.encodePacked(recordIds)) and nonce = nonces(patient).
    /// @param deadline Last timestamp (inclusive) at which the signature is accepted.
    /// @param signature 65-byte (r, s, v) signature, low s, v in {27, 28}.
    function grantBySig(address patient, GrantInput calldata input, uint256 deadline, bytes calldata signature)
        external
        returns (bytes32 consentId);

    /// @notice Revokes a consent of the caller, its patient; consumes the patient's nonce.
    function revoke(bytes32 consentId) external;

    /// @notice Revokes a consent on its patient's EIP-712 signature, relayed by anyone. Type:
    /// Revoke(bytes32 consentId,uint256 nonce,uint256 deadline) with nonce = nonces(patient).
    function revokeBySig(bytes32 consentId, uint256 deadline, bytes calldata signature) external;

    /// @notice A consent; all fields zero for an unknown id.
    function getConsent(bytes32 consentId) external view returns (Consent memory);

    /// @notice Ids of every consent `patient` granted, revoked or expired ones included, in grant order.
    function consentsOf(address patient) external view returns (bytes32[] memory);

    /// @notice The nonce the next grant or revocation of `patient` consumes.
    function nonces(address patient) external view returns (uint256);

    /// @notice The EIP-712 domain separator for signed grants and revocations.
    function domainSeparator() external view returns (bytes32);

    /// @notice Maximum number of record ids in one consent.
    function MAX_RECORD_IDS() external view returns (uint256);

    /// @notice The decision one consent gives `accessor` (see the contract NatSpec): NO_CONSENT for
    /// an unknown consent or one that does not apply to the accessor.
    /// @param purpose One or more purpose bits, all of which must be allowed.
    /// @param resourceTypeIndex Index of the resource's FHIR type in the TypeScript table.
    /// @param recordId The record's id, or zero when the access concerns no single record.
    /// @return decision An AccessDecisions code.
    /// @dev Reverts ConsentInvalidPurposes for a purpose that is zero or outside Purposes.ALL, here and
    /// in findAuthorization: that is a caller's mistake, not a refusal.
    function checkConsent(
        bytes32 consentId,
        address accessor,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId
    ) external view returns (uint8 decision);

    /// @notice Looks through `patient`'s consents, newest first, for one allowing the access.
    /// @return consentId The newest consent giving ALLOWED; if none, the newest consent that applies
    /// to the accessor, with its refusal; if none applies, zero.
    /// @return decision An AccessDecisions code: ALLOWED, that refusal, or NO_CONSENT.
    function findAuthorization(
        address patient,
        address accessor,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId
    ) external view returns (bytes32 consentId, uint8 decision);

    /// @notice findAuthorization as of unix time `at` instead of the latest block's timestamp. A
    /// chain that seals blocks only when transactions arrive can have a latest block minutes old;
    /// a gateway enforcing consent asks with its own clock so that an expired consent stops at once.
    function findAuthorizationAt(
        address patient,
        address accessor,
        uint16 purpose,
        uint8 resourceTypeIndex,
        bytes32 recordId,
        uint64 at
    ) external view returns (bytes32 consentId, uint8 decision);

    /// @notice The registry whose pseudonyms may grant consents.
    function identityRegistry() external view returns (IIdentityRegistry);
}
