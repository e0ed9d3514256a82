/**
 * The handshake vectors of bolt.md §2: what neo4j-driver 6.3.0 and the Python driver send, the
 * replies they accepted, and testkit's manifest vector (`test_handshake_manifest.py`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HandshakeError } from '../../../src/server/bolt/errors.js';
import {
  decodeVarint,
  DEFAULT_VERSIONS,
  encodeVarint,
  negotiate,
  readManifestChoice,
  readOpening,
  type Proposal,
} from '../../../src/server/bolt/handshake.js';
import type { BoltVersion } from '../../../src/server/bolt/version.js';
import { hex, toHex } from '../../support/bytes.js';

const DRIVER_OPENING = hex('60 60 b0 17  00 00 01 ff  00 08 08 05  00 02 04 04  00 00 00 03');
const DRIVER_PROPOSALS: readonly Proposal[] = [
  { kind: 'manifest', version: 1 },
  { kind: 'range', major: 5, minor: 8, range: 8 },
  { kind: 'range', major: 4, minor: 4, range: 2 },
  { kind: 'range', major: 3, minor: 0, range: 0 },
];
const v = (major: number, minor: number): BoltVersion => ({ major, minor });
const minors = (major: number, high: number, low = 0) => Array.from({ length: high - low + 1 }, (_, i) => v(major, high - i));

function bolt(bytes: Uint8Array) {
  const opening = readOpening(bytes);
  if (opening.kind !== 'bolt') throw new Error(`expected a Bolt opening, got ${opening.kind}`);
  return opening;
}

describe('readOpening', () => {
  it("parses the drivers' 20 bytes: manifest v1 first, then 5.8–5.0, 4.4–4.2, 3.0", () => {
    expect(bolt(DRIVER_OPENING)).toEqual({ kind: 'bolt', proposals: DRIVER_PROPOSALS, rest: new Uint8Array() });
  });

  it('skips empty slots and returns any bytes after the 20', () => {
    const opening = bolt(hex('60 60 b0 17  00 00 04 05  00 00 00 00  00 00 00 00  00 00 00 00  00 03'));
    expect(opening.proposals).toEqual([{ kind: 'range', major: 5, minor: 4, range: 0 }]);
    expect(toHex(opening.rest)).toBe('00 03');
  });

  it('waits for all 20 bytes', () => {
    for (let length = 0; length < 20; length++) expect(readOpening(DRIVER_OPENING.subarray(0, length))).toEqual({ kind: 'incomplete' });
  });

  it.each([
    'GET / HTTP/1.1\r\nHost: x\r\n\r\n',
    'GET / HTTP/1.0\r\n\r\n',
    'POST /db/neo4j/tx HTTP/1.1\r\n',
    'HEAD / HTTP/1.1',
    'OPTIONS * HTTP/1.1',
    'PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n',
  ])('recognises HTTP from its first 4 bytes: %j', (request) => {
    expect(readOpening(new TextEncoder().encode(request))).toEqual({ kind: 'http' });
    expect(readOpening(new TextEncoder().encode(request.slice(0, 4)))).toEqual({ kind: 'http' });
  });

  it.each([
    ['a wrong magic', '60 60 b0 18 00 00 00 00', 'Not a Bolt handshake: it starts 60 60 B0 18, not 60 60 B0 17'],
    ['a TLS ClientHello (bolt+s to a plain port)', '16 03 01 02 00 01', 'Not a Bolt handshake: it starts 16 03 01 02, not 60 60 B0 17'],
    ['lower-case "get "', '67 65 74 20', 'Not a Bolt handshake: it starts 67 65 74 20, not 60 60 B0 17'],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => readOpening(hex(bytes))).toThrow(new HandshakeError(message));
  });
});

describe('negotiate', () => {
  it('answers the manifest, offering 6.0, 5.8–5.6 and 5.4–5.0 (no 5.5) by default', () => {
    const negotiation = negotiate(DRIVER_PROPOSALS);
    expect(negotiation.kind).toBe('manifest');
    expect(toHex(negotiation.reply)).toBe('00 00 01 ff 03 00 00 00 06 00 02 08 05 00 04 04 05 00');
    expect(negotiation.kind === 'manifest' && negotiation.offered).toEqual(DEFAULT_VERSIONS);
  });

  it('writes the manifest bolt.md §2 observed for 5.8–5.0: one entry', () => {
    expect(toHex(negotiate(DRIVER_PROPOSALS, { versions: minors(5, 8) }).reply)).toBe('00 00 01 ff 01 00 08 08 05 00');
  });

  it("writes testkit's manifest vector, whatever order the versions are configured in", () => {
    const versions = [v(3, 0), ...minors(4, 4), ...minors(5, 7)];
    expect(toHex(negotiate(DRIVER_PROPOSALS, { versions }).reply)).toBe('00 00 01 ff 03 00 07 07 05 00 04 04 04 00 00 00 03 00');
    expect(toHex(negotiate(DRIVER_PROPOSALS, { versions: [...versions, v(5, 7)].reverse() }).reply)).toBe(
      '00 00 01 ff 03 00 07 07 05 00 04 04 04 00 00 00 03 00',
    );
  });

  it('without the manifest, answers the newest version in the first slot that matches: 5.8', () => {
    const negotiation = negotiate(DRIVER_PROPOSALS, { manifest: false });
    expect(negotiation).toEqual({ kind: 'version', version: v(5, 8), reply: hex('00 00 08 05') });
  });

  it.each([
    [[v(5, 4)], '00 00 04 05'],
    [[v(5, 0)], '00 00 00 05'],
    [[v(6, 0), v(5, 2), v(5, 1)], '00 00 02 05'],
    [[v(4, 4), v(4, 1)], '00 00 04 04'],
    [[v(4, 1)], '00 00 00 00'],
    [[v(6, 0)], '00 00 00 00'],
  ])('without the manifest, serving %j: %s', (versions, reply) => {
    expect(toHex(negotiate(DRIVER_PROPOSALS, { versions, manifest: false }).reply)).toBe(reply);
  });

  it('takes the first matching slot in the client order, not the newest overall', () => {
    const proposals: Proposal[] = [
      { kind: 'range', major: 5, minor: 2, range: 0 },
      { kind: 'range', major: 5, minor: 8, range: 0 },
    ];
    expect(negotiate(proposals)).toMatchObject({ kind: 'version', version: v(5, 2) });
  });

  it('passes over a manifest version it does not know', () => {
    expect(negotiate([{ kind: 'manifest', version: 2 }, ...DRIVER_PROPOSALS.slice(1)])).toMatchObject({
      kind: 'version',
      version: v(5, 8),
    });
  });

  it('says none, 00 00 00 00, when nothing matches', () => {
    expect(negotiate([{ kind: 'range', major: 4, minor: 4, range: 4 }])).toEqual({ kind: 'none', reply: hex('00 00 00 00') });
    expect(negotiate([])).toEqual({ kind: 'none', reply: hex('00 00 00 00') });
  });

  it.each([[v(0, 1)], [v(255, 1)], [v(5, 256)], [v(5, -1)], [v(5.5, 0)]])('refuses to serve %j (not a slot version)', (version) => {
    expect(() => negotiate(DRIVER_PROPOSALS, { versions: [version] })).toThrow(RangeError);
  });
});

describe('readManifestChoice', () => {
  it("reads testkit's client reply 00 00 07 05 00: 5.7, no capabilities", () => {
    const offered = [...minors(5, 7), ...minors(4, 4), v(3, 0)];
    expect(readManifestChoice(hex('00 00 07 05 00'), offered)).toEqual({
      kind: 'chosen',
      version: v(5, 7),
      capabilities: 0n,
      rest: new Uint8Array(),
    });
  });

  it('returns the HELLO pipelined after the choice, as neo4j-driver sends it (bolt.md §2)', () => {
    const hello = '00 05 b1 01 a1 80 80 00 00';
    const choice = readManifestChoice(hex(`00 00 08 05 00 ${hello}`), DEFAULT_VERSIONS);
    expect(choice).toMatchObject({ kind: 'chosen', version: v(5, 8), capabilities: 0n });
    expect(choice.kind === 'chosen' && toHex(choice.rest)).toBe(hello);
  });

  it('waits for the four version bytes and the whole varint', () => {
    for (const bytes of ['', '00', '00 00 08', '00 00 08 05', '00 00 08 05 80', '00 00 08 05 80 80']) {
      expect(readManifestChoice(hex(bytes), DEFAULT_VERSIONS, 0xffffn)).toEqual({ kind: 'incomplete' });
    }
  });

  it.each([
    ['a version not offered (5.5)', '00 00 05 05 00', 'The client chose 00 00 05 05, which the server did not offer'],
    ['a range instead of one version', '00 02 08 05 00', 'The client chose 00 02 08 05, which the server did not offer'],
    ['no version at all', '00 00 00 00 00', 'The client chose no Bolt version from the manifest'],
    ['capabilities not offered', '00 00 08 05 01', 'The client chose capabilities 0x1, which the server did not offer'],
    ['a varint over 10 bytes', `00 00 08 05 ${'80 '.repeat(10)}00`, 'Varint longer than 10 bytes'],
  ])('refuses %s', (_name, bytes, message) => {
    expect(() => readManifestChoice(hex(bytes), DEFAULT_VERSIONS)).toThrow(new HandshakeError(message));
  });

  it('accepts capabilities within those offered', () => {
    expect(readManifestChoice(hex('00 00 00 06 03'), DEFAULT_VERSIONS, 0b111n)).toMatchObject({ version: v(6, 0), capabilities: 3n });
  });
});

describe('varints', () => {
  it.each([
    [0n, '00'],
    [1n, '01'],
    [127n, '7f'],
    [128n, '80 01'],
    [300n, 'ac 02'],
    [1_851_775n, 'ff 82 71'],
    [2n ** 64n - 1n, 'ff ff ff ff ff ff ff ff ff 01'],
  ])('%i is %s', (value, bytes) => {
    expect(toHex(encodeVarint(value))).toBe(bytes);
    expect(decodeVarint(hex(bytes), 0)).toEqual({ value, next: hex(bytes).length });
  });

  it('reads at an offset and reports where it ended', () => {
    expect(decodeVarint(hex('aa ff 82 71 bb'), 1)).toEqual({ value: 1_851_775n, next: 4 });
  });

  it('refuses more than 64 bits', () => {
    expect(() => decodeVarint(hex('ff ff ff ff ff ff ff ff ff 02'), 0)).toThrow(new HandshakeError('Varint exceeds 64 bits'));
    expect(() => decodeVarint(hex('80 '.repeat(10)), 0)).toThrow(new HandshakeError('Varint longer than 10 bytes'));
    expect(() => encodeVarint(2n ** 64n)).toThrow(RangeError);
    expect(() => encodeVarint(-1n)).toThrow(RangeError);
  });

  it('round-trips any unsigned 64-bit value', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), (value) => {
        expect(decodeVarint(encodeVarint(value), 0)?.value).toBe(value);
      }),
    );
  });
});

describe('random handshake bytes', () => {
  it('give a result or a HandshakeError', () => {
    const head = fc.constantFrom([0x60, 0x60, 0xb0, 0x17], [0x47, 0x45, 0x54, 0x20], []);
    fc.assert(
      fc.property(head, fc.uint8Array({ maxLength: 30 }), fc.uint8Array({ maxLength: 16 }), (start, opening, choice) => {
        try {
          readOpening(Uint8Array.from([...start, ...opening]));
        } catch (error) {
          if (!(error instanceof HandshakeError)) throw error;
        }
        try {
          readManifestChoice(choice, DEFAULT_VERSIONS);
        } catch (error) {
          if (!(error instanceof HandshakeError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('always negotiate to a reply: an offered version or 00 00 00 00', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), fc.boolean(), (slots, manifest) => {
        const negotiation = negotiate(bolt(Uint8Array.from([0x60, 0x60, 0xb0, 0x17, ...slots])).proposals, { manifest });
        if (negotiation.kind === 'version') expect(DEFAULT_VERSIONS).toContainEqual(negotiation.version);
        else if (negotiation.kind === 'none') expect(toHex(negotiation.reply)).toBe('00 00 00 00');
        else expect(manifest).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});
