/**
 * Random PackStream values in our value model (src/server/bolt/packstream.ts), biased to the width
 * boundaries and to the keys a hostile client would pick, for the codec's properties.
 */
import fc from 'fast-check';
import { Structure, type PackValue } from '../../src/server/bolt/packstream.js';

const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

/** Each width's edges, both sides: where an off-by-one in the encoder would show. */
const integerEdges = [0n, 127n, 128n, -16n, -17n, -128n, -129n, 32_767n, 32_768n, -32_768n, -32_769n].concat([
  2n ** 31n - 1n,
  2n ** 31n,
  -(2n ** 31n),
  -(2n ** 31n) - 1n,
  2n ** 53n + 1n,
  INT64_MAX,
  INT64_MIN,
]);

export const arbitraryInteger: fc.Arbitrary<bigint> = fc.oneof(
  fc.constantFrom(...integerEdges),
  fc.bigInt({ min: -200n, max: 200n }),
  fc.bigInt({ min: INT64_MIN, max: INT64_MAX }),
);

/** Full code points only: a lone surrogate has no UTF-8 form, so it cannot round-trip (it encodes as U+FFFD). */
const arbitraryString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.string({ unit: 'grapheme-ascii', minLength: 14, maxLength: 18 }),
  fc.constantFrom('', 'neo4j', 'é', '😀', '\uFEFFbom'),
);

const arbitraryKey = fc.oneof(arbitraryString, fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty'));

export const arbitraryPackValue: fc.Arbitrary<PackValue> = fc.letrec<{ value: PackValue }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', maxDepth: 4 },
    fc.constant(null),
    fc.boolean(),
    arbitraryInteger,
    fc.double(),
    arbitraryString,
    fc.uint8Array({ maxLength: 20 }),
    fc.array(tie('value'), { maxLength: 17 }),
    fc.array(fc.tuple(arbitraryKey, tie('value')), { maxLength: 17 }).map((entries) => new Map(entries)),
    fc
      .tuple(fc.integer({ min: 0, max: 0xff }), fc.array(tie('value'), { maxLength: 15 }))
      .map(([tag, fields]) => new Structure(tag, fields)),
  ),
})).value;
