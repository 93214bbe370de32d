// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title MerkleProof
/// @notice Verification of inclusion proofs in Merkle trees built like OpenZeppelin's
/// StandardMerkleTree (the openzeppelin/merkle-tree package) and the buildMerkleTree of medchain's
/// crypto package.
/// @dev Inner nodes hash their children in sorted order (commutative keccak256), so a proof is just
/// the sibling hashes from the leaf up, with no left/right flags. Callers hash leaves as
/// keccak256(bytes.concat(keccak256(abi.encode(...fields)))): the double hash keeps a 64-byte leaf
/// from passing for an inner node. Same results as OpenZeppelin's MerkleProof.verifyCalldata.
library MerkleProof {
    /// @notice Whether `proof` proves that `leaf` is in the tree of `root`.
    function verifyCalldata(bytes32[] calldata proof, bytes32 root, bytes32 leaf) internal pure returns (bool) {
        return processProofCalldata(proof, leaf) == root;
    }

    /// @notice The root obtained by hashing `leaf` up through the siblings in `proof`.
    function processProofCalldata(bytes32[] calldata proof, bytes32 leaf) internal pure returns (bytes32 node) {
        node = leaf;
        for (uint256 i; i < proof.length; ++i) {
            node = _hashPair(node, proof[i]);
        }
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
