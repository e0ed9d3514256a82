/**
 * Bolt's chunked framing (bolt.md §3): chunks of at most 65 535 bytes, `00 00` after each message,
 * NOOPs between messages, and a stream TCP may split anywhere.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chunk, chunkAll, Dechunker, DEFAULT_MAX_MESSAGE_SIZE, MAX_CHUNK_SIZE } from '../../../src/server/bolt/chunking.js';
import { ChunkingError } from '../../../src/server/bolt/errors.js';
import { hex, toHex, utf8 } from '../../support/bytes.js';

// bolt.md §6.2: neo4j-driver's RUN and PULL, pipelined in one segment.
const RUN = `b3 10 8a ${utf8('SHOW USERS')} a0 a1 82 6462 86 ${utf8('system')}`;
const PULL = 'b1 3f a1 81 6e c9 03 e8';
const RUN_PULL_SEGMENT = hex(`00 19 ${RUN} 00 00  00 08 ${PULL} 00 00`);

describe('chunk', () => {
  it.each([
    ['SUCCESS {}', 'b1 70 a0', '00 03 b1 70 a0 00 00'],
    ['TELEMETRY 2', 'b1 54 02', '00 03 b1 54 02 00 00'],
    ['RECORD ["neo4j", null, false, null, null]', 'b1 71 95 85 6e656f346a c0 c2 c0 c0', '00 0d b1 71 95 85 6e656f346a c0 c2 c0 c0 00 00'],
    ['PULL {n: 1000}', PULL, `00 08 ${PULL} 00 00`],
  ])('%s', (_name, message, framed) => {
    expect(toHex(chunk(hex(message)))).toBe(toHex(hex(framed)));
  });

  it('frames RUN and PULL into the one segment neo4j-driver sends', () => {
    expect(toHex(chunkAll([hex(RUN), hex(PULL)]))).toBe(toHex(RUN_PULL_SEGMENT));
  });

  it.each([
    [MAX_CHUNK_SIZE, ['ff ff'], 65_539],
    [MAX_CHUNK_SIZE + 1, ['ff ff', '00 01'], 65_542],
    [2 * MAX_CHUNK_SIZE, ['ff ff', 'ff ff'], 131_076],
  ])('a message of %i bytes: chunk headers %j, %i bytes in all', (size, headers, total) => {
    const message = new Uint8Array(size).fill(0xab);
    const framed = chunk(message);
    expect(framed.length).toBe(total);
    const seen: string[] = [];
    for (let at = 0; at < framed.length - 2;) {
      const length = (framed[at]! << 8) | framed[at + 1]!;
      seen.push(toHex(framed.subarray(at, at + 2)));
      at += 2 + length;
    }
    expect(seen).toEqual(headers);
    expect(toHex(framed.subarray(-2))).toBe('00 00');
    expect(new Dechunker().push(framed)).toEqual([message]);
  });

  it('refuses an empty message, which would read as a NOOP', () => {
    expect(() => chunk(new Uint8Array())).toThrow(ChunkingError);
    expect(() => chunkAll([hex('b0 0f'), new Uint8Array()])).toThrow('An empty message cannot be chunked');
  });

  it('writes nothing for no messages', () => {
    expect(chunkAll([])).toEqual(new Uint8Array());
  });
});

describe('Dechunker', () => {
  it('reassembles RUN and PULL from one segment', () => {
    expect(new Dechunker().push(RUN_PULL_SEGMENT).map(toHex)).toEqual([toHex(hex(RUN)), toHex(hex(PULL))]);
  });

  it('gives the same messages however the segment is split, at every pair of offsets', () => {
    const stream = hex(`00 00 ${toHex(RUN_PULL_SEGMENT)} 00 00 00 01 c0 00 01 c0 00 00 00 00`);
    const expected = [toHex(hex(RUN)), toHex(hex(PULL)), 'c0 c0'];
    for (let a = 0; a <= stream.length; a++) {
      for (let b = a; b <= stream.length; b++) {
        const dechunker = new Dechunker();
        const messages = [stream.subarray(0, a), stream.subarray(a, b), stream.subarray(b)].flatMap((s) => dechunker.push(s));
        expect(messages.map(toHex)).toEqual(expected);
        expect(dechunker.midMessage).toBe(false);
      }
    }
  });

  it('gives the same messages when fed one byte at a time', () => {
    const dechunker = new Dechunker();
    const messages = Array.from(RUN_PULL_SEGMENT, (byte) => dechunker.push(Uint8Array.of(byte))).flat();
    expect(messages.map(toHex)).toEqual([toHex(hex(RUN)), toHex(hex(PULL))]);
  });

  it('skips NOOPs: before, between and after messages', () => {
    expect(new Dechunker().push(hex('00 00 00 00 00 03 b1 70 a0 00 00 00 00'))).toEqual([hex('b1 70 a0')]);
    expect(new Dechunker().push(hex('00 00'))).toEqual([]);
  });

  it('says when it is mid-message: a header byte, a chunk, or whole chunks without their end', () => {
    const dechunker = new Dechunker();
    expect(dechunker.midMessage).toBe(false);
    for (const [bytes, mid] of [
      ['00', true],
      ['03 b1', true],
      ['70 a0', true],
      ['00', true],
      ['00', false],
    ] as const) {
      dechunker.push(hex(bytes));
      expect(dechunker.midMessage).toBe(mid);
    }
  });

  it('copies what it keeps, so the caller may reuse its buffer between pushes', () => {
    const dechunker = new Dechunker();
    const buffer = hex('00 03 b1 70');
    dechunker.push(buffer);
    buffer.fill(0xee);
    expect(dechunker.push(hex('a0 00 00'))).toEqual([hex('b1 70 a0')]);
  });

  it('refuses a message over the limit as soon as a chunk header announces it, and stays failed', () => {
    const dechunker = new Dechunker({ maxMessageSize: 10 });
    expect(dechunker.push(hex('00 0a 01 02 03 04 05 06 07 08 09 0a 00 00'))).toHaveLength(1);
    expect(dechunker.push(hex('00 06 01 02 03 04 05 06'))).toEqual([]);
    // 6 + 5 > 10: refused on the header, before its body arrives.
    expect(() => dechunker.push(hex('00 05'))).toThrow(new ChunkingError('Message larger than the limit of 10 bytes'));
    expect(() => dechunker.push(hex('00 00'))).toThrow(ChunkingError);
  });

  it('has a default limit of 1 MiB', () => {
    expect(DEFAULT_MAX_MESSAGE_SIZE).toBe(1024 * 1024);
    const dechunker = new Dechunker();
    const header = hex('ff ff');
    for (let i = 0; i < Math.floor(DEFAULT_MAX_MESSAGE_SIZE / MAX_CHUNK_SIZE); i++) {
      dechunker.push(header);
      dechunker.push(new Uint8Array(MAX_CHUNK_SIZE));
    }
    expect(() => dechunker.push(header)).toThrow(ChunkingError);
  });

  it('random input gives messages or a ChunkingError, and never buffers past its limit', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 8 }), (slices) => {
        const dechunker = new Dechunker({ maxMessageSize: 100 });
        try {
          for (const slice of slices) for (const message of dechunker.push(slice)) expect(message.length).toBeLessThanOrEqual(100);
        } catch (error) {
          if (!(error instanceof ChunkingError)) throw error;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
