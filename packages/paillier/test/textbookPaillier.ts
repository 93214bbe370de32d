// An independent, deliberately naive Paillier for any generator g (Paillier 1999, textbook
// form, BigInt only): c = g^m r^n mod n^2, m = L(c^lambda mod n^2) * mu mod n. It checks
// published vectors whose g is not n + 1 (which the package does not support: it fixes g = n + 1)
// and is checked against the package on random inputs, tying both to the vectors.

function modPow(base: bigint, exponent: bigint, modulus: bigint): bigint {
  let result = 1n;
  let b = base % modulus;
  for (let e = exponent; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % modulus;
    b = (b * b) % modulus;
  }
  return result;
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r, oldS, s] = [a % m, m, 1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r, oldS, s] = [r, oldR - q * r, s, oldS - q * s];
  }
  if (oldR !== 1n) throw new Error('not invertible');
  return ((oldS % m) + m) % m;
}

/** Textbook encryption with generator `g` and nonce `r`. */
export function textbookEncrypt({ n, g }: { n: bigint; g: bigint }, m: bigint, r: bigint): bigint {
  const n2 = n * n;
  return (modPow(g, m, n2) * modPow(r, n, n2)) % n2;
}

/** mu = L(g^lambda mod n^2)^-1 mod n. */
export function textbookMu({ n, g }: { n: bigint; g: bigint }, lambda: bigint): bigint {
  return modInverse((modPow(g, lambda, n * n) - 1n) / n, n);
}

/** Textbook decryption with lambda and mu. */
export function textbookDecrypt({ n }: { n: bigint }, lambda: bigint, mu: bigint, c: bigint): bigint {
  return (((modPow(c, lambda, n * n) - 1n) / n) * mu) % n;
}

/** p and q from n and phi = (p-1)(q-1): the roots of x^2 - (n - phi + 1) x + n. */
export function factorFromPhi(n: bigint, phi: bigint): [bigint, bigint] {
  const sum = n - phi + 1n;
  const discriminant = sum * sum - 4n * n;
  // Newton's method from above converges down to the integer square root.
  let root = 1n << BigInt(discriminant.toString(2).length / 2 + 1);
  for (let next = (root + discriminant / root) / 2n; next < root; next = (root + discriminant / root) / 2n) root = next;
  if (root * root !== discriminant) throw new Error('phi does not match n');
  return [(sum - root) / 2n, (sum + root) / 2n];
}
