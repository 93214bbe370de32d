pragma circom 2.1.0;

include "circomlib/circuits/poseidon.circom";

// Root of the attested indicator set: 32 slots, a 16-ary Poseidon tree of depth 2. An empty slot
// holds 0, which no (code, value) opening can hash to. Mirrored by indicatorRoot() in TypeScript.
template IndicatorTree() {
    signal input leaves[32];
    signal output root;

    component half[2];
    for (var h = 0; h < 2; h++) {
        half[h] = Poseidon(16);
        for (var i = 0; i < 16; i++) half[h].inputs[i] <== leaves[h * 16 + i];
    }
    component top = Poseidon(2);
    top.inputs[0] <== half[0].out;
    top.inputs[1] <== half[1].out;
    root <== top.out;
}
