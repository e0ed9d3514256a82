/**
 * Our codec against neo4j-driver's own (clients.md §1.1): the bytes we write are the bytes the driver
 * writes, the driver reads ours back, and we read the driver's, chunked or not. The driver is the
 * other end of every connection the server will have, so it is the oracle.
 */
import fc from 'fast-check';
import { int } from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { chunkAll, Dechunker } from '../../../src/server/bolt/chunking.js';
import { decode, encode, Structure } from '../../../src/server/bolt/packstream.js';
import { hex, toHex } from '../../support/bytes.js';
import { driverChunkedMessages, driverDechunk, driverPack, driverUnpack, toDriver, type DriverValue } from '../../support/driver-codec.js';
import { arbitraryInteger, arbitraryPackValue } from '../../support/pack-arbitraries.js';

/** Splits a stream at the given cut points, as TCP might deliver it. */
function slices(stream: Uint8Array, cuts: readonly number[]): Uint8Array[] {
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => stream.subarray(start, points[i] ?? stream.length));
}

describe('the driver as oracle', () => {
  it('packs RECORD ["neo4j", null, false, null, null] as bolt.md §6.2 prints it, and so do we', () => {
    const ours = new Structure(0x71, [['neo4j', null, false, null, null]]);
    expect(toHex(driverPack(toDriver(ours)))).toBe('b1 71 95 85 6e 65 6f 34 6a c0 c2 c0 c0');
    expect(toHex(encode(ours))).toBe('b1 71 95 85 6e 65 6f 34 6a c0 c2 c0 c0');
  });

  it('writes the same bytes as the driver for any value', () => {
    fc.assert(
      fc.property(arbitraryPackValue, (value) => {
        expect(toHex(encode(value))).toBe(toHex(driverPack(toDriver(value))));
      }),
      { numRuns: 1500 },
    );
  });

  it('is read back by the driver: our bytes unpack to the value, in the driver model', () => {
    fc.assert(
      fc.property(arbitraryPackValue, (value) => {
        expect(driverUnpack(encode(value))).toEqual(toDriver(value));
      }),
      { numRuns: 1500 },
    );
  });

  it('reads what the driver packs', () => {
    fc.assert(
      fc.property(arbitraryPackValue, (value) => {
        expect(decode(driverPack(toDriver(value)))).toEqual(value);
      }),
      { numRuns: 1500 },
    );
  });

  it("reads a user's neo4j.int(…) parameter as the exact bigint", () => {
    fc.assert(
      fc.property(arbitraryInteger, (value) => {
        const packed = driverPack(int(value.toString()) as unknown as DriverValue);
        expect(decode(packed)).toBe(value);
      }),
    );
  });

  it('reads messages the driver chunked (small chunk buffers, so messages span chunks), delivered in any slices', () => {
    fc.assert(
      fc.property(
        fc.array(arbitraryPackValue, { minLength: 1, maxLength: 4 }),
        // 16 is about the least the driver's chunker works with: it must fit a Float and a chunk header.
        fc.constantFrom(16, 17, 64, 1400),
        fc.array(fc.nat(), { maxLength: 6 }),
        (values, bufferSize, cuts) => {
          const stream = driverChunkedMessages(values.map(toDriver), bufferSize);
          const dechunker = new Dechunker();
          const messages = slices(stream, cuts).flatMap((slice) => dechunker.push(slice));
          expect(messages.map((m) => decode(m))).toEqual(values);
          expect(dechunker.midMessage).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('chunks messages the driver reassembles', () => {
    fc.assert(
      fc.property(fc.array(arbitraryPackValue, { minLength: 1, maxLength: 4 }), (values) => {
        const messages = driverDechunk(chunkAll(values.map((v) => encode(v))));
        expect(messages.map(driverUnpack)).toEqual(values.map(toDriver));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the driver on a message of more than one full chunk', () => {
    const value = 'x'.repeat(200_000);
    expect(driverDechunk(chunkAll([encode(value)])).map(driverUnpack)).toEqual([value]);
    expect(new Dechunker().push(driverChunkedMessages([value])).map((m) => decode(m))).toEqual([value]);
  });

  it('skips the NOOPs the driver skips', () => {
    const stream = hex('00 00 00 03 b1 70 a0 00 00 00 00 00 00 00 02 b0 7e 00 00');
    expect(driverDechunk(stream).map(toHex)).toEqual(['b1 70 a0', 'b0 7e']);
    expect(new Dechunker().push(stream).map(toHex)).toEqual(['b1 70 a0', 'b0 7e']);
  });
});
