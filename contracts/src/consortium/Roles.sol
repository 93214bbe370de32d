// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title Roles
/// @notice Role bits a consortium member holds, as a uint16 bitmask. A member may hold several.
/// @dev The compile script exports these constants to TypeScript (`roles` in contracts/generated).
library Roles {
    uint16 internal constant HOSPITAL = 1;
    uint16 internal constant RESEARCH = 2;
    uint16 internal constant REGULATOR = 4;
    uint16 internal constant MANUFACTURER = 8;
    uint16 internal constant DISTRIBUTOR = 16;
    uint16 internal constant PHARMACY = 32;
    uint16 internal constant ALL_ROLES = HOSPITAL | RESEARCH | REGULATOR | MANUFACTURER | DISTRIBUTOR | PHARMACY;

    /// @notice Whether `roles` is a non-empty set of known role bits.
    function isValid(uint16 roles) internal pure returns (bool) {
        return roles != 0 && roles & ~ALL_ROLES == 0;
    }
}

/// @title IndividualKinds
/// @notice Kinds of individuals (people with their own key) acting for a member.
/// @dev NONE marks an account that is not an active individual.
library IndividualKinds {
    uint8 internal constant NONE = 0;
    uint8 internal constant CLINICIAN = 1;
    uint8 internal constant RESEARCHER = 2;
    uint8 internal constant TECHNICIAN = 3;

    /// @notice The roles of which a member needs at least one to register an individual of `kind`;
    /// zero for an unknown kind.
    function allowedUnder(uint8 kind) internal pure returns (uint16) {
        if (kind == CLINICIAN) return Roles.HOSPITAL;
        if (kind == RESEARCHER) return Roles.RESEARCH;
        if (kind == TECHNICIAN) return Roles.HOSPITAL | Roles.MANUFACTURER;
        return 0;
    }
}
