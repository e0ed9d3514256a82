/** The password hash's SHA-256 rounds: the same bytes as @noble/hashes and as Node's native SHA-256. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { describe, expect, it } from 'vitest';
import { sha256Rounds } from '../../src/crypto/sha256-rounds.js';
import { hashPassword, verifyPassword, type Credential } from '../../src/crypto/password.js';

const native = (data: Uint8Array) => new Uint8Array(createHash('sha256').update(data).digest());
const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

function nativeRounds(digest: Uint8Array, rounds: number): Uint8Array {
  let hash = digest;
  for (let i = 0; i < rounds; i++) hash = native(hash);
  return hash;
}

describe('sha256Rounds', () => {
  it('gives FIPS 180-4’s digest of a digest (SHA-256 of SHA-256 of "abc")', () => {
    const abc = sha256(new TextEncoder().encode('abc'));
    expect(hex(abc)).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hex(sha256Rounds(abc, 1))).toBe(hex(native(abc)));
  });

  it('agrees with node:crypto and @noble/hashes for any digest and round count', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 32, maxLength: 32 }), fc.integer({ min: 0, max: 40 }), (digest, rounds) => {
        let noble = digest;
        for (let i = 0; i < rounds; i++) noble = sha256(noble);
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
