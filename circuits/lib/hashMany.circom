pragma circom 2.1.0;

include "circomlib/circuits/poseidon.circom";

// Poseidon over any number of field elements: the first call absorbs 16, each later call takes
// the previous digest and up to 15 more. Mirrored by hashMany() in src/poseidon/hashMany.ts.
template HashMany(n) {
    signal input in[n];
    signal output out;

    var chunks = n <= 16 ? 1 : 1 + (n - 16 + 14) \ 15;
    component h[chunks];
    var firstSize = n <= 16 ? n : 16;
    h[0] = Poseidon(firstSize);
    for (var i = 0; i < firstSize; i++) h[0].inputs[i] <== in[i];
    var next = firstSize;
    for (var c = 1; c < chunks; c++) {
        var size = n - next > 15 ? 15 : n - next;
        h[c] = Poseidon(size + 1);
        h[c].inputs[0] <== h[c - 1].out;
        for (var i = 0; i < size; i++) h[c].inputs[i + 1] <== in[next + i];
        next += size;
    }
    out <== h[chunks - 1].out;
}
