pragma circom 2.1.0;

// Picks leaves[i] with a one-hot selector given as witness: each selector bit is boolean and they
// sum to `enabled` (1 picks exactly one slot, 0 picks none and outputs 0). Cheaper than a Merkle
// path per indicator once more than one indicator is opened.
template PickSlot(n) {
    signal input leaves[n];
    signal input selector[n];
    signal input enabled;
    signal output picked;

    signal products[n];
    var count = 0;
    var sum = 0;
    for (var i = 0; i < n; i++) {
        selector[i] * (selector[i] - 1) === 0;
        products[i] <== selector[i] * leaves[i];
        count += selector[i];
        sum += products[i];
    }
    count === enabled;
    picked <== sum;
}
