/**
 * Neo4j's password credentials, so that `SET ENCRYPTED PASSWORD` values taken from a Neo4j backup
 * verify here and ours verify there. The external form is `<version>,<hash hex>,<salt hex>`:
 * version 0 is one SHA-256 round, version 1 (Neo4j's current) 1024 rounds, each over `salt ++ password`
 * first and then over the previous digest (Shiro's SimpleHash). Pure JavaScript: runs in browsers too, and
 * the 1,023 rounds over a digest run in sha256-rounds.ts, faster than node:crypto's per-call overhead allows.
 */
import { sha256, sha256Rounds } from './sha256-rounds.js';

/** A hashed password in Neo4j's external format. Never a plaintext: the brand keeps the two apart. */
export type Credential = string & { readonly __credential: unique symbol };

const CURRENT_VERSION = '1';
const CURRENT_ITERATIONS = 1024;
const ITERATIONS: Readonly<Record<string, number>> = { '0': 1, [CURRENT_VERSION]: CURRENT_ITERATIONS };
const SALT_BYTES = 32;

export type RandomBytes = (length: number) => Uint8Array;

export const secureRandomBytes: RandomBytes = (length) => globalThis.crypto.getRandomValues(new Uint8Array(length));

export function hashPassword(password: string, randomBytes: RandomBytes = secureRandomBytes): Credential {
  const salt = randomBytes(SALT_BYTES);
  const hash = digest(new TextEncoder().encode(password), salt, CURRENT_ITERATIONS);
  return `${CURRENT_VERSION},${toHex(hash)},${toHex(salt)}` as Credential;
}

export type EncryptedProblem = 'format' | 'version';

/**
 * Accepts an `ENCRYPTED` value as Neo4j does, or says why not: a digit, then two runs of hex digits,
 * each after a comma (`/^[0-9],[0-9a-f]+,[0-9a-f]+$/i`, scanned by hand: every CREATE USER from a
 * backup runs it twice, and the regex was 3% of the executor's time).
 */
export function parseEncrypted(value: string): Credential | EncryptedProblem {
  const version = value.charCodeAt(0) - ZERO;
  if (!(version >= 0 && version <= 9) || value.charCodeAt(1) !== COMMA) return 'format';
  const salt = hexRunEnd(value, 2);
  if (salt === 2 || value.charCodeAt(salt) !== COMMA) return 'format';
  const end = hexRunEnd(value, salt + 1);
  if (end === salt + 1 || end !== value.length) return 'format';
  if (ITERATIONS[String(version)] === undefined) return 'version';
  return value.toLowerCase() as Credential;
}

const ZERO = 48;
const COMMA = 44;

/** Where the run of hex digits from `start` ends. */
function hexRunEnd(value: string, start: number): number {
  let i = start;
  for (; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const letter = code | 0x20;
    if (!((code >= 48 && code <= 57) || (letter >= 97 && letter <= 102))) break;
  }
  return i;
}

export function verifyPassword(password: string, credential: Credential): boolean {
  const [version, hashHex, saltHex] = credential.split(',') as [string, string, string];
  const iterations = ITERATIONS[version];
  if (iterations === undefined) return false;
  const actual = digest(new TextEncoder().encode(password), fromHex(saltHex), iterations);
  return constantTimeEqual(actual, fromHex(hashHex));
}

function digest(password: Uint8Array, salt: Uint8Array, iterations: number): Uint8Array {
  const first = new Uint8Array(salt.length + password.length);
  first.set(salt, 0);
  first.set(password, salt.length);
  return sha256Rounds(sha256(first), iterations - 1);
}

/** Compares every byte whatever the first difference, so timing does not tell how much matched. */
function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let difference = a.length ^ b.length;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}

function fromHex(hex: string): Uint8Array {
  const bytes = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}
