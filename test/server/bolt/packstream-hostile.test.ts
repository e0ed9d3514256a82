/**
 * The decoder reads bytes from anyone who can open a socket: whatever they send, it returns a value
 * or throws a PackStreamError that says what and where, quickly and without allocating what a
 * header merely claims.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PackStreamError } from '../../../src/server/bolt/errors.js';
import { decode, encode, MAX_CONTAINERS, MAX_DEPTH, Structure } from '../../../src/server/bolt/packstream.js';
import { hex, utf8 } from '../../support/bytes.js';
import { arbitraryPackValue } from '../../support/pack-arbitraries.js';

/** The message PackStream errors carry, or a failure if decode returned or threw anything else. */
function decodeError(bytes: Uint8Array, maxDepth?: number): string {
  try {
    decode(bytes, maxDepth === undefined ? {} : { maxDepth });
  } catch (error) {
    if (error instanceof PackStreamError) return error.message;
    throw error;
  }
  throw new Error('decoded without an error');
}

// bolt.md §6.1 and §6.2: what neo4j-driver sends (without the chunk framing).
const RUN_SHOW_USERS = hex(`b3 10 8a ${utf8('SHOW USERS')} a0 a1 82 6462 86 ${utf8('system')}`);
const LOGON_BASIC = hex(
  `b1 6a a3 86 ${utf8('scheme')} 85 ${utf8('basic')} 89 ${utf8('principal')} 85 ${utf8('neo4j')} 8b ${utf8('credentials')} 88 ${utf8('password')}`,
);
const EVERY_TYPE = encode([
  null,
  true,
  -17n,
  1000n,
  2n ** 40n,
  1.5,
  'é€😀',
  Uint8Array.of(1, 2),
  new Map([['k', [1n]]]),
  new Structure(0x44, [1n]),
]);

describe('truncated input', () => {
  it.each([
    ['RUN "SHOW USERS"', RUN_SHOW_USERS],
    ['LOGON basic', LOGON_BASIC],
    ['a List of every type and width', EVERY_TYPE],
  ])('%s: every proper prefix fails with a PackStreamError', (_name, message) => {
    expect(decode(message)).toBeDefined();
    for (let length = 0; length < message.length; length++) {
      expect(decodeError(message.subarray(0, length))).toMatch(
        /^(Truncated|String of|Bytes value of|List declares|Dictionary declares|Structure declares)/,
      );
    }
  });

  it.each([
    ['', 'Truncated: 1 more byte needed (at byte 0)'],
    ['c1 3f f3', 'Truncated: 8 more bytes needed (at byte 1)'],
    ['cb 00 00 00', 'Truncated: 8 more bytes needed (at byte 1)'],
    ['d1 00', 'Truncated: 2 more bytes needed (at byte 1)'],
    ['85 6e 65', 'String of 5 bytes, but only 2 bytes left (at byte 1)'],
    ['cc 03 01', 'Bytes value of 3 bytes, but only 1 byte left (at byte 2)'],
    ['b1', 'Structure declares 1 field, but only 0 bytes left (at byte 1)'],
  ])('%s: %s', (bytes, message) => {
    expect(decodeError(hex(bytes))).toBe(message);
  });
});

