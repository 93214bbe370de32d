// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IIdentityRegistry} from "../identity/IIdentityRegistry.sol";

/// @title IEmergencyAccess
/// @notice Break-glass access: a clinician of a hospital member opens emergency access to a
/// patient's records without consent, for a fixed window, leaving a public trace reviewed later by
/// a regulator or by the patient. The free-text justification stays off chain; only its hash is
/// recorded. Patients may review by EIP-712 signature relayed by anyone (domain name
/// "medchain EmergencyAccess", version "1", the chain id, this contract).
/// @dev An access is active while block.timestamp < expiresAt, its clinician is still an active
/// clinician of the same member, that member still holds the HOSPITAL role, and it was not reviewed
/// UNJUSTIFIED (an unjustified review ends it at once; a JUSTIFIED one leaves it running).
interface IEmergencyAccess {
    enum ReviewStatus {
        Pending,
        Justified,
        Unjustified
    }

    struct Access {
        address patient;
        address clinician;
        address member;
        uint16 reasonCode;
        bytes32 justificationHash;
        uint64 openedAt;
        uint64 expiresAt;
        ReviewStatus reviewStatus;
        address reviewer;
        uint64 reviewedAt;
        bytes32 noteHash;
    }

    event BreakGlassOpened(
        bytes32 indexed accessId,
        address indexed patient,
        address indexed member,
        address clinician,
        uint16 reasonCode,
        bytes32 justificationHash,
        uint64 expiresAt
    );
    event BreakGlassReviewed(bytes32 indexed accessId, address indexed reviewer, bool justified, bytes32 noteHash);

    error BreakGlassInvalidWindow(uint64 window);
    error BreakGlassUnknownPatient(address patient);
    error BreakGlassInvalidReason();
    error BreakGlassUnknownAccess(bytes32 accessId);
    error BreakGlassNotReviewer(bytes32 accessId, address caller);
    error BreakGlassAlreadyReviewed(bytes32 accessId, ReviewStatus status);
    error BreakGlassSignatureExpired(uint256 deadline);
    error BreakGlassInvalidSigner(address signer, address patient);

    /// @notice Opens emergency access to `patient` for window() seconds. The caller is an active
    /// clinician of a HOSPITAL member. Opening again replaces the caller's previous access to the
    /// same patient (activeAccess reports the latest).
    /// @param patient A pseudonym registered in the IdentityRegistry.
    /// @param reasonCode Non-zero, application-defined (e.g. unconscious patient, life threat).
    /// @param justificationHash Hash of the clinician's off-chain free-text justification.
    /// @return accessId keccak256(abi.encode(clinician, patient, counter)), counter global.
    function open(address patient, uint16 reasonCode, bytes32 justificationHash) external returns (bytes32 accessId);

    /// @notice Records the review of an access, once: by a REGULATOR member or by the patient
    /// itself, while the access runs or after. The patient's review consumes its nonce.
    /// @param noteHash Hash of the reviewer's off-chain note (may be zero).
    function review(bytes32 accessId, bool justified, bytes32 noteHash) external;

    /// @notice Records the patient's review on its EIP-712 signature, relayed by anyone. Type:
    /// Review(bytes32 accessId,bool justified,bytes32 noteHash,uint256 nonce,uint256 deadline)
    /// with nonce = nonces(patient).
    function reviewBySig(bytes32 accessId, bool justified, bytes32 noteHash, uint256 deadline, bytes calldata signature)
        external;

    /// @notice An access; all fields zero for an unknown id.
    function getAccess(bytes32 accessId) external view returns (Access memory);

    /// @notice Whether `accessId` is active now (see the contract NatSpec).
    function isActive(bytes32 accessId) external view returns (bool);

    /// @notice The latest access `accessor` opened to `patient` if it is active now, else zero.
    function activeAccess(address patient, address accessor) external view returns (bytes32 accessId);

    /// @notice activeAccess as of unix time `at` rather than the latest block's timestamp, so that a
    /// gateway ends an access on its own clock even when no block has been sealed since expiry.
    function activeAccessAt(address patient, address accessor, uint64 at) external view returns (bytes32 accessId);

    /// @notice Seconds an access lasts.
    function window() external view returns (uint64);

    /// @notice The nonce the next review by `patient` consumes.
    function nonces(address patient) external view returns (uint256);

    /// @notice The EIP-712 domain separator for signed reviews.
    function domainSeparator() external view returns (bytes32);

    /// @notice The registry whose pseudonyms accesses concern.
    function identityRegistry() external view returns (IIdentityRegistry);
}
