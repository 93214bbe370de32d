// SPDX-License-Identifier: GPL-3.0-or-later
pragma solidity ^0.8.24;

import {IConsortium} from "../consortium/IConsortium.sol";
import {ConsortiumGated} from "../consortium/ConsortiumGated.sol";
import {Roles, IndividualKinds} from "../consortium/Roles.sol";
import {IGroth16Verifier, IStudyRegistry} from "./IStudyRegistry.sol";

/// @title StudyRegistry
/// @notice See {IStudyRegistry}.
contract StudyRegistry is IStudyRegistry, ConsortiumGated {
    /// @dev Field order of BN254: every public signal must be below it.
    uint256 private constant SNARK_FIELD = 21888242871839275222246405745257275088548364400416034343698204186575808495617;
    /// @dev Circuit ids: 0 enroll8, 1 enroll32, 2 verified8, 3 verified32.
    uint8 private constant CIRCUIT_COUNT = 4;

    mapping(uint256 commitment => Attestation) private _attestations;
    mapping(uint256 studyId => Study) private _studies;
    mapping(uint256 studyId => mapping(uint256 nullifier => Enrollment)) private _enrollments;
    mapping(uint256 nullifier => bool) private _usedNullifiers;
    mapping(uint8 circuit => IGroth16Verifier) private _verifiers;
    mapping(uint8 circuit => bytes32) private _transcripts;

    constructor(IConsortium consortium_, IGroth16Verifier[4] memory verifiers) ConsortiumGated(consortium_) {
        for (uint8 circuit = 0; circuit < CIRCUIT_COUNT; circuit++) {
            _install(circuit, verifiers[circuit]);
        }
    }

    /// @inheritdoc IStudyRegistry
    function attest(uint256 commitment, address patient) external {
        _requireActingFor(msg.sender, Roles.HOSPITAL, IndividualKinds.CLINICIAN);
        if (commitment == 0 || commitment >= SNARK_FIELD || patient == address(0)) revert StudyInvalidCommitment();
        if (_attestations[commitment].attestedAt != 0) revert StudyAlreadyAttested(commitment);
        _attestations[commitment] = Attestation({attester: msg.sender, patient: patient, attestedAt: uint64(block.timestamp)});
        emit Attested(commitment, msg.sender, patient);
    }

    /// @inheritdoc IStudyRegistry
    function publish(uint256 studyId, uint8 circuit, uint256 studyHash, bytes32 documentHash, uint32 capacity, uint64 deadline) external {
        _requireActingFor(msg.sender, Roles.RESEARCH, IndividualKinds.RESEARCHER);
        if (circuit >= CIRCUIT_COUNT) revert StudyUnknownCircuit(circuit);
        if (studyId == 0 || studyId >= SNARK_FIELD || studyHash == 0 || studyHash >= SNARK_FIELD) revert StudyInvalidParameters();
        if (documentHash == bytes32(0) || capacity == 0 || deadline <= block.timestamp) revert StudyInvalidParameters();
        if (_studies[studyId].institution != address(0)) revert StudyAlreadyExists(studyId);
        _studies[studyId] = Study({
            institution: msg.sender,
            circuit: circuit,
            verifier: _verifiers[circuit],
            studyHash: studyHash,
            documentHash: documentHash,
            capacity: capacity,
            enrolled: 0,
            deadline: deadline
        });
        emit StudyPublished(studyId, msg.sender, circuit, studyHash, documentHash, capacity, deadline);
    }

    /// @inheritdoc IStudyRegistry
    function enroll(
        uint256 studyId,
        uint256 commitment,
        uint256 nullifier,
        uint256 classCommitment,
        uint256[2] calldata pA,
        uint256[2][2] calldata pB,
        uint256[2] calldata pC
    ) external {
        Study storage s = _requireStudy(studyId);
        if (block.timestamp > s.deadline) revert StudyClosed(studyId, s.deadline);
        if (s.enrolled >= s.capacity) revert StudyFull(studyId, s.capacity);
        if (_attestations[commitment].attestedAt == 0) revert StudyUnknownCommitment(commitment);
        if (_usedNullifiers[nullifier]) revert StudyNullifierUsed(nullifier);
        uint256[5] memory signals = [classCommitment, commitment, s.studyHash, nullifier, uint256(uint160(msg.sender))];
        if (!_verify(s.verifier, pA, pB, pC, signals)) revert StudyInvalidProof();
        _usedNullifiers[nullifier] = true;
        s.enrolled += 1;
        _enrollments[studyId][nullifier] =
            Enrollment({submitter: msg.sender, enrolledAt: uint64(block.timestamp), classCommitment: classCommitment, resultHash: bytes32(0), acknowledged: false});
        emit Enrolled(studyId, nullifier, msg.sender, classCommitment);
    }

    /// @inheritdoc IStudyRegistry
    function submitResult(uint256 studyId, uint256 nullifier, bytes32 resultHash) external {
        Enrollment storage e = _requireEnrollment(studyId, nullifier);
        if (msg.sender != e.submitter) revert StudyNotSubmitter(msg.sender);
        if (e.resultHash != bytes32(0)) revert StudyResultAlreadySubmitted(studyId, nullifier);
        if (resultHash == bytes32(0)) revert StudyInvalidParameters();
        e.resultHash = resultHash;
        emit ResultSubmitted(studyId, nullifier, resultHash);
    }

    /// @inheritdoc IStudyRegistry
    function acknowledge(uint256 studyId, uint256 nullifier) external {
        Study storage s = _requireStudy(studyId);
        if (msg.sender != s.institution) revert StudyNotInstitution(msg.sender);
        Enrollment storage e = _requireEnrollment(studyId, nullifier);
        if (e.resultHash == bytes32(0)) revert StudyNoResult(studyId, nullifier);
        if (e.acknowledged) revert StudyAlreadyAcknowledged(studyId, nullifier);
        e.acknowledged = true;
        emit ResultAcknowledged(studyId, nullifier, e.resultHash);
    }

    /// @inheritdoc IStudyRegistry
    function installVerifier(uint8 circuit, IGroth16Verifier verifier) external {
        _requireMemberWithRole(msg.sender, Roles.REGULATOR);
        if (circuit >= CIRCUIT_COUNT) revert StudyUnknownCircuit(circuit);
        _install(circuit, verifier);
    }

    /// @inheritdoc IStudyRegistry
    function attestation(uint256 commitment) external view returns (Attestation memory) {
        return _attestations[commitment];
    }

    /// @inheritdoc IStudyRegistry
    function study(uint256 studyId) external view returns (Study memory) {
        return _studies[studyId];
    }

    /// @inheritdoc IStudyRegistry
    function enrollment(uint256 studyId, uint256 nullifier) external view returns (Enrollment memory) {
        return _enrollments[studyId][nullifier];
    }

    /// @inheritdoc IStudyRegistry
    function verifierOf(uint8 circuit) external view returns (IGroth16Verifier verifier, bytes32 transcriptHash) {
        return (_verifiers[circuit], _transcripts[circuit]);
    }

    function _install(uint8 circuit, IGroth16Verifier verifier) private {
        if (address(verifier).code.length == 0) revert StudyInvalidParameters();
        bytes32 transcriptHash = verifier.TRANSCRIPT_HASH();
        if (transcriptHash == bytes32(0)) revert StudyInvalidParameters();
        _verifiers[circuit] = verifier;
        _transcripts[circuit] = transcriptHash;
        emit VerifierInstalled(circuit, address(verifier), transcriptHash);
    }

    function _requireStudy(uint256 studyId) private view returns (Study storage s) {
        s = _studies[studyId];
        if (s.institution == address(0)) revert StudyUnknown(studyId);
    }

    function _requireEnrollment(uint256 studyId, uint256 nullifier) private view returns (Enrollment storage e) {
        _requireStudy(studyId);
        e = _enrollments[studyId][nullifier];
        if (e.submitter == address(0)) revert StudyUnknownEnrollment(studyId, nullifier);
    }

    // A malformed proof (a point off the curve, say) makes the generated verifier return false or
    // revert; both mean the same thing here, so both become StudyInvalidProof.
    function _verify(IGroth16Verifier verifier, uint256[2] calldata pA, uint256[2][2] calldata pB, uint256[2] calldata pC, uint256[5] memory signals)
        private
        view
        returns (bool)
    {
        try verifier.verifyProof(pA, pB, pC, signals) returns (bool ok) {
            return ok;
        } catch {
            return false;
        }
    }
}
