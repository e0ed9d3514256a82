/**
 * SHA-256 (FIPS 180-4), for Neo4j's password hash and the login cache. The hash is 1,023 more rounds
 * over a 32-byte digest: a general SHA-256 allocates a hasher per round, while `sha256Rounds` knows
 * each round is one 64-byte block (the digest, the padding bit and the length, 256 bits), so it runs
 * on two preallocated word arrays: several times faster in any JavaScript engine. `sha256` hashes
 * any bytes with the same compression (it replaced @noble/hashes, 5.4 KB of the core's bundle).
 * `sha256-rounds.test.ts` checks both against @noble/hashes and node:crypto.
 */

// The first 32 bits of the fractional parts of the cube roots of the first 64 primes.
const K = Int32Array.from(
  [
    0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be,
    0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa,
    0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85,
    0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3,
    0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f,
    0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
  ],
  (k) => k | 0,
);
// The first 32 bits of the fractional parts of the square roots of the first 8 primes.
const IV = Int32Array.from([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19], (h) => h | 0);

const W = new Int32Array(64);
const STATE = new Int32Array(8);

const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n));

/** `digest` hashed `rounds` more times, each round over the previous 32-byte digest. */
export function sha256Rounds(digest: Uint8Array, rounds: number): Uint8Array {
  if (digest.length !== 32) throw new RangeError('sha256Rounds takes a 32-byte digest');
  for (let i = 0; i < 8; i++) {
    STATE[i] = ((digest[4 * i] ?? 0) << 24) | ((digest[4 * i + 1] ?? 0) << 16) | ((digest[4 * i + 2] ?? 0) << 8) | (digest[4 * i + 3] ?? 0);
  }
  digestRounds(STATE, rounds);
  const out = new Uint8Array(32);
  for (let i = 0; i < 8; i++) {
    const word = STATE[i] ?? 0;
    out[4 * i] = word >>> 24;
    out[4 * i + 1] = word >>> 16;
    out[4 * i + 2] = word >>> 8;
    out[4 * i + 3] = word;
  }
  return out;
}

/**
 * `state` becomes SHA-256 of its 32 bytes, `rounds` times. Each round is one block: the eight words,
 * then 0x80..., and the length 256. The state stays in locals and the rotations are written out (no
 * call, no array between rounds): 2.5 times faster than `compress` on the same block.
 *
 * Its tables are constants of its own closure, and the initial words locals of each call: as
 * module-level bindings (which the bundler turns into `var`s) V8 could not treat the tables as
 * constants, and read from the closure the words cost a check each; either made the loop 30-40% slower.
 */
const digestRounds = digestRoundsFunction();