describe('declared sizes beyond the input', () => {
  it.each([
    [
      'a List of 2^31-1 items in 10 bytes',
      'd6 7f ff ff ff 00 00 00 00 00',
      'List declares 2147483647 items, but only 5 bytes left (at byte 5)',
    ],
    [
      'a List of 2^31 items (over the cap)',
      'd6 80 00 00 00 00 00 00 00 00',
      "Size 2147483648 exceeds PackStream's limit of 2147483647 (at byte 1)",
    ],
    ['a List of 2^32-1 items', 'd6 ff ff ff ff', "Size 4294967295 exceeds PackStream's limit of 2147483647 (at byte 1)"],
    [
      'a Dictionary of 2^31-1 entries',
      'da 7f ff ff ff 81 61 01',
      'Dictionary declares 2147483647 entries, but only 3 bytes left (at byte 5)',
    ],
    ['a Dictionary whose entries need 2 bytes each', 'a2 81 61', 'Dictionary declares 2 entries, but only 2 bytes left (at byte 1)'],
    ['a String of 2^31-1 bytes', 'd2 7f ff ff ff 61', 'String of 2147483647 bytes, but only 1 byte left (at byte 5)'],
    ['Bytes value of 2^31-1', 'ce 7f ff ff ff 61', 'Bytes value of 2147483647 bytes, but only 1 byte left (at byte 5)'],
    ['a List of 65 535 items in 4 bytes', 'd5 ff ff c0', 'List declares 65535 items, but only 1 byte left (at byte 3)'],
    ['a Structure of 15 fields and no data', 'bf 01', 'Structure declares 15 fields, but only 1 byte left (at byte 1)'],
  ])('%s fails at once', (_name, bytes, message) => {
    expect(decodeError(hex(bytes))).toBe(message);
  });

  it('a thousand nested 2^31-1 declarations still fail on the first (nothing is allocated up front)', () => {
    const bytes = hex('d6 7f ff ff ff'.repeat(1000));
    expect(decodeError(bytes)).toBe('List declares 2147483647 items, but only 4995 bytes left (at byte 5)');
  });
});

describe('nesting', () => {
  const lists = (n: number) => hex(`${'91 '.repeat(n - 1)}90`);

  it(`accepts ${MAX_DEPTH} nested containers and refuses ${MAX_DEPTH + 1}`, () => {
    expect(decode(lists(MAX_DEPTH))).toBeDefined();
    expect(decodeError(lists(MAX_DEPTH + 1))).toBe('List nested deeper than 64 levels (at byte 64)');
  });

  it('refuses 100 000 levels with the same error, not a stack overflow', () => {
    expect(decodeError(lists(100_000))).toBe('List nested deeper than 64 levels (at byte 64)');
  });

  it('counts Dictionaries and Structures as levels too', () => {
    const dictionaries = hex(`${'a1 81 61 '.repeat(MAX_DEPTH)}a0`);
    expect(decodeError(dictionaries)).toBe(`Dictionary nested deeper than 64 levels (at byte ${3 * MAX_DEPTH})`);
    const structures = hex(`${'b1 01 '.repeat(MAX_DEPTH)}b0 01`);
    expect(decodeError(structures)).toBe(`Structure nested deeper than 64 levels (at byte ${2 * MAX_DEPTH})`);
  });

  it('takes a smaller limit as an option', () => {
    expect(decode(lists(3), { maxDepth: 3 })).toEqual([[[]]]);
    expect(decodeError(lists(4), 3)).toBe('List nested deeper than 3 levels (at byte 3)');
  });
});

