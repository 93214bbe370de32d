// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title Purposes
/// @notice Purposes of use a consent allows, as a uint16 bitmask; an access states one or more.
/// @dev The compile script exports these constants to TypeScript (`purposes` in contracts/generated).
library Purposes {
    uint16 internal constant TREATMENT = 1;
    uint16 internal constant EMERGENCY = 2;
    uint16 internal constant RESEARCH = 4;
    uint16 internal constant PAYMENT = 8;
    uint16 internal constant OPERATIONS = 16;
    uint16 internal constant PUBLIC_HEALTH = 32;
    uint16 internal constant ALL = TREATMENT | EMERGENCY | RESEARCH | PAYMENT | OPERATIONS | PUBLIC_HEALTH;

    /// @notice Whether `purposes` is a non-empty set of known purpose bits.
    function isValid(uint16 purposes) internal pure returns (bool) {
        return purposes != 0 && purposes & ~ALL == 0;
    }
}
