// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

/// @title IGroth16Verifier
/// @notice The verifiers snarkjs exports for the enrollment circuits (contracts/src/research/verifiers).
/// Public signals: class commitment (0 outside verified mode), attested commitment, study hash,
/// nullifier, submitting account. Each carries the SHA-256 of the ceremony transcript that made its key.
interface IGroth16Verifier {
    function TRANSCRIPT_HASH() external view returns (bytes32);

    function verifyProof(
        uint256[2] calldata pA,
        uint256[2][2] calldata pB,
        uint256[2] calldata pC,
        uint256[5] calldata pubSignals
    ) external view returns (bool);
}

/// @title IStudyRegistry
/// @notice Private research screening (docs: research-protocol.md). Hospitals attest Poseidon
/// commitments to a patient's measured indicators; research institutions publish studies whose
/// parameters are hashed into one field element; a patient enrolls by proving with a Groth16
/// zk-SNARK that their attested data meets the study's requirements, without revealing it; the
/// patient then records the hash of their encrypted classification, and the institution
/// acknowledges receiving it. The chain holds only commitments, hashes, nullifiers and pseudonyms.
interface IStudyRegistry {
    struct Attestation {
        address attester;
        address patient;
        uint64 attestedAt;
    }

    struct Study {
        address institution;
        uint8 circuit;
        IGroth16Verifier verifier;
        uint256 studyHash;
        bytes32 documentHash;
        uint32 capacity;
        uint32 enrolled;
        uint64 deadline;
    }

    struct Enrollment {
        address submitter;
        uint64 enrolledAt;
        uint256 classCommitment;
        bytes32 resultHash;
        bool acknowledged;
    }

    event Attested(uint256 indexed commitment, address indexed attester, address indexed patient);
    event StudyPublished(
        uint256 indexed studyId, address indexed institution, uint8 circuit, uint256 studyHash, bytes32 documentHash, uint32 capacity, uint64 deadline
    );
    event Enrolled(uint256 indexed studyId, uint256 indexed nullifier, address submitter, uint256 classCommitment);
    event ResultSubmitted(uint256 indexed studyId, uint256 indexed nullifier, bytes32 resultHash);
    event ResultAcknowledged(uint256 indexed studyId, uint256 indexed nullifier, bytes32 resultHash);
    event VerifierInstalled(uint8 indexed circuit, address verifier, bytes32 transcriptHash);

    error StudyInvalidCommitment();
    error StudyAlreadyAttested(uint256 commitment);
    error StudyInvalidParameters();
    error StudyUnknownCircuit(uint8 circuit);
    error StudyAlreadyExists(uint256 studyId);
    error StudyUnknown(uint256 studyId);
    error StudyClosed(uint256 studyId, uint64 deadline);
    error StudyFull(uint256 studyId, uint32 capacity);
    error StudyUnknownCommitment(uint256 commitment);
    error StudyNullifierUsed(uint256 nullifier);
    error StudyInvalidProof();
    error StudyUnknownEnrollment(uint256 studyId, uint256 nullifier);
    error StudyNotSubmitter(address caller);
    error StudyResultAlreadySubmitted(uint256 studyId, uint256 nullifier);
    error StudyNoResult(uint256 studyId, uint256 nullifier);
    error StudyNotInstitution(address caller);
    error StudyAlreadyAcknowledged(uint256 studyId, uint256 nullifier);

    /// @notice Anchors the commitment C = Poseidon(root, measuredAt, salt, Poseidon(secret)) to a
    /// patient's measured indicators. The caller is a HOSPITAL member or one of its clinicians.
    function attest(uint256 commitment, address patient) external;

    /// @notice Publishes a study. The caller is a RESEARCH member or one of its researchers, and
    /// becomes the study's institution. `studyHash` is the Poseidon hash of the parameters the
    /// circuit checks; `documentHash` the SHA-256 of the full study document kept off chain. The
    /// study uses the verifier installed for `circuit` now, even if a later ceremony replaces it.
    function publish(uint256 studyId, uint8 circuit, uint256 studyHash, bytes32 documentHash, uint32 capacity, uint64 deadline) external;

    /// @notice Enrolls the holder of an attested commitment: checks the deadline, the capacity, the
    /// commitment, the nullifier (one enrollment per patient and study) and the proof, whose
    /// public inputs bind the caller as the only account that may submit the result.
    function enroll(
        uint256 studyId,
        uint256 commitment,
        uint256 nullifier,
        uint256 classCommitment,
        uint256[2] calldata pA,
        uint256[2][2] calldata pB,
        uint256[2] calldata pC
    ) external;

    /// @notice Records the SHA-256 of the enrolled holder's encrypted result; once, by the submitter.
    function submitResult(uint256 studyId, uint256 nullifier, bytes32 resultHash) external;

    /// @notice The institution confirms it received the result whose hash is on chain; closes the share.
    function acknowledge(uint256 studyId, uint256 nullifier) external;

    /// @notice Installs the verifier a ceremony produced for `circuit`, recording the transcript
    /// hash it carries. The caller is a REGULATOR member. Running studies keep their verifier.
    function installVerifier(uint8 circuit, IGroth16Verifier verifier) external;

    function attestation(uint256 commitment) external view returns (Attestation memory);
    function study(uint256 studyId) external view returns (Study memory);
    function enrollment(uint256 studyId, uint256 nullifier) external view returns (Enrollment memory);
    function verifierOf(uint8 circuit) external view returns (IGroth16Verifier verifier, bytes32 transcriptHash);
}