describe('malformed bytes', () => {
  const RESERVED = [0xc4, 0xc5, 0xc6, 0xc7, 0xcf, 0xd3, 0xd7, ...Array.from({ length: 0xef - 0xdb + 1 }, (_, i) => 0xdb + i)];

  it.each(RESERVED.map((m) => [m.toString(16).toUpperCase(), m] as const))('reserved marker %s is refused', (name, marker) => {
    expect(decodeError(Uint8Array.of(marker))).toBe(`Reserved marker 0x${name} (at byte 0)`);
    expect(decodeError(Uint8Array.of(0x92, 0xc0, marker))).toBe(`Reserved marker 0x${name} (at byte 2)`);
  });

  it.each([
    ['c0 c0', '1 trailing byte after the value (at byte 1)'],
    ['b1 70 a0 00 00', '2 trailing bytes after the value (at byte 3)'],
  ])('trailing bytes: %s', (bytes, message) => {
    expect(decodeError(hex(bytes))).toBe(message);
  });

  it.each([
    ['a byte that never starts a character', '81 ff'],
    ['a lone continuation byte', '81 80'],
    ['an overlong encoding of NUL', '82 c0 80'],
    ['an encoded surrogate', '83 ed a0 80'],
    ['a sequence cut by the String size', '82 e2 82'],
    ['a code point above U+10FFFF', '84 f4 90 80 80'],
  ])('invalid UTF-8 is refused, not replaced: %s', (_name, bytes) => {
    expect(decodeError(hex(bytes))).toBe('String is not valid UTF-8 (at byte 1)');
  });

  it.each([
    ['an Integer', 'a1 01 02', 'Dictionary key is not a String: marker 0x01 (at byte 1)'],
    ['Null', 'a1 c0 02', 'Dictionary key is not a String: marker 0xC0 (at byte 1)'],
    ['a List (refused before it is read)', 'a1 d6 7f ff ff ff', 'Dictionary key is not a String: marker 0xD6 (at byte 1)'],
  ])('a Dictionary key that is %s', (_name, bytes, message) => {
    expect(decodeError(hex(bytes))).toBe(message);
  });
});

describe('random and mutated input', () => {
  const INTERESTING = [
    0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xaf, 0xb0, 0xbf, 0xc0, 0xc1, 0xc8, 0xcb, 0xcc, 0xce, 0xd0, 0xd2, 0xd4, 0xd6, 0xd8, 0xda, 0xff, 0x7f,
  ];
  const byte = fc.oneof(fc.integer({ min: 0, max: 255 }), fc.constantFrom(...INTERESTING));

  /** decode's outcome: a value or a PackStreamError; anything else escapes and fails the property. */
  function tryDecode(bytes: Uint8Array): void {
    try {
      decode(bytes);
    } catch (error) {
      if (!(error instanceof PackStreamError)) throw error;
    }
  }

  it('random bytes give a value or a PackStreamError', () => {
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 80 }), (bytes) => tryDecode(Uint8Array.from(bytes))),
      { numRuns: 3000 },
    );
  });

  it('valid encodings with a byte changed, inserted or removed give a value or a PackStreamError', () => {
    fc.assert(
      fc.property(arbitraryPackValue, fc.nat(), byte, fc.constantFrom('set', 'insert', 'remove'), (value, where, b, how) => {
        const bytes = Array.from(encode(value));
        const at = where % (bytes.length + 1);
        if (how === 'set') bytes[Math.min(at, bytes.length - 1)] = b;
        else if (how === 'insert') bytes.splice(at, 0, b);
        else bytes.splice(at, 1);
        tryDecode(Uint8Array.from(bytes));
      }),
      { numRuns: 2000 },
    );
  });

  it('any value round-trips through encode and decode', () => {
    fc.assert(
      fc.property(arbitraryPackValue, (value) => {
        expect(decode(encode(value))).toEqual(value);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('memory', () => {
  // An empty Dictionary is one byte on the wire and some 200 bytes of heap: the count of containers is capped.
  const maps = (n: number) =>
    new Uint8Array([0xd4 + 2, (n >> 24) & 0xff, (n >> 16) & 0xff, (n >> 8) & 0xff, n & 0xff, ...new Array<number>(n).fill(0xa0)]);

  it(`decodes ${MAX_CONTAINERS - 1} empty Dictionaries in a List, and refuses one more`, () => {
    expect((decode(maps(MAX_CONTAINERS - 1)) as unknown[]).length).toBe(MAX_CONTAINERS - 1);
    expect(() => decode(maps(MAX_CONTAINERS))).toThrow(
      `More Lists, Dictionaries and Structures than one message may hold (at byte ${5 + MAX_CONTAINERS - 1})`,
    );
  });

  it('takes a smaller limit as an option', () => {
    expect(() => decode(maps(3), { maxContainers: 3 })).toThrow(
      'More Lists, Dictionaries and Structures than one message may hold (at byte 7)',
    );
  });
});
