/**
 * PackStream v1 as bolt.md §4 states it (after neo4j/docs-bolt `packstream/index.adoc`): exact bytes
 * for every type and at every width boundary, and the round trip back.
 */
import { describe, expect, it } from 'vitest';
import { PackStreamError } from '../../../src/server/bolt/errors.js';
import {
  decode,
  encode,
  Structure,
  typeName,
  type Dictionary,
  type Packable,
  type PackableDictionary,
  type PackValue,
} from '../../../src/server/bolt/packstream.js';
import { hex, toHex, utf8 } from '../../support/bytes.js';

/** [value, its compact encoding]: what encode writes and decode reads back. */
const EXACT: readonly (readonly [string, PackValue, string])[] = [
  ['Null', null, 'c0'],
  ['false', false, 'c2'],
  ['true', true, 'c3'],
  // Integers: each width's first and last value, both signs.
  ['0', 0n, '00'],
  ['TINY_INT 127', 127n, '7f'],
  ['TINY_INT -1', -1n, 'ff'],
  ['TINY_INT -16', -16n, 'f0'],
  ['INT_8 -17', -17n, 'c8 ef'],
  ['INT_8 -128', -128n, 'c8 80'],
  ['INT_16 128', 128n, 'c9 00 80'],
  ['INT_16 -129', -129n, 'c9 ff 7f'],
  ['INT_16 1000 (PULL n)', 1000n, 'c9 03 e8'],
  ['INT_16 32767', 32_767n, 'c9 7f ff'],
  ['INT_16 -32768', -32_768n, 'c9 80 00'],
  ['INT_32 32768', 32_768n, 'ca 00 00 80 00'],
  ['INT_32 -32769', -32_769n, 'ca ff ff 7f ff'],
  ['INT_32 2^31-1', 2n ** 31n - 1n, 'ca 7f ff ff ff'],
  ['INT_32 -2^31', -(2n ** 31n), 'ca 80 00 00 00'],
  ['INT_64 2^31', 2n ** 31n, 'cb 00 00 00 00 80 00 00 00'],
  ['INT_64 -2^31-1', -(2n ** 31n) - 1n, 'cb ff ff ff ff 7f ff ff ff'],
  ['INT_64 2^53+1, exactly', 2n ** 53n + 1n, 'cb 00 20 00 00 00 00 00 01'],
  ['INT_64 -(2^53+1)', -(2n ** 53n) - 1n, 'cb ff df ff ff ff ff ff ff'],
  ['INT_64 max', 2n ** 63n - 1n, 'cb 7f ff ff ff ff ff ff ff'],
  ['INT_64 min', -(2n ** 63n), 'cb 80 00 00 00 00 00 00 00'],
  // Floats: a number is always a Float, whole or not.
  ['Float 1.23', 1.23, 'c1 3f f3 ae 14 7a e1 47 ae'],
  ['Float 7 (a whole number stays a Float)', 7, 'c1 40 1c 00 00 00 00 00 00'],
  ['Float 0', 0, 'c1 00 00 00 00 00 00 00 00'],
  ['Float -0', -0, 'c1 80 00 00 00 00 00 00 00'],
  ['Float NaN', NaN, 'c1 7f f8 00 00 00 00 00 00'],
  ['Float Infinity', Infinity, 'c1 7f f0 00 00 00 00 00 00'],
  ['Float -Infinity', -Infinity, 'c1 ff f0 00 00 00 00 00 00'],
  // Strings: the size counts UTF-8 bytes.
  ['empty String', '', '80'],
  ['String "neo4j"', 'neo4j', `85 ${utf8('neo4j')}`],
  ['String "é" (2 bytes)', 'é', '82 c3 a9'],
  ['String "😀" (4 bytes, 2 UTF-16 units)', '😀', '84 f0 9f 98 80'],
  ['String of a BOM, kept', '\uFEFF', '83 ef bb bf'],
  ['String of 8 "é": 16 bytes, so STRING_8', 'é'.repeat(8), `d0 10 ${utf8('é'.repeat(8))}`],
  // Bytes: no tiny form.
  ['empty Bytes', new Uint8Array(), 'cc 00'],
  ['Bytes 01 ff', Uint8Array.of(1, 255), 'cc 02 01 ff'],
  // Lists, Dictionaries, Structures.
  ['empty List', [], '90'],
  ['List [1, "a", null]', [1n, 'a', null], '93 01 81 61 c0'],
  ['empty Dictionary', new Map(), 'a0'],
  ['Dictionary {a: 1}', new Map([['a', 1n]]), 'a1 81 61 01'],
  ['Dictionary with a __proto__ key', new Map([['__proto__', new Map()]]), `a1 89 ${utf8('__proto__')} a0`],
  ['SUCCESS {}', new Structure(0x70, [new Map()]), 'b1 70 a0'],
  ['IGNORED', new Structure(0x7e, []), 'b0 7e'],
  ['Structure of 15 fields', new Structure(0x01, Array<PackValue>(15).fill(null)), `bf 01 ${'c0 '.repeat(15)}`],
  // bolt.md §6.2: the RECORD of the initial user in SHOW USERS.
  [
    'RECORD ["neo4j", null, false, null, null]',
    new Structure(0x71, [['neo4j', null, false, null, null]]),
    'b1 71 95 85 6e656f346a c0 c2 c0 c0',
  ],
];

