// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title IConsortium
/// @notice Membership and governance of the medchain consortium: organisations (members) with roles,
/// admitted, removed and re-roled by a strict majority vote, and the individuals acting for them.
/// @dev Voting rule: a proposal records the number of active members when it is created (the
/// snapshot). Only members active at creation and still active when they vote may vote, once each;
/// the proposer's yes vote is counted at creation. The proposal passes, and executes in the same
/// transaction, as soon as yes votes * 2 > snapshot; it is rejected as soon as no votes * 2 > snapshot.
/// It is open while block.timestamp < expiresAt = createdAt + proposalLifetime; after that it can
/// no longer be voted on and is reported as Expired. One open proposal per organisation at a time.
interface IConsortium {
    enum ProposalKind {
        Admission,
        Removal,
        RolesChange
    }

    /// @dev Expired is never stored: getProposal reports it for a Pending proposal past its expiry.
    enum ProposalStatus {
        None,
        Pending,
        Executed,
        Rejected,
        Expired
    }

    /// @notice A member organisation. `encryptionPublicKey` is a 33-byte compressed secp256k1 key.
    struct Member {
        string name;
        uint16 roles;
        string gatewayUrl;
        bytes encryptionPublicKey;
        uint64 joinedAt;
        bool active;
    }

    /// @notice A bootstrap member given to the constructor.
    struct MemberInput {
        address org;
        string name;
        uint16 roles;
        string gatewayUrl;
        bytes encryptionPublicKey;
    }

    /// @notice A governance proposal. `name`, `gatewayUrl` and `encryptionPublicKey` are set for an
    /// admission only; `roles` for an admission or a roles change.
    struct Proposal {
        ProposalKind kind;
        ProposalStatus status;
        address proposer;
        address org;
        uint16 roles;
        uint64 createdAt;
        uint64 expiresAt;
        uint32 memberCountSnapshot;
        uint32 yesVotes;
        uint32 noVotes;
        string name;
        string gatewayUrl;
        bytes encryptionPublicKey;
    }

    event MemberAdmitted(
        address indexed org, string name, uint16 roles, string gatewayUrl, bytes encryptionPublicKey
    );
    event MemberRemoved(address indexed org);
    event MemberRolesChanged(address indexed org, uint16 previousRoles, uint16 roles);
    event ProposalCreated(
        uint256 indexed proposalId, ProposalKind kind, address indexed proposer, address indexed org, uint64 expiresAt
    );
    event VoteCast(uint256 indexed proposalId, address indexed voter, bool support, uint32 yesVotes, uint32 noVotes);
    event ProposalExecuted(uint256 indexed proposalId);
    event ProposalRejected(uint256 indexed proposalId);
    event GatewayUpdated(address indexed org, string gatewayUrl);
    event EncryptionKeyRotated(address indexed org, bytes encryptionPublicKey);
    event IndividualRegistered(address indexed org, address indexed account, uint8 kind);
    event IndividualRevoked(address indexed org, address indexed account);

    error ConsortiumNoBootstrapMember();
    error ConsortiumInvalidLifetime(uint64 lifetime);
    error ConsortiumInvalidAccount(address account);
    error ConsortiumInvalidName();
    error ConsortiumInvalidRoles(uint16 roles);
    error ConsortiumInvalidKey(bytes key);
    error ConsortiumNotMember(address account);
    error ConsortiumMissingRole(address account, uint16 role);
    error ConsortiumAlreadyMember(address account);
    error ConsortiumAccountIsIndividual(address account, address org);
    error ConsortiumLastMember(address org);
    error ConsortiumPendingProposal(address org, uint256 proposalId);
    error ConsortiumUnknownProposal(uint256 proposalId);
    error ConsortiumProposalClosed(uint256 proposalId, ProposalStatus status);
    error ConsortiumProposalExpired(uint256 proposalId, uint64 expiredAt);
    error ConsortiumNotEligibleVoter(uint256 proposalId, address account);
    error ConsortiumAlreadyVoted(uint256 proposalId, address voter);
    error ConsortiumInvalidIndividualKind(address org, uint8 kind);
    error ConsortiumIndividualAlreadyRegistered(address account, address org);
    error ConsortiumNotIndividualOwner(address account, address caller);
    error ConsortiumNotIndividual(address account, uint8 kind);

    /// @notice Proposes admitting `org` as a member. The caller's yes vote is counted at once.
    /// @param org The organisation's address; neither a member nor an active individual.
    /// @param name Display name, non-empty.
    /// @param roles Role bits, non-empty and within Roles.ALL_ROLES.
    /// @param gatewayUrl Base URL of the member's gateway; may be empty for a member that serves nothing.
    /// @param encryptionPublicKey 33-byte compressed secp256k1 key on the curve.
    /// @return proposalId The new proposal's id (ids start at 1).
    function proposeAdmission(
        address org,
        string calldata name,
        uint16 roles,
        string calldata gatewayUrl,
        bytes calldata encryptionPublicKey
    ) external returns (uint256 proposalId);

    /// @notice Proposes removing member `org`. Reverts ConsortiumLastMember if it is the only member.
    /// @dev A removed member loses its vote, and its individuals stop counting as active.
    function proposeRemoval(address org) external returns (uint256 proposalId);

    /// @notice Proposes replacing the roles of member `org` with `roles`.
    function proposeRolesChange(address org, uint16 roles) external returns (uint256 proposalId);

    /// @notice Votes on an open proposal; executes or rejects it once a strict majority of its
    /// snapshot is reached. See the voting rule in the contract documentation.
    function vote(uint256 proposalId, bool support) external;

    /// @notice Sets the caller's (a member's) gateway URL.
    function updateGateway(string calldata gatewayUrl) external;

    /// @notice Replaces the caller's (a member's) encryption public key (33-byte compressed secp256k1).
    function rotateEncryptionKey(bytes calldata encryptionPublicKey) external;

    /// @notice Registers `account` as an individual of `kind` acting for the calling member.
    /// Clinicians need a HOSPITAL member, researchers a RESEARCH member, technicians a HOSPITAL or
    /// MANUFACTURER member.
    function registerIndividual(address account, uint8 kind) external;

    /// @notice Revokes an individual the caller registered.
    function revokeIndividual(address account) external;

    /// @notice Whether `account` is an active member.
    function isMember(address account) external view returns (bool);

    /// @notice Whether `org` is an active member holding every bit of `role` (false for role 0).
    function hasRole(address org, uint16 role) external view returns (bool);

    /// @notice The member `account` acts for: itself for a member, its member for an active
    /// individual, else the zero address.
    function memberOf(address account) external view returns (address org);

    /// @notice The kind of an active individual, else IndividualKinds.NONE (0). An individual is
    /// active while its member is active, has not been removed since the registration, and still
    /// holds a role allowing that kind.
    function individualKind(address account) external view returns (uint8 kind);

    /// @notice A member's record; `active` is false for a removed or unknown organisation.
    function getMember(address org) external view returns (Member memory);

    /// @notice A proposal; reverts ConsortiumUnknownProposal for an unknown id.
    function getProposal(uint256 proposalId) external view returns (Proposal memory);

    /// @notice Whether `account` has voted on `proposalId`.
    function hasVoted(uint256 proposalId, address account) external view returns (bool);

    /// @notice How many proposals were ever created; the latest id.
    function proposalCount() external view returns (uint256);

    /// @notice Seconds a proposal stays open.
    function proposalLifetime() external view returns (uint64);

    /// @notice Number of active members.
    function memberCount() external view returns (uint256);

    /// @notice Addresses of the active members; order is unspecified and changes on removal.
    function members() external view returns (address[] memory);
}
