/**
 * Bolt's handshake. The client opens with 20 bytes: the magic `60 60 b0 17` and four slots, each
 * `[reserved, range, minor, major]` (versions major.minor down to major.(minor - range)) in order of
 * preference, or `00 00 01 ff` asking for the manifest v1 handshake. The server answers one version
 * (`00 00 minor major`, or `00 00 00 00` for none), or the manifest: every version it serves, from
 * which the client picks one (`00 00 minor major` and a capabilities varint) with no reply after it,
 * so the client's first messages may follow its choice in the same segment.
 */
import { HandshakeError } from './errors.js';
import { hex } from './packstream.js';
import { compareVersions, versionText, type BoltVersion } from './version.js';

const OPENING_SIZE = 20;
const MAGIC = [0x60, 0x60, 0xb0, 0x17];
const MANIFEST_MARKER = 0xff;

/** What we serve: what Neo4j 2025.10+ negotiates. No server negotiates 5.5. */
export const DEFAULT_VERSIONS: readonly BoltVersion[] = [
  { major: 6, minor: 0 },
  ...[8, 7, 6, 4, 3, 2, 1, 0].map((minor) => ({ major: 5, minor })),
];

/** One slot of the client's opening. */
export type Proposal =
  | { readonly kind: 'range'; readonly major: number; readonly minor: number; readonly range: number }
  | { readonly kind: 'manifest'; readonly version: number };

export type Opening =
  | { readonly kind: 'incomplete' }
  /** An HTTP request on the Bolt port (a browser, curl): the server should refuse it. */
  | { readonly kind: 'http' }
  /** `rest`: a view of the bytes after the 20, if any. */
  | { readonly kind: 'bolt'; readonly proposals: readonly Proposal[]; readonly rest: Uint8Array };

// The first four bytes of an HTTP request (`PRI ` opens HTTP/2): decided on 4 bytes, as `GET / HTTP/1.0\r\n\r\n` is shorter than 20.
const HTTP_PREFIXES = ['GET ', 'HEAD', 'POST', 'PUT ', 'DELE', 'OPTI', 'PATC', 'CONN', 'TRAC', 'PRI '];

/** Reads the client's opening from the bytes received so far. Throws HandshakeError on a wrong magic. */
export function readOpening(bytes: Uint8Array): Opening {
  if (bytes.length < MAGIC.length) return { kind: 'incomplete' };
  const first = bytes.subarray(0, 4);
  if (!MAGIC.every((byte, i) => first[i] === byte)) {
    if (HTTP_PREFIXES.includes(String.fromCharCode(...first))) return { kind: 'http' };
    throw new HandshakeError(`Not a Bolt handshake: it starts ${hexBytes(first)}, not 60 60 B0 17`);
  }
  if (bytes.length < OPENING_SIZE) return { kind: 'incomplete' };
  const proposals: Proposal[] = [];
  for (let at = 4; at < OPENING_SIZE; at += 4) {
    const [, range = 0, minor = 0, major = 0] = bytes.subarray(at, at + 4);
    if (major === MANIFEST_MARKER) proposals.push({ kind: 'manifest', version: minor });
    else if (major !== 0) proposals.push({ kind: 'range', major, minor, range });
  }
  return { kind: 'bolt', proposals, rest: bytes.subarray(OPENING_SIZE) };
}

export interface NegotiationOptions {
  /** The versions the server serves, in any order. Default DEFAULT_VERSIONS. */
  readonly versions?: readonly BoltVersion[];
  /** Whether to accept the manifest v1 handshake (the only way a client gets offered 6.x). Default true. */
  readonly manifest?: boolean;
}

export type Negotiation =
  /** A version chosen from a slot: send `reply`, then Bolt messages follow. */
  | { readonly kind: 'version'; readonly version: BoltVersion; readonly reply: Uint8Array }
  /** The manifest: send `reply` (in one write), then read the client's choice with readManifestChoice. */
  | { readonly kind: 'manifest'; readonly offered: readonly BoltVersion[]; readonly reply: Uint8Array }
  /** Nothing in common: send `reply` (`00 00 00 00`), then close. */
  | { readonly kind: 'none'; readonly reply: Uint8Array };

/** Picks the first slot, in the client's order, that the server can satisfy; the newest version within it. */
export function negotiate(proposals: readonly Proposal[], options: NegotiationOptions = {}): Negotiation {
  const versions = checkedVersions(options.versions ?? DEFAULT_VERSIONS);
  for (const proposal of proposals) {
    if (proposal.kind === 'manifest') {
      if (proposal.version === 1 && options.manifest !== false)
        return { kind: 'manifest', offered: versions, reply: manifestReply(versions) };
      continue;
    }
    const chosen = versions.find(
      (v) => v.major === proposal.major && v.minor <= proposal.minor && v.minor >= proposal.minor - proposal.range,
    );
    if (chosen) return { kind: 'version', version: chosen, reply: Uint8Array.of(0, 0, chosen.minor, chosen.major) };
  }
  return { kind: 'none', reply: Uint8Array.of(0, 0, 0, 0) };
}