describe('PackStream encoding and decoding', () => {
  it.each(EXACT)('%s', (_name, value, bytes) => {
    expect(toHex(encode(value))).toBe(toHex(hex(bytes)));
    expect(decode(hex(bytes))).toEqual(value);
  });

  it('decodes a Float bit for bit (NaN and -0 included)', () => {
    expect(Object.is(decode(hex('c1 80 00 00 00 00 00 00 00')), -0)).toBe(true);
    expect(Number.isNaN(decode(hex('c1 7f f8 00 00 00 00 00 00')))).toBe(true);
  });

  it('encodes a lone surrogate as U+FFFD, as TextEncoder and the drivers do: the output is always valid UTF-8', () => {
    expect(toHex(encode('\uD800'))).toBe('83 ef bf bd');
  });

  it('encodes a plain object as the Dictionary of its own keys, in order, including an own __proto__ key', () => {
    const literal: PackableDictionary = { b: 1n, a: 'x' };
    const map: PackableDictionary = new Map<string, Packable>([
      ['b', 1n],
      ['a', 'x'],
    ]);
    expect(toHex(encode(literal))).toBe(toHex(encode(map)));
    expect(toHex(encode(JSON.parse('{"__proto__": 1}') as Packable))).toBe(`a1 89 ${utf8('__proto__')} c1 3f f0 00 00 00 00 00 00`);
    expect(toHex(encode(Object.create(null) as Packable))).toBe('a0');
  });

  it('decodes a __proto__ key as a Map entry, reaching no prototype', () => {
    const value = decode(hex(`a1 89 ${utf8('__proto__')} a1 88 ${utf8('polluted')} c3`)) as Dictionary;
    expect(value).toEqual(new Map([['__proto__', new Map([['polluted', true]])]]));
    expect(Object.getPrototypeOf(value.get('__proto__'))).toBe(Map.prototype);
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
  });

  it('keeps the last value of a repeated Dictionary key', () => {
    expect(decode(hex('a2 81 61 01 81 61 02'))).toEqual(new Map([['a', 2n]]));
  });

  it('decodes Bytes as a copy, so the input buffer may be reused', () => {
    const input = hex('cc 02 01 02');
    const bytes = decode(input) as Uint8Array;
    input.fill(0);
    expect(toHex(bytes)).toBe('01 02');
    expect(bytes.constructor).toBe(Uint8Array);
  });

  it('reads a value in a window of a larger buffer (a Node Buffer from the pool)', () => {
    const backing = hex('ff ff c9 03 e8 ff');
    expect(decode(backing.subarray(2, 5))).toBe(1000n);
    expect(decode(Buffer.from(hex('b1 70 a0')))).toEqual(new Structure(0x70, [new Map()]));
  });
});

