/** SHA-256 and the password hash's rounds: the same bytes as @noble/hashes and as Node's native SHA-256. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256 as nobleSha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Rounds } from '../../src/crypto/sha256-rounds.js';
import { hashPassword, verifyPassword, type Credential } from '../../src/crypto/password.js';

const native = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function nativeRounds(digest: Uint8Array, rounds: number): Uint8Array {
  let hash = digest;
  for (let i = 0; i < rounds; i++) hash = native(hash);
  return hash;
}

describe('sha256', () => {
  it('gives FIPS 180-4’s digests of "abc", of the empty message and of the two-block example', () => {
    const text = (t: string) => hex(sha256(new TextEncoder().encode(t)));
    expect(text('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(text('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with node:crypto and @noble/hashes on any bytes (lengths across the block boundaries)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (data) => {
        const ours = hex(sha256(data));
        expect(ours).toBe(hex(native(data)));
        expect(ours).toBe(hex(nobleSha256(data)));
      }),
      { numRuns: 500 },
    );
    for (let length = 50; length <= 130; length++)
      expect(hex(sha256(new Uint8Array(length).fill(length)))).toBe(hex(native(new Uint8Array(length).fill(length))));
  });
});

describe('sha256Rounds', () => {
  it('gives FIPS 180-4’s digest of a digest (SHA-256 of SHA-256 of "abc")', () => {
    const abc = nobleSha256(new TextEncoder().encode('abc'));
    expect(hex(abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256Rounds(abc, 1))).toBe(hex(native(abc)));
  });

  it('is right after a sha256 of other bytes, which share its block (regression: the padding words are reset per call)', () => {
    const digest = native(new TextEncoder().encode('abc'));
    sha256(new Uint8Array(64).fill(0xff));
    expect(hex(sha256Rounds(digest, 3))).toBe(hex(nativeRounds(digest, 3)));
  });

  it('agrees with node:crypto and @noble/hashes for any digest and round count', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: 0, max: 40 }), (digest, rounds) => {
        let noble = digest;
        for (let i = 0; i < rounds; i++) noble = nobleSha256(noble);
        const ours = hex(sha256Rounds(digest, rounds));
        expect(ours).toBe(hex(nativeRounds(digest, rounds)));
        expect(ours).toBe(hex(noble));
      }),
      { numRuns: 200 },
    );
  });

  it('gives a Neo4j version-1 credential that node:crypto’s 1,024 rounds reproduce from the salt', () => {
    const salt = new Uint8Array(32).fill(7);
    const credential = hashPassword('correct horse battery', () => salt);
    const [, hash, saltHex] = credential.split(',');
    const first = native(new Uint8Array([...salt, ...new TextEncoder().encode('correct horse battery')]));
    expect(hash).toBe(hex(nativeRounds(first, 1023)));
    expect(saltHex).toBe(hex(salt));
    expect(verifyPassword('correct horse battery', credential as Credential)).toBe(true);
    expect(verifyPassword('wrong horse battery', credential as Credential)).toBe(false);
  });

  it('refuses a digest that is not 32 bytes', () => {
    expect(() => sha256Rounds(new Uint8Array(31), 1)).toThrow('sha256Rounds takes a 32-byte digest');
  });
});
