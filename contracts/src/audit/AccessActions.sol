// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title AccessActions
/// @notice What an access-log entry records a gateway doing (AccessLog entries' `action`).
/// @dev The compile script exports these constants to TypeScript (`accessActions`).
library AccessActions {
    uint8 internal constant READ = 1;
    uint8 internal constant WRITE = 2;
    /// @dev A request the gateway refused; the entry's `decision` says why.
    uint8 internal constant REFUSE = 3;
    uint8 internal constant EXPORT = 4;
    uint8 internal constant ERASE = 5;
    uint8 internal constant SEARCH = 6;
}