describe('PackStream sizes at each width boundary', () => {
  // [what, size, marker and size bytes]
  const SIZES: readonly (readonly [string, number, string])[] = [
    ['TINY', 15, '8f'],
    ['8-bit', 16, 'd0 10'],
    ['8-bit', 255, 'd0 ff'],
    ['16-bit', 256, 'd1 01 00'],
    ['16-bit', 65_535, 'd1 ff ff'],
    ['32-bit', 65_536, 'd2 00 01 00 00'],
  ];

  it.each(SIZES)('String of %s size %i (UTF-8 bytes)', (_width, size, bytes) => {
    const value = 'x'.repeat(size);
    const encoded = encode(value);
    expect(toHex(encoded.subarray(0, hex(bytes).length))).toBe(bytes);
    expect(encoded.length).toBe(hex(bytes).length + size);
    expect(decode(encoded)).toBe(value);
  });

  it.each(SIZES)('String of %s size %i when every character takes 3 bytes', (_width, size) => {
    if (size % 3 !== 0) return;
    const value = '€'.repeat(size / 3);
    expect(encode(value).length).toBe(encode('x'.repeat(size)).length);
    expect(decode(encode(value))).toBe(value);
  });

  it.each([
    [0, 'cc 00'],
    [255, 'cc ff'],
    [256, 'cd 01 00'],
    [65_535, 'cd ff ff'],
    [65_536, 'ce 00 01 00 00'],
  ])('Bytes of size %i', (size, bytes) => {
    const value = new Uint8Array(size).map((_, i) => i % 251);
    const encoded = encode(value);
    expect(toHex(encoded.subarray(0, hex(bytes).length))).toBe(bytes);
    expect(decode(encoded)).toEqual(value);
  });

  it.each([
    [15, '9f'],
    [16, 'd4 10'],
    [255, 'd4 ff'],
    [256, 'd5 01 00'],
    [65_535, 'd5 ff ff'],
    [65_536, 'd6 00 01 00 00'],
  ])('List of %i items', (size, bytes) => {
    const value = Array.from({ length: size }, (_, i) => BigInt(i % 100));
    const encoded = encode(value);
    expect(toHex(encoded.subarray(0, hex(bytes).length))).toBe(bytes);
    expect(decode(encoded)).toEqual(value);
  });

  it.each([
    [15, 'af'],
    [16, 'd8 10'],
    [255, 'd8 ff'],
    [256, 'd9 01 00'],
    [65_536, 'da 00 01 00 00'],
  ])('Dictionary of %i entries', (size, bytes) => {
    const value = new Map(Array.from({ length: size }, (_, i) => [`k${i}`, BigInt(i % 7)] as const));
    const encoded = encode(value);
    expect(toHex(encoded.subarray(0, hex(bytes).length))).toBe(bytes);
    expect(decode(encoded)).toEqual(value);
  });

  it('reads the wider encodings too, which are legal', () => {
    expect(decode(hex('c8 01'))).toBe(1n);
    expect(decode(hex('c9 00 01'))).toBe(1n);
    expect(decode(hex('ca 00 00 00 01'))).toBe(1n);
    expect(decode(hex('cb 00 00 00 00 00 00 00 01'))).toBe(1n);
    expect(decode(hex('d0 01 61'))).toBe('a');
    expect(decode(hex('d2 00 00 00 01 61'))).toBe('a');
    expect(decode(hex('d4 00'))).toEqual([]);
    expect(decode(hex('d6 00 00 00 01 c0'))).toEqual([null]);
    expect(decode(hex('d8 01 81 61 c0'))).toEqual(new Map([['a', null]]));
    expect(decode(hex('ce 00 00 00 00'))).toEqual(new Uint8Array());
  });
});

describe('values PackStream cannot carry', () => {
  const refused: readonly (readonly [string, unknown, RegExp])[] = [
    ['an Integer above 2^63-1', 2n ** 63n, /Cannot encode Integer 9223372036854775808: outside the 64-bit range/],
    ['an Integer below -2^63', -(2n ** 63n) - 1n, /outside the 64-bit range/],
    ['undefined', undefined, /Cannot encode undefined as PackStream/],
    ['a function', () => 1, /Cannot encode function/],
    ['a symbol', Symbol('s'), /Cannot encode symbol/],
    ['a Date (not silently {})', new Date(0), /Cannot encode a Date as PackStream/],
    ['an Int8Array (Bytes are Uint8Array)', new Int8Array(1), /Cannot encode an Int8Array as PackStream/],
    ['undefined in a List', [undefined], /Cannot encode undefined/],
    ['undefined in a Dictionary', { a: undefined }, /Cannot encode undefined/],
    ['a Map with a non-string key', new Map([[1, 1n]]), /Cannot encode a Dictionary key of type number/],
    ['a Structure of 16 fields', new Structure(0x01, Array<PackValue>(16).fill(null)), /Structure of 16 fields: at most 15/],
    ['a Structure tag of 256', new Structure(256, []), /Structure tag 256: not a byte/],
    ['a Structure tag of 1.5', new Structure(1.5, []), /Structure tag 1.5: not a byte/],
  ];

  it.each(refused)('%s', (_name, value, message) => {
    expect(() => encode(value as Packable)).toThrow(PackStreamError);
    expect(() => encode(value as Packable)).toThrow(message);
  });

  it('refuses a cyclic value with an error, not a stack overflow', () => {
    const cycle: Packable[] = [];
    cycle.push(cycle);
    expect(() => encode(cycle)).toThrow(/Cannot encode a value nested deeper than 1024 levels/);
    expect(() => encode([[[1n]]], { maxDepth: 2 })).toThrow(PackStreamError);
    expect(toHex(encode([[1n]], { maxDepth: 2 }))).toBe('91 91 01');
  });
});

describe('typeName', () => {
  it.each([
    [null, 'Null'],
    [true, 'Boolean'],
    [1n, 'Integer'],
    [1.5, 'Float'],
    ['s', 'String'],
    [new Uint8Array(), 'Bytes'],
    [[], 'List'],
    [new Map(), 'Dictionary'],
    [new Structure(1, []), 'Structure'],
  ] as const)('of %o is %s', (value, name) => {
    expect(typeName(value as PackValue)).toBe(name);
  });
});