function digestRoundsFunction(): (state: Int32Array, rounds: number) => void {
  const w = new Int32Array(64);
  const k = K;
  const iv = IV;
  return (state: Int32Array, rounds: number): void => {
    const iv0 = iv[0] ?? 0;
    const iv1 = iv[1] ?? 0;
    const iv2 = iv[2] ?? 0;
    const iv3 = iv[3] ?? 0;
    const iv4 = iv[4] ?? 0;
    const iv5 = iv[5] ?? 0;
    const iv6 = iv[6] ?? 0;
    const iv7 = iv[7] ?? 0;
    let s0 = state[0] ?? 0;
    let s1 = state[1] ?? 0;
    let s2 = state[2] ?? 0;
    let s3 = state[3] ?? 0;
    let s4 = state[4] ?? 0;
    let s5 = state[5] ?? 0;
    let s6 = state[6] ?? 0;
    let s7 = state[7] ?? 0;
    for (let round = 0; round < rounds; round++) {
      w[0] = s0;
      w[1] = s1;
      w[2] = s2;
      w[3] = s3;
      w[4] = s4;
      w[5] = s5;
      w[6] = s6;
      w[7] = s7;
      w[8] = 0x80000000 | 0;
      w[9] = 0;
      w[10] = 0;
      w[11] = 0;
      w[12] = 0;
      w[13] = 0;
      w[14] = 0;
      w[15] = 256;
      for (let t = 16; t < 64; t++) {
        const x = w[t - 15] ?? 0;
        const y = w[t - 2] ?? 0;
        const sigma0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
        const sigma1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
        w[t] = ((w[t - 16] ?? 0) + sigma0 + (w[t - 7] ?? 0) + sigma1) | 0;
      }
      let a = iv0;
      let b = iv1;
      let c = iv2;
      let d = iv3;
      let e = iv4;
      let f = iv5;
      let g = iv6;
      let h = iv7;
      for (let t = 0; t < 64; t++) {
        const sum1 = ((e >>> 6) | (e << 26)) ^ ((e >>> 11) | (e << 21)) ^ ((e >>> 25) | (e << 7));
        const t1 = (h + sum1 + ((e & f) ^ (~e & g)) + (k[t] ?? 0) + (w[t] ?? 0)) | 0;
        const sum0 = ((a >>> 2) | (a << 30)) ^ ((a >>> 13) | (a << 19)) ^ ((a >>> 22) | (a << 10));
        const t2 = (sum0 + ((a & b) ^ (a & c) ^ (b & c))) | 0;
        h = g;
        g = f;
        f = e;
        e = (d + t1) | 0;
        d = c;
        c = b;
        b = a;
        a = (t1 + t2) | 0;
      }
      s0 = (a + iv0) | 0;
      s1 = (b + iv1) | 0;
      s2 = (c + iv2) | 0;
      s3 = (d + iv3) | 0;
      s4 = (e + iv4) | 0;
      s5 = (f + iv5) | 0;
      s6 = (g + iv6) | 0;
      s7 = (h + iv7) | 0;
    }
    state[0] = s0;
    state[1] = s1;
    state[2] = s2;
    state[3] = s3;
    state[4] = s4;
    state[5] = s5;
    state[6] = s6;
    state[7] = s7;
  };
}

/** SHA-256 of `data`. */
export function sha256(data: Uint8Array): Uint8Array {
  // The message, a 1 bit, zeros, and the length in bits (64-bit big-endian) fill whole 64-byte blocks.
  const padded = new Uint8Array(Math.ceil((data.length + 9) / 64) * 64);
  padded.set(data);
  padded[data.length] = 0x80;
  const view = new DataView(padded.buffer);
  const bits = data.length * 8;
  view.setUint32(padded.length - 8, Math.floor(bits / 2 ** 32));
  view.setUint32(padded.length - 4, bits >>> 0);
  const state = Int32Array.from(IV);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) W[i] = view.getInt32(block + 4 * i);
    compress(state);
  }
  const out = new Uint8Array(32);
  const outView = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) outView.setInt32(4 * i, state[i] ?? 0);
  return out;
}

/** One block (its 16 words in W[0..15]) compressed into `state`: the words expanded, 64 steps, added. */
function compress(state: Int32Array): void {
  for (let t = 16; t < 64; t++) {
    const w15 = W[t - 15] ?? 0;
    const w2 = W[t - 2] ?? 0;
    const s0 = rotr(w15, 7) ^ rotr(w15, 18) ^ (w15 >>> 3);
    const s1 = rotr(w2, 17) ^ rotr(w2, 19) ^ (w2 >>> 10);
    W[t] = ((W[t - 16] ?? 0) + s0 + (W[t - 7] ?? 0) + s1) | 0;
  }
  let a = state[0] ?? 0;
  let b = state[1] ?? 0;
  let c = state[2] ?? 0;
  let d = state[3] ?? 0;
  let e = state[4] ?? 0;
  let f = state[5] ?? 0;
  let g = state[6] ?? 0;
  let h = state[7] ?? 0;
  for (let t = 0; t < 64; t++) {
    const t1 = (h + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + (K[t] ?? 0) + (W[t] ?? 0)) | 0;
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
  state[0] = (a + (state[0] ?? 0)) | 0;
  state[1] = (b + (state[1] ?? 0)) | 0;
  state[2] = (c + (state[2] ?? 0)) | 0;
  state[3] = (d + (state[3] ?? 0)) | 0;
  state[4] = (e + (state[4] ?? 0)) | 0;
  state[5] = (f + (state[5] ?? 0)) | 0;
  state[6] = (g + (state[6] ?? 0)) | 0;
  state[7] = (h + (state[7] ?? 0)) | 0;
}