/** Newest first, deduplicated; a version that cannot be written in a slot is a configuration bug. */
function checkedVersions(versions: readonly BoltVersion[]): BoltVersion[] {
  for (const v of versions) {
    const byte = (n: number) => Number.isInteger(n) && n >= 0 && n <= 0xff;
    if (!byte(v.major) || !byte(v.minor) || v.major === 0 || v.major === MANIFEST_MARKER)
      throw new RangeError(`Bolt version ${versionText(v)} cannot be negotiated`);
  }
  const sorted = [...versions].sort((a, b) => compareVersions(b, a));
  return sorted.filter((v, i) => i === 0 || compareVersions(v, sorted[i - 1] ?? v) !== 0);
}

/**
 * `00 00 01 ff`, the count, one `00 range minor major` entry per run of consecutive minors, and the
 * capabilities (none): one buffer, because neo4j-driver reads the whole manifest from its first segment.
 */
function manifestReply(versions: readonly BoltVersion[]): Uint8Array {
  // Runs of consecutive minors within a major, newest first: 5.8, 5.7, 5.6 become one entry.
  const runs: { major: number; high: number; low: number }[] = [];
  for (const { major, minor } of versions) {
    const last = runs.at(-1);
    if (last && last.major === major && last.low === minor + 1) last.low = minor;
    else runs.push({ major, high: minor, low: minor });
  }
  const entries = runs.flatMap((run) => [0, run.high - run.low, run.high, run.major]);
  return Uint8Array.from([0, 0, 1, MANIFEST_MARKER, ...encodeVarint(BigInt(runs.length)), ...entries, ...encodeVarint(0n)]);
}

export type ManifestChoice =
  | { readonly kind: 'incomplete' }
  /** `rest` (a view of the input) is what followed the choice: the client's first chunked messages, pipelined. */
  | { readonly kind: 'chosen'; readonly version: BoltVersion; readonly capabilities: bigint; readonly rest: Uint8Array };

/** Reads the client's answer to the manifest. Throws HandshakeError unless it is one of `offered`. */
export function readManifestChoice(bytes: Uint8Array, offered: readonly BoltVersion[], offeredCapabilities = 0n): ManifestChoice {
  if (bytes.length < 4) return { kind: 'incomplete' };
  const [, range = 0, minor = 0, major = 0] = bytes.subarray(0, 4);
  const varint = decodeVarint(bytes, 4);
  if (varint === null) return { kind: 'incomplete' };
  const version = { major, minor };
  if (major === 0) throw new HandshakeError('The client chose no Bolt version from the manifest');
  if (range !== 0 || !offered.some((v) => compareVersions(v, version) === 0))
    throw new HandshakeError(`The client chose ${hexBytes(bytes.subarray(0, 4))}, which the server did not offer`);
  if ((varint.value & ~offeredCapabilities) !== 0n)
    throw new HandshakeError(`The client chose capabilities 0x${varint.value.toString(16)}, which the server did not offer`);
  return { kind: 'chosen', version, capabilities: varint.value, rest: bytes.subarray(varint.next) };
}

/** 7 bits per byte, least significant group first; the high bit means more bytes follow. */
export function encodeVarint(value: bigint): Uint8Array {
  if (value < 0n || value > MAX_VARINT) throw new RangeError(`Varint ${value} is outside the unsigned 64-bit range`);
  const out: number[] = [];
  let rest = value;
  do {
    const group = Number(rest & 0x7fn);
    rest >>= 7n;
    out.push(rest > 0n ? group | 0x80 : group);
  } while (rest > 0n);
  return Uint8Array.from(out);
}

const MAX_VARINT = 2n ** 64n - 1n;
const MAX_VARINT_BYTES = 10;

/** The varint at `offset`, or null when its last byte has not arrived. Longer than 64 bits is an error. */
export function decodeVarint(bytes: Uint8Array, offset: number): { readonly value: bigint; readonly next: number } | null {
  let value = 0n;
  for (let i = 0; i < MAX_VARINT_BYTES; i++) {
    const byte = bytes[offset + i];
    if (byte === undefined) return null;
    value |= BigInt(byte & 0x7f) << BigInt(7 * i);
    if ((byte & 0x80) === 0) {
      if (value > MAX_VARINT) throw new HandshakeError('Varint exceeds 64 bits');
      return { value, next: offset + i + 1 };
    }
  }
  throw new HandshakeError(`Varint longer than ${MAX_VARINT_BYTES} bytes`);
}

function hexBytes(bytes: Uint8Array): string {
  return Array.from(bytes, hex).join(' ');
}
