/**
 * SHA-256 (FIPS 180-4 §6.2) on a state of eight words that the caller owns, so an HMAC can keep
 * the state after its pad block and restart from a copy of it (`state.set(saved)`) for every
 * message. `@noble/hashes` offers that only through its internal `_cloneInto`; its public
 * `clone()` allocates two hashers per signature, which made signing 1.7× slower
 * (0.74× `node:crypto`). Checked against `node:crypto` and the FIPS 180-2 vectors in
 * `sha256.test.ts`, and against WebCrypto in every runtime of the matrix.
 */

/** Round constants: the first 32 bits of the fractional parts of the cube roots of the first 64 primes. */
const K = /* @__PURE__ */ Int32Array.from([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** The initial state: the first 32 bits of the fractional parts of the square roots of the first 8 primes. */
const IV = /* @__PURE__ */ Int32Array.from([
  0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
]);

/** The message schedule and the last, padded block: scratch shared by every call (all synchronous). */
const W = /* @__PURE__ */ new Int32Array(64);
const LAST = /* @__PURE__ */ new Uint8Array(64);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** A fresh state, at the initial hash value. @internal */
export function initialState(): Int32Array {
  return IV.slice();
}

/** Absorbs the 64-byte block of `bytes` that starts at `at` into `state`. @internal */
export function compress(state: Int32Array, bytes: Uint8Array, at: number): void {
  for (let i = 0; i < 16; i++, at += 4) {
    W[i] = (bytes[at]! << 24) | (bytes[at + 1]! << 16) | (bytes[at + 2]! << 8) | bytes[at + 3]!;
  }
  mix(state);
}

/** Absorbs the block whose 16 words are in `W[0..15]` into `state`. */
function mix(state: Int32Array): void {
  for (let i = 16; i < 64; i++) {
    const w15 = W[i - 15]!;
    const w2 = W[i - 2]!;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    W[i] = (s1 + W[i - 7]! + s0 + W[i - 16]!) | 0;
  }
  let a = state[0]!;
  let b = state[1]!;
  let c = state[2]!;
  let d = state[3]!;
  let e = state[4]!;
  let f = state[5]!;
  let g = state[6]!;
  let h = state[7]!;
  for (let i = 0; i < 64; i++) {
    const t1 =
      (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i]! + W[i]!) | 0;
    const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) | 0;
    h = g;
    g = f;
    f = e;
    e = (d + t1) | 0;
    d = c;
    c = b;
    b = a;
    a = (t1 + t2) | 0;
  }
  state[0] = (state[0]! + a) | 0;
  state[1] = (state[1]! + b) | 0;
  state[2] = (state[2]! + c) | 0;
  state[3] = (state[3]! + d) | 0;
  state[4] = (state[4]! + e) | 0;
  state[5] = (state[5]! + f) | 0;
  state[6] = (state[6]! + g) | 0;
  state[7] = (state[7]! + h) | 0;
}

/**
 * Finishes a hash: absorbs `message` into `state`, which has already absorbed `absorbed` bytes
 * (a multiple of 64), and pads (FIPS 180-4 §5.1.1). `state` then holds the digest's eight words.
 * @internal
 */
export function finish(state: Int32Array, absorbed: number, message: Uint8Array): void {
  const length = message.length;
  const whole = length - (length % 64);
  for (let at = 0; at < whole; at += 64) compress(state, message, at);
  const rest = length - whole;
  for (let i = 0; i < rest; i++) LAST[i] = message[whole + i]!;
  LAST[rest] = 0x80;
  LAST.fill(0, rest + 1);
  if (rest >= 56) {
    compress(state, LAST, 0);
    LAST.fill(0);
  }
  // The length in bits as a 64-bit big-endian number; below 2^53, so the division is exact.
  const bits = (absorbed + length) * 8;
  writeWord(LAST, 56, Math.floor(bits / 0x1_0000_0000));
  writeWord(LAST, 60, bits >>> 0);
  compress(state, LAST, 0);
}

/**
 * Finishes a hash whose last input is a digest, given as the eight words of the `state` that
 * produced it: the outer step of an HMAC. The one padded block is built from the words, so the
 * digest never takes a round trip through bytes.
 * @internal
 */
export function finishWithDigest(state: Int32Array, absorbed: number, digest: Int32Array): void {
  for (let i = 0; i < 8; i++) W[i] = digest[i]!;
  W[8] = 0x80000000;
  W.fill(0, 9, 15);
  // 32 more bytes, in bits; below 2^32 for any absorbed length an HMAC uses.
  W[15] = (absorbed + 32) * 8;
  mix(state);
}

/** The digest's 32 bytes, from a finished `state`, into `out`. @internal */
export function digestBytes(state: Int32Array, out: Uint8Array): void {
  for (let i = 0; i < 8; i++) writeWord(out, i * 4, state[i]!);
}

/** SHA-256 of `message` into `out` (32 bytes). @internal */
export function sha256(message: Uint8Array, out: Uint8Array): void {
  const state = initialState();
  finish(state, 0, message);
  digestBytes(state, out);
}

/** Zeroes the scratch, after hashing key material through it. @internal */
export function wipeScratch(): void {
  W.fill(0);
  LAST.fill(0);
}

function writeWord(bytes: Uint8Array, at: number, word: number): void {
  bytes[at] = word >>> 24;
  bytes[at + 1] = word >>> 16;
  bytes[at + 2] = word >>> 8;
  bytes[at + 3] = word;
}
