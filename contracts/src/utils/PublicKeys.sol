// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title PublicKeys
/// @notice Validation of the encryption public keys stored on chain.
library PublicKeys {
    /// @dev secp256k1 field prime.
    uint256 private constant _P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;

    /// @notice Whether `key` is a 33-byte compressed secp256k1 point: prefix 0x02 or 0x03 and an x
    /// coordinate on the curve. Checking the curve keeps an unusable key from being published, since
    /// every key stored here is one that others will encrypt data keys to (ECIES).
    function isCompressedSecp256k1(bytes memory key) internal view returns (bool) {
        if (key.length != 33 || (key[0] != 0x02 && key[0] != 0x03)) return false;
        uint256 x;
        assembly ("memory-safe") {
            x := mload(add(key, 33))
        }
        if (x >= _P) return false;
        return _isQuadraticResidue(addmod(mulmod(mulmod(x, x, _P), x, _P), 7, _P));
    }

    /// @dev Euler's criterion: a^((p-1)/2) == 1 mod p, computed with the modexp precompile (0x05).
    function _isQuadraticResidue(uint256 a) private view returns (bool) {
        (bool ok, bytes memory result) =
            address(0x05).staticcall(abi.encodePacked(uint256(32), uint256(32), uint256(32), a, (_P - 1) / 2, _P));
        return ok && result.length == 32 && abi.decode(result, (uint256)) == 1;
    }
}
