// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IIdentityRegistry} from "./IIdentityRegistry.sol";
import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {Roles, IndividualKinds} from "../consortium/Roles.sol";
import {PublicKeys} from "../utils/PublicKeys.sol";
import {ECDSA} from "../utils/ECDSA.sol";
import {EIP712} from "../utils/EIP712.sol";

/// @title IdentityRegistry
/// @notice Patient pseudonyms and their encryption keys; see IIdentityRegistry.
contract IdentityRegistry is IIdentityRegistry, ConsortiumGated, EIP712 {
    bytes32 private constant _ROTATE_KEY_TYPEHASH =
        keccak256("RotateKey(address pseudonym,bytes32 newKeyHash,uint256 nonce,uint256 deadline)");

    mapping(address pseudonym => Patient) private _patients;
    mapping(address pseudonym => uint256) private _nonces;

    constructor(IConsortium consortium_) ConsortiumGated(consortium_) EIP712("medchain IdentityRegistry", "1") {}

    function registerPatient(address pseudonym, bytes calldata encryptionPublicKey) external {
        address registrar = _requireActingFor(msg.sender, Roles.HOSPITAL, IndividualKinds.CLINICIAN);
        if (pseudonym == address(0)) revert IdentityInvalidPseudonym(pseudonym);
        if (_patients[pseudonym].keyVersion != 0) revert IdentityAlreadyRegistered(pseudonym);
        _requireValidKey(encryptionPublicKey);
        _patients[pseudonym] = Patient({
            encryptionPublicKey: encryptionPublicKey,
            registrar: registrar,
            registeredAt: uint64(block.timestamp),
            keyVersion: 1
        });
        emit PatientRegistered(pseudonym, registrar, encryptionPublicKey);
    }

    function rotatePatientKey(bytes calldata newKey) external {
        _rotate(msg.sender, newKey);
    }

    function rotatePatientKeyBySig(address pseudonym, bytes calldata newKey, uint256 deadline, bytes calldata signature)
        external
    {
        if (block.timestamp > deadline) revert IdentitySignatureExpired(deadline);
        bytes32 structHash =
            keccak256(abi.encode(_ROTATE_KEY_TYPEHASH, pseudonym, keccak256(newKey), _nonces[pseudonym], deadline));
        address signer = ECDSA.recover(_hashTypedData(structHash), signature);
        if (signer != pseudonym) revert IdentityInvalidSigner(signer, pseudonym);
        _rotate(pseudonym, newKey);
    }

    function getPatient(address pseudonym) external view returns (Patient memory) {
        return _patients[pseudonym];
    }

    function isPatient(address pseudonym) external view returns (bool) {
        return _patients[pseudonym].keyVersion != 0;
    }

    function nonces(address pseudonym) external view returns (uint256) {
        return _nonces[pseudonym];
    }

    function domainSeparator() external view returns (bytes32) {
        return _domainSeparator();
    }

    function _rotate(address pseudonym, bytes calldata newKey) private {
        Patient storage patient = _patients[pseudonym];
        if (patient.keyVersion == 0) revert IdentityUnknownPatient(pseudonym);
        _requireValidKey(newKey);
        ++_nonces[pseudonym];
        patient.encryptionPublicKey = newKey;
        uint32 keyVersion = ++patient.keyVersion;
        emit PatientKeyRotated(pseudonym, keyVersion, newKey);
    }

    function _requireValidKey(bytes calldata key) private view {
        if (!PublicKeys.isCompressedSecp256k1(key)) revert IdentityInvalidKey(key);
    }
}
