// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title IIdentityRegistry
/// @notice Patient pseudonyms and their encryption public keys. A hospital checks a patient's
/// identity off chain and registers a pseudonym; the chain holds nothing identifying: only the
/// pseudonym address, its 33-byte compressed secp256k1 key, the registering member, the time and a
/// key version. A patient may hold several pseudonyms; the registry never links them.
interface IIdentityRegistry {
    struct Patient {
        bytes encryptionPublicKey;
        address registrar;
        uint64 registeredAt;
        uint32 keyVersion;
    }

    event PatientRegistered(address indexed pseudonym, address indexed registrar, bytes encryptionPublicKey);
    event PatientKeyRotated(address indexed pseudonym, uint32 keyVersion, bytes encryptionPublicKey);

    error IdentityInvalidPseudonym(address pseudonym);
    error IdentityAlreadyRegistered(address pseudonym);
    error IdentityUnknownPatient(address pseudonym);
    error IdentityInvalidKey(bytes key);
    error IdentitySignatureExpired(uint256 deadline);
    error IdentityInvalidSigner(address signer, address pseudonym);

    /// @notice Registers `pseudonym` with its encryption key (key version 1). The caller is a
    /// HOSPITAL member or a clinician of one; the member is recorded as the registrar.
    /// @param pseudonym The patient's pseudonym address, not yet registered.
    /// @param encryptionPublicKey 33-byte compressed secp256k1 key on the curve.
    function registerPatient(address pseudonym, bytes calldata encryptionPublicKey) external;

    /// @notice Replaces the caller's (a registered pseudonym's) key and bumps its key version.
    /// @dev Also consumes the pseudonym's nonce, so that a signed rotation not yet relayed cannot
    /// undo this one.
    function rotatePatientKey(bytes calldata newKey) external;

    /// @notice Replaces `pseudonym`'s key on its EIP-712 signature, relayed by anyone so that the
    /// patient needs no gas. Domain: name "medchain IdentityRegistry", version "1", the chain id and
    /// this contract. Type: RotateKey(address pseudonym,bytes32 newKeyHash,uint256 nonce,uint256 deadline)
    /// with newKeyHash = keccak256(newKey) and nonce = nonces(pseudonym).
    /// @param deadline Last timestamp (inclusive) at which the signature is accepted.
    /// @param signature 65-byte (r, s, v) signature, low s, v in {27, 28}.
    function rotatePatientKeyBySig(address pseudonym, bytes calldata newKey, uint256 deadline, bytes calldata signature)
        external;

    /// @notice A pseudonym's record; all fields are zero for an unknown pseudonym.
    function getPatient(address pseudonym) external view returns (Patient memory);

    /// @notice Whether `pseudonym` is registered.
    function isPatient(address pseudonym) external view returns (bool);

    /// @notice The nonce the next signed key rotation of `pseudonym` must carry.
    function nonces(address pseudonym) external view returns (uint256);

    /// @notice The EIP-712 domain separator for signed key rotations.
    function domainSeparator() external view returns (bytes32);
}
