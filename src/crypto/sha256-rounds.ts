/**
 * SHA-256 (FIPS 180-4), for Neo4j's password hash and the login cache. The hash is 1,023 more rounds
 * over a 32-byte digest, and each round is one 64-byte block (the digest, the padding bit and the
 * length, 256 bits), so `sha256Rounds` fills one preallocated block per round instead of allocating a
 * hasher: several times faster in any JavaScript engine. `sha256` hashes any bytes with the same
 * compression (it replaced @noble/hashes, 5.4 KB of the core's bundle).
 * `sha256-rounds.test.ts` checks both against @noble/hashes and node:crypto.
 */

/** The first 32 bits of the fractional parts of `root` of the first `count` primes (FIPS 180-4, 4.2.2 and 5.3.3). */
/* @__NO_SIDE_EFFECTS__ */
function fractions(count: number, root: (prime: number) => number): Int32Array {
  const words = new Int32Array(count);
  for (let n = 2, found = 0; found < count; n++) {
    let prime = true;
    for (let d = 2; d * d <= n; d++) if (n % d === 0) prime = false;
    if (prime) words[found++] = ((root(n) % 1) * 2 ** 32) | 0;
  }
  return words;
}

const K = fractions(64, Math.cbrt);
const IV = fractions(8, Math.sqrt);

/**
 * `SHA.compress(state)` compresses the block in `SHA.block[0..15]` into `state`. The tables are constants
 * of its closure and the state is in locals for the 64 steps: as module-level bindings (which the bundler
 * turns into `var`s) V8 could not treat the tables as constants, which made the loop 30-40% slower.
 * One object, not destructured here: a bundler keeps a module-level destructuring even where nothing
 * reads it, and with it the tables (a page that only lints never hashes).
 */
const SHA = compressor();

/* @__NO_SIDE_EFFECTS__ */
function compressor(): { block: Int32Array; compress: (state: Int32Array) => void } {
  const w = new Int32Array(64);
  const k = K;
  const compress = (state: Int32Array): void => {
    for (let t = 16; t < 64; t++) {
      const x = w[t - 15] ?? 0;
      const y = w[t - 2] ?? 0;
      const sigma0 = ((x >>> 7) | (x << 25)) ^ ((x >>> 18) | (x << 14)) ^ (x >>> 3);
      const sigma1 = ((y >>> 17) | (y << 15)) ^ ((y >>> 19) | (y << 13)) ^ (y >>> 10);
      w[t] = ((w[t - 16] ?? 0) + sigma0 + (w[t - 7] ?? 0) + sigma1) | 0;
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
    state[0] = (a + (state[0] ?? 0)) | 0;
    state[1] = (b + (state[1] ?? 0)) | 0;
    state[2] = (c + (state[2] ?? 0)) | 0;
    state[3] = (d + (state[3] ?? 0)) | 0;
    state[4] = (e + (state[4] ?? 0)) | 0;
    state[5] = (f + (state[5] ?? 0)) | 0;
    state[6] = (g + (state[6] ?? 0)) | 0;
    state[7] = (h + (state[7] ?? 0)) | 0;
  };
  return { block: w, compress };
}

const STATE = /* @__PURE__ */ new Int32Array(8);

/** `digest` hashed `rounds` more times, each round over the previous 32-byte digest. */
export function sha256Rounds(digest: Uint8Array, rounds: number): Uint8Array {
  if (digest.length !== 32) throw new RangeError('sha256Rounds takes a 32-byte digest');
  const { block, compress } = SHA;
  const view = new DataView(digest.buffer, digest.byteOffset, 32);
  for (let i = 0; i < 8; i++) STATE[i] = view.getInt32(4 * i);
  // Each round's block: the previous digest, then the padding bit, zeros, and the length, 256 bits,
  // which stay put (compress writes only the block's expanded words, 16 to 63).
  block.fill(0, 8, 16);
  block[8] = 0x80000000 | 0;
  block[15] = 256;
  for (let round = 0; round < rounds; round++) {
    block.set(STATE);
    STATE.set(IV);
    compress(STATE);
  }
  return bytesOf(STATE);
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
  const { block, compress } = SHA;
  for (let offset = 0; offset < padded.length; offset += 64) {
    for (let i = 0; i < 16; i++) block[i] = view.getInt32(offset + 4 * i);
    compress(state);
  }
  return bytesOf(state);
}

/** The eight words of `state`, big-endian. */
function bytesOf(state: Int32Array): Uint8Array {
  const out = new Uint8Array(32);
  const view = new DataView(out.buffer);
  for (let i = 0; i < 8; i++) view.setInt32(4 * i, state[i] ?? 0);
  return out;
}
