// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title AccessDecisions
/// @notice Outcome of a consent check: ALLOWED, or the reason access is refused. Gateways record
/// the same codes in the access log (AccessLog entries' `decision`).
/// @dev The compile script exports these constants to TypeScript (`accessDecisions`).
library AccessDecisions {
    /// @dev A consent covers the accessor, the purpose and the resource now.
    uint8 internal constant ALLOWED = 0;
    /// @dev No consent of the patient names the accessor or its member.
    uint8 internal constant NO_CONSENT = 1;
    /// @dev The consent was revoked.
    uint8 internal constant REVOKED = 2;
    /// @dev The consent's start lies in the future.
    uint8 internal constant NOT_STARTED = 3;
    /// @dev The consent expired (block.timestamp >= expiry).
    uint8 internal constant EXPIRED = 4;
    /// @dev The consent does not allow every purpose asked for.
    uint8 internal constant WRONG_PURPOSE = 5;
    /// @dev Neither the resource type nor the record id is in the consent's scope.
    uint8 internal constant OUT_OF_SCOPE = 6;
    /// @dev The grantee, or the accessor's member, is no longer an active member or individual.
    uint8 internal constant GRANTEE_NOT_MEMBER = 7;
}
