pragma circom 2.1.0;

include "circomlib/circuits/poseidon.circom";
include "circomlib/circuits/bitify.circom";
include "circomlib/circuits/comparators.circom";
include "./hashMany.circom";
include "./indicatorTree.circom";
include "./pickSlot.circom";

// Widths of the encodings (research-protocol.md "Encoding"); every value that reaches a
// comparison or a packing is range-checked to its width first, because circomlib's comparators
// and the packings below are only sound on range-checked inputs.
function VALUE_BITS() { return 24; }
function TIME_BITS() { return 40; }

// Enrollment in a study that requires up to K indicators (unused indicator positions carry code
// 0 in the study). Proves: the holder knows the opening of the attested commitment, every
// required code is in the attested set, the measurement is recent enough, every value lies in
// the study's plausible bounds, and the nullifier belongs to this holder and study.
// With VERIFIED = 1 it also classifies each value against the institution's committed reference
// ranges (research-protocol.md section 5) and outputs a commitment to the class vector.
template Enroll(K, VERIFIED) {
    // public
    signal input commitment;
    signal input studyHash;
    signal input nullifier;
    signal input submitter;
    signal output classCommitment;

    // private: the attestation opening
    signal input leaves[32];
    signal input measuredAt;
    signal input salt;
    signal input secret;
    // private: the study parameters behind studyHash
    signal input studyId;
    signal input notBefore;
    signal input rangeCommitment;
    signal input codes[K];
    signal input lower[K];
    signal input upper[K];
    // private: the holder's selection
    signal input values[K];
    signal input selectors[K][32];
    // private, verified mode only (zero otherwise)
    signal input rangeLow[K];
    signal input rangeHigh[K];
    signal input rangeSalt;
    signal input classSalt;

    // Bind the submitting account into the proof so a copied proof cannot be replayed by another.
    signal submitterSquared <== submitter * submitter;

    component tree = IndicatorTree();
    for (var i = 0; i < 32; i++) tree.leaves[i] <== leaves[i];
    component identity = Poseidon(1);
    identity.inputs[0] <== secret;
    component opened = Poseidon(4);
    opened.inputs[0] <== tree.root;
    opened.inputs[1] <== measuredAt;
    opened.inputs[2] <== salt;
    opened.inputs[3] <== identity.out;
    opened.out === commitment;

    component nullifierHash = Poseidon(2);
    nullifierHash.inputs[0] <== secret;
    nullifierHash.inputs[1] <== studyId;
    nullifierHash.out === nullifier;

    component freshness = Num2Bits(TIME_BITS());
    freshness.in <== measuredAt - notBefore;

    component codeBits[K];
    component valueBits[K];
    component lowerBits[K];
    component upperBits[K];
    component aboveLower[K];
    component belowUpper[K];
    component codeIsZero[K];
    component leafHash[K];
    component pick[K];
    signal active[K];
    signal expectedLeaf[K];
    signal packedParameters[K];
    for (var j = 0; j < K; j++) {
        codeBits[j] = Num2Bits(VALUE_BITS());
        codeBits[j].in <== codes[j];
        valueBits[j] = Num2Bits(VALUE_BITS());
        valueBits[j].in <== values[j];
        lowerBits[j] = Num2Bits(VALUE_BITS());
        lowerBits[j].in <== lower[j];
        upperBits[j] = Num2Bits(VALUE_BITS());
        upperBits[j].in <== upper[j];

        codeIsZero[j] = IsZero();
        codeIsZero[j].in <== codes[j];
        active[j] <== 1 - codeIsZero[j].out;

        leafHash[j] = Poseidon(2);
        leafHash[j].inputs[0] <== codes[j];
        leafHash[j].inputs[1] <== values[j];
        expectedLeaf[j] <== active[j] * leafHash[j].out;
        pick[j] = PickSlot(32);
        for (var i = 0; i < 32; i++) {
            pick[j].leaves[i] <== leaves[i];
            pick[j].selector[i] <== selectors[j][i];
        }
        pick[j].enabled <== active[j];
        pick[j].picked === expectedLeaf[j];

        // lower <= value <= upper, as differences that must fit the value width
        aboveLower[j] = Num2Bits(VALUE_BITS());
        aboveLower[j].in <== active[j] * (values[j] - lower[j]);
        belowUpper[j] = Num2Bits(VALUE_BITS());
        belowUpper[j].in <== active[j] * (upper[j] - values[j]);

        packedParameters[j] <== codes[j] + lower[j] * (1 << VALUE_BITS()) + upper[j] * (1 << (2 * VALUE_BITS()));
    }

    component study = HashMany(3 + K);
    study.in[0] <== studyId;
    study.in[1] <== notBefore;
    study.in[2] <== rangeCommitment;
    for (var j = 0; j < K; j++) study.in[3 + j] <== packedParameters[j];
    study.out === studyHash;

    if (VERIFIED == 1) {
        component lowBits[K];
        component highBits[K];
        component isBelow[K];
        component isAbove[K];
        signal packedRanges[K];
        signal classes[K];
        var packedClasses = 0;
        for (var j = 0; j < K; j++) {
            lowBits[j] = Num2Bits(VALUE_BITS());
            lowBits[j].in <== rangeLow[j];
            highBits[j] = Num2Bits(VALUE_BITS());
            highBits[j].in <== rangeHigh[j];
            isBelow[j] = LessThan(VALUE_BITS());
            isBelow[j].in[0] <== values[j];
            isBelow[j].in[1] <== rangeLow[j];
            isAbove[j] = LessThan(VALUE_BITS());
            isAbove[j].in[0] <== rangeHigh[j];
            isAbove[j].in[1] <== values[j];
            // 0 below, 1 inside, 2 above; 0 for unused positions too (the study says how many are used)
            classes[j] <== active[j] * (1 - isBelow[j].out + isAbove[j].out);
            packedRanges[j] <== rangeLow[j] + rangeHigh[j] * (1 << VALUE_BITS());
            packedClasses += classes[j] * (1 << (2 * j));
        }
        component ranges = HashMany(K + 1);
        for (var j = 0; j < K; j++) ranges.in[j] <== packedRanges[j];
        ranges.in[K] <== rangeSalt;
        ranges.out === rangeCommitment;

        component classHash = Poseidon(2);
        classHash.inputs[0] <== packedClasses;
        classHash.inputs[1] <== classSalt;
        classCommitment <== classHash.out;
    } else {
        classCommitment <== 0;
    }
}
