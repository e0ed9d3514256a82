/**
 * `SET ENCRYPTED PASSWORD` values: parseEncrypted scans by hand what Neo4j's format is as a regex
 * (`<version digit>,<hex>,<hex>`); it must accept, lower-case and refuse exactly what the regex does.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEncrypted } from '../../src/crypto/password.js';

const FORMAT = /^([0-9]),([A-Fa-f0-9]+),([A-Fa-f0-9]+)$/;

/** The regex's verdict, as parseEncrypted words it (versions 0 and 1 exist). */
function byRegex(value: string): string {
  const version = FORMAT.exec(value)?.[1];
  if (version === undefined) return 'format';
  return version === '0' || version === '1' ? value.toLowerCase() : 'version';
}

describe('parseEncrypted', () => {
  it.each([
    ['1,AbC0,ff', '1,abc0,ff'],
    ['0,a,b', '0,a,b'],
    ['2,a,b', 'version'],
    ['1,,b', 'format'],
    ['1,a,', 'format'],
    ['1,a,b\n', 'format'],
    ['1,a,b,c', 'format'],
    ['12,a,b', 'format'],
    [',a,b', 'format'],
    ['1,g,b', 'format'],
    // Characters one bit away from a hex digit (0x10-0x19 | 0x20 is a digit's code; 'G' | 0x20 is 'g').
    ['1,\u0011,b', 'format'],
    ['1,a,\u0006', 'format'],
    ['1,@,b', 'format'],
    ['', 'format'],
  ])('%j is %j', (value, expected) => {
    expect(parseEncrypted(value)).toBe(expected);
    expect(byRegex(value)).toBe(expected);
  });

  it('agrees with the regex on random values', () => {
    const char = fc.constantFrom(...'0129aAfFgG,@`\u0011\u0006\n é');
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }), (chars) => {
        const value = chars.join('');
        expect(parseEncrypted(value)).toBe(byRegex(value));
      }),
      { numRuns: 5000, seed: 16 },
    );
  });
});
