// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IConsortium} from "./IConsortium.sol";
import {Roles, IndividualKinds} from "./Roles.sol";
import {PublicKeys} from "../utils/PublicKeys.sol";

/// @title Consortium
/// @notice Membership, majority-vote governance and individuals of the medchain consortium.
/// @dev See IConsortium for the voting rule. Individuals are not enumerated on removal: each
/// admission starts a new tenure of the organisation, and an individual counts only while it was
/// registered in the member's current tenure.
contract Consortium is IConsortium {
    struct Individual {
        address org;
        uint32 tenure;
        uint8 kind;
    }

    uint64 private immutable _proposalLifetime;

    mapping(address org => Member) private _members;
    mapping(address org => uint32) private _tenures;
    /// @dev Lowest proposal id a member may vote on: the first one created after its admission.
    mapping(address org => uint256) private _votesFrom;
    address[] private _memberList;
    mapping(address org => uint256) private _memberListPosition;

    mapping(address account => Individual) private _individuals;

    uint256 private _proposalCount;
    mapping(uint256 proposalId => Proposal) private _proposals;
    mapping(uint256 proposalId => mapping(address voter => bool)) private _voted;
    mapping(address org => uint256 proposalId) private _latestProposalOf;

    /// @param bootstrap The founding members, admitted without a vote.
    /// @param proposalLifetime_ Seconds a proposal stays open, from 1 to 2^32 - 1.
    constructor(MemberInput[] memory bootstrap, uint64 proposalLifetime_) {
        if (bootstrap.length == 0) revert ConsortiumNoBootstrapMember();
        if (proposalLifetime_ == 0 || proposalLifetime_ > type(uint32).max) {
            revert ConsortiumInvalidLifetime(proposalLifetime_);
        }
        _proposalLifetime = proposalLifetime_;
        for (uint256 i; i < bootstrap.length; ++i) {
            MemberInput memory m = bootstrap[i];
            _requireAdmissible(m.org);
            _requireValidProfile(m.name, m.roles, m.encryptionPublicKey);
            _admit(m.org, m.name, m.roles, m.gatewayUrl, m.encryptionPublicKey);
        }
    }

    function proposeAdmission(
        address org,
        string calldata name,
        uint16 roles,
        string calldata gatewayUrl,
        bytes calldata encryptionPublicKey
    ) external returns (uint256 proposalId) {
        _requireMember(msg.sender);
        _requireAdmissible(org);
        _requireValidProfile(name, roles, encryptionPublicKey);
        Proposal storage p;
        (proposalId, p) = _open(ProposalKind.Admission, org, roles);
        p.name = name;
        p.gatewayUrl = gatewayUrl;
        p.encryptionPublicKey = encryptionPublicKey;
        _castVote(proposalId, p, true);
    }

    function proposeRemoval(address org) external returns (uint256 proposalId) {
        _requireMember(msg.sender);
        _requireMember(org);
        if (_memberList.length == 1) revert ConsortiumLastMember(org);
        Proposal storage p;
        (proposalId, p) = _open(ProposalKind.Removal, org, 0);
        _castVote(proposalId, p, true);
    }

    function proposeRolesChange(address org, uint16 roles) external returns (uint256 proposalId) {
        _requireMember(msg.sender);
        _requireMember(org);
        if (!Roles.isValid(roles)) revert ConsortiumInvalidRoles(roles);
        Proposal storage p;
        (proposalId, p) = _open(ProposalKind.RolesChange, org, roles);
        _castVote(proposalId, p, true);
    }

    function vote(uint256 proposalId, bool support) external {
        _requireMember(msg.sender);
        Proposal storage p = _openProposal(proposalId);
        if (_votesFrom[msg.sender] > proposalId) revert ConsortiumNotEligibleVoter(proposalId, msg.sender);
        if (_voted[proposalId][msg.sender]) revert ConsortiumAlreadyVoted(proposalId, msg.sender);
        _castVote(proposalId, p, support);
    }

    function updateGateway(string calldata gatewayUrl) external {
        _requireMember(msg.sender);
        _members[msg.sender].gatewayUrl = gatewayUrl;
        emit GatewayUpdated(msg.sender, gatewayUrl);
    }

    function rotateEncryptionKey(bytes calldata encryptionPublicKey) external {
        _requireMember(msg.sender);
        if (!PublicKeys.isCompressedSecp256k1(encryptionPublicKey)) revert ConsortiumInvalidKey(encryptionPublicKey);
        _members[msg.sender].encryptionPublicKey = encryptionPublicKey;
        emit EncryptionKeyRotated(msg.sender, encryptionPublicKey);
    }

    function registerIndividual(address account, uint8 kind) external {
        _requireMember(msg.sender);
        if (_members[msg.sender].roles & IndividualKinds.allowedUnder(kind) == 0) {
            revert ConsortiumInvalidIndividualKind(msg.sender, kind);
        }
        if (account == address(0)) revert ConsortiumInvalidAccount(account);
        if (_members[account].active) revert ConsortiumAlreadyMember(account);
        (address current,) = _activeIndividual(account);
        if (current != address(0)) revert ConsortiumIndividualAlreadyRegistered(account, current);
        _individuals[account] = Individual({org: msg.sender, tenure: _tenures[msg.sender], kind: kind});
        emit IndividualRegistered(msg.sender, account, kind);
    }

    function revokeIndividual(address account) external {
        _requireMember(msg.sender);
        Individual storage individual = _individuals[account];
        if (individual.org != msg.sender || individual.tenure != _tenures[msg.sender]) {
            revert ConsortiumNotIndividualOwner(account, msg.sender);
        }
        delete _individuals[account];
        emit IndividualRevoked(msg.sender, account);
    }

    function isMember(address account) external view returns (bool) {
        return _members[account].active;
    }

    function hasRole(address org, uint16 role) external view returns (bool) {
        Member storage m = _members[org];
        return role != 0 && m.active && m.roles & role == role;
    }

    function memberOf(address account) external view returns (address org) {
        if (_members[account].active) return account;
        (org,) = _activeIndividual(account);
    }

    function individualKind(address account) external view returns (uint8 kind) {
        (, kind) = _activeIndividual(account);
    }

    function getMember(address org) external view returns (Member memory) {
        return _members[org];
    }

    function getProposal(uint256 proposalId) external view returns (Proposal memory proposal) {
        if (proposalId == 0 || proposalId > _proposalCount) revert ConsortiumUnknownProposal(proposalId);
        proposal = _proposals[proposalId];
        if (proposal.status == ProposalStatus.Pending && block.timestamp >= proposal.expiresAt) {
            proposal.status = ProposalStatus.Expired;
        }
    }

    function hasVoted(uint256 proposalId, address account) external view returns (bool) {
        return _voted[proposalId][account];
    }

    function proposalCount() external view returns (uint256) {
        return _proposalCount;
    }

    function proposalLifetime() external view returns (uint64) {
        return _proposalLifetime;
    }

    function memberCount() external view returns (uint256) {
        return _memberList.length;
    }

    function members() external view returns (address[] memory) {
        return _memberList;
    }

    function _open(ProposalKind kind, address org, uint16 roles) private returns (uint256 id, Proposal storage p) {
        uint256 latest = _latestProposalOf[org];
        if (latest != 0) {
            Proposal storage previous = _proposals[latest];
            if (previous.status == ProposalStatus.Pending && block.timestamp < previous.expiresAt) {
                revert ConsortiumPendingProposal(org, latest);
            }
        }
        id = ++_proposalCount;
        _latestProposalOf[org] = id;
        p = _proposals[id];
        p.kind = kind;
        p.status = ProposalStatus.Pending;
        p.proposer = msg.sender;
        p.org = org;
        p.roles = roles;
        p.createdAt = uint64(block.timestamp);
        p.expiresAt = uint64(block.timestamp) + _proposalLifetime;
        p.memberCountSnapshot = uint32(_memberList.length);
        emit ProposalCreated(id, kind, msg.sender, org, p.expiresAt);
    }

    function _openProposal(uint256 proposalId) private view returns (Proposal storage p) {
        if (proposalId == 0 || proposalId > _proposalCount) revert ConsortiumUnknownProposal(proposalId);
        p = _proposals[proposalId];
        if (p.status != ProposalStatus.Pending) revert ConsortiumProposalClosed(proposalId, p.status);
        if (block.timestamp >= p.expiresAt) revert ConsortiumProposalExpired(proposalId, p.expiresAt);
    }

    /// @dev Records msg.sender's vote, then executes or rejects the proposal once a strict majority
    /// of its snapshot agrees.
    function _castVote(uint256 proposalId, Proposal storage p, bool support) private {
        _voted[proposalId][msg.sender] = true;
        if (support) ++p.yesVotes;
        else ++p.noVotes;
        emit VoteCast(proposalId, msg.sender, support, p.yesVotes, p.noVotes);
        if (uint256(p.yesVotes) * 2 > p.memberCountSnapshot) {
            p.status = ProposalStatus.Executed;
            _execute(p);
            emit ProposalExecuted(proposalId);
        } else if (uint256(p.noVotes) * 2 > p.memberCountSnapshot) {
            p.status = ProposalStatus.Rejected;
            emit ProposalRejected(proposalId);
        }
    }

    /// @dev One open proposal per organisation means the target's state cannot have been changed by
    /// another proposal since this one was created; only individuals and the member count can have.
    function _execute(Proposal storage p) private {
        address org = p.org;
        if (p.kind == ProposalKind.Admission) {
            _requireAdmissible(org);
            _admit(org, p.name, p.roles, p.gatewayUrl, p.encryptionPublicKey);
        } else if (p.kind == ProposalKind.Removal) {
            _remove(org);
        } else {
            uint16 previousRoles = _members[org].roles;
            _members[org].roles = p.roles;
            emit MemberRolesChanged(org, previousRoles, p.roles);
        }
    }

    function _admit(address org, string memory name, uint16 roles, string memory gatewayUrl, bytes memory key)
        private
    {
        _members[org] = Member({
            name: name,
            roles: roles,
            gatewayUrl: gatewayUrl,
            encryptionPublicKey: key,
            joinedAt: uint64(block.timestamp),
            active: true
        });
        ++_tenures[org];
        _votesFrom[org] = _proposalCount + 1;
        _memberList.push(org);
        _memberListPosition[org] = _memberList.length;
        emit MemberAdmitted(org, name, roles, gatewayUrl, key);
    }

    function _remove(address org) private {
        uint256 count = _memberList.length;
        if (count == 1) revert ConsortiumLastMember(org);
        _members[org].active = false;
        uint256 index = _memberListPosition[org] - 1;
        address last = _memberList[count - 1];
        _memberList[index] = last;
        _memberListPosition[last] = index + 1;
        _memberList.pop();
        delete _memberListPosition[org];
        emit MemberRemoved(org);
    }

    /// @dev An individual is active while its member is active, in the tenure it was registered in,
    /// and still holds a role allowing its kind.
    function _activeIndividual(address account) private view returns (address org, uint8 kind) {
        Individual storage individual = _individuals[account];
        org = individual.org;
        if (org == address(0)) return (address(0), IndividualKinds.NONE);
        Member storage m = _members[org];
        if (
            !m.active || individual.tenure != _tenures[org]
                || m.roles & IndividualKinds.allowedUnder(individual.kind) == 0
        ) return (address(0), IndividualKinds.NONE);
        kind = individual.kind;
    }

    function _requireMember(address account) private view {
        if (!_members[account].active) revert ConsortiumNotMember(account);
    }

    function _requireAdmissible(address org) private view {
        if (org == address(0)) revert ConsortiumInvalidAccount(org);
        if (_members[org].active) revert ConsortiumAlreadyMember(org);
        (address individualOrg,) = _activeIndividual(org);
        if (individualOrg != address(0)) revert ConsortiumAccountIsIndividual(org, individualOrg);
    }

    function _requireValidProfile(string memory name, uint16 roles, bytes memory key) private view {
        if (bytes(name).length == 0) revert ConsortiumInvalidName();
        if (!Roles.isValid(roles)) revert ConsortiumInvalidRoles(roles);
        if (!PublicKeys.isCompressedSecp256k1(key)) revert ConsortiumInvalidKey(key);
    }
}
