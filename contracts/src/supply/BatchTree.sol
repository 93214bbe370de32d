// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title BatchTree
/// @notice The Merkle root of a batch of units (a pallet), computed on chain from its serials so
/// that the root and the serials a commissioning event lists can never disagree.
/// @dev Leaves keep their order (no sorting, unlike the records' StandardMerkleTree): leaf i is
/// keccak256(bytes.concat(unitId_i)) with unitId = keccak256(abi.encode(uint64 gtin, bytes32 serial)).
/// Each level hashes pairs (2k, 2k+1) with the sorted-pair keccak256 of MerkleProof, and an odd
/// last node moves up unchanged, so MerkleProof.verifyCalldata checks a unit's proof (its siblings
/// from the leaf up, skipping levels where it had none). The SDK builds the same tree.
library BatchTree {
    /// @notice The leaf of a unit in a batch tree.
    function leafOf(bytes32 unitId) internal pure returns (bytes32) {
        return keccak256(bytes.concat(unitId));
    }

    /// @notice The root of `leaves` (overwritten: the array is used as scratch space).
    function root(bytes32[] memory leaves) internal pure returns (bytes32) {
        uint256 n = leaves.length;
        while (n > 1) {
            uint256 half = n / 2;
            for (uint256 i; i < half; ++i) {
                leaves[i] = _hashPair(leaves[2 * i], leaves[2 * i + 1]);
            }
            if (n % 2 == 1) {
                leaves[half] = leaves[n - 1];
                n = half + 1;
            } else {
                n = half;
            }
        }
        return leaves[0];
    }

    function _hashPair(bytes32 a, bytes32 b) private pure returns (bytes32 hash) {
        (bytes32 low, bytes32 high) = a < b ? (a, b) : (b, a);
        assembly ("memory-safe") {
            mstore(0x00, low)
            mstore(0x20, high)
            hash := keccak256(0x00, 0x40)
        }
    }
}
