// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IConsortium} from "./IConsortium.sol";

/// @title ConsortiumGated
/// @notice Base of every contract whose callers are consortium members or their individuals, so
/// that all of them check roles the same way and revert with the consortium's errors.
abstract contract ConsortiumGated {
    IConsortium private immutable _consortium;

    constructor(IConsortium consortium_) {
        if (address(consortium_) == address(0)) revert IConsortium.ConsortiumInvalidAccount(address(0));
        _consortium = consortium_;
    }

    /// @notice The consortium this contract takes its members and roles from.
    function consortium() public view returns (IConsortium) {
        return _consortium;
    }

    /// @dev Reverts unless `account` is an active member holding every bit of `role`.
    function _requireMemberWithRole(address account, uint16 role) internal view {
        if (!_consortium.isMember(account)) revert IConsortium.ConsortiumNotMember(account);
        if (!_consortium.hasRole(account, role)) revert IConsortium.ConsortiumMissingRole(account, role);
    }

    /// @dev Reverts unless `account` is an active individual of `kind` whose member holds every bit
    /// of `role`; returns that member.
    function _requireIndividualOf(address account, uint8 kind, uint16 role) internal view returns (address org) {
        if (_consortium.individualKind(account) != kind) revert IConsortium.ConsortiumNotIndividual(account, kind);
        org = _consortium.memberOf(account);
        if (!_consortium.hasRole(org, role)) revert IConsortium.ConsortiumMissingRole(org, role);
    }

    /// @dev The member `account` acts for: `account` itself if it is a member with `role`, else the
    /// member of which it is an individual of `kind`, holding `role`. Reverts with ConsortiumNotMember
    /// for an account that is neither a member nor an individual.
    function _requireActingFor(address account, uint16 role, uint8 kind) internal view returns (address org) {
        org = _consortium.memberOf(account);
        if (org == address(0)) revert IConsortium.ConsortiumNotMember(account);
        if (org == account) _requireMemberWithRole(account, role);
        else org = _requireIndividualOf(account, kind, role);
    }
}
