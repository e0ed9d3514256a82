/**
 * Linting 100 KB of anything does work proportional to its size: the parser never backtracks or
 * rescans. Measured by counting parser lookahead calls and content-assist runs (a deterministic
 * count, not a clock), per token of input.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parser } from '../../grammar/parser.js';
import { parse } from '../../src/parse.js';
import { tokenize } from '../../src/script.js';
import { VALID_STATEMENTS } from '../support/corpus.js';

const SIZE = 100 * 1024;
let lookaheads = 0;
let assists = 0;
/** `LA` is protected in Chevrotain's typings; the test counts calls to it from outside. */
const instrumented = parser as unknown as { LA: (howMuch: number) => unknown };
const originalLA = instrumented.LA.bind(parser);
const originalAssist = parser.computeContentAssist.bind(parser);

beforeAll(() => {
  instrumented.LA = (howMuch: number) => {
    lookaheads += 1;
    return originalLA(howMuch);
  };
  parser.computeContentAssist = (rule, prefix) => {
    assists += 1;
    return originalAssist(rule, prefix);
  };
});
afterAll(() => {
  instrumented.LA = originalLA;
  parser.computeContentAssist = originalAssist;
});

function work(text: string): { perToken: number; assistsPerStatement: number } {
  lookaheads = 0;
  assists = 0;
  parse(text);
  const tokens = Math.max(1, tokenize(text).length);
  const statements = Math.max(1, text.split(';').length);
  return { perToken: lookaheads / tokens, assistsPerStatement: assists / statements };
}

const repeatTo = (unit: string) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);

const hostileInputs = fc.oneof(
  fc.constantFrom(...VALID_STATEMENTS).map((s) => repeatTo(`${s};\n`)),
  fc.constantFrom(...VALID_STATEMENTS).map((s) => repeatTo(s.slice(0, Math.floor(s.length / 2)) + ';\n')),
  fc.constantFrom('(', '[', '{', 'NOT ', '1 + ', 'a.', 'a, ', "'", '`', '$', 'CASE WHEN true THEN ', 'any(x IN ').map((piece) =>
    repeatTo(piece).replace(/^/, piece === 'a, ' ? 'GRANT ROLE r TO ' : 'SHOW USERS WHERE '),
  ),
  fc.array(fc.constantFrom(...VALID_STATEMENTS, 'SET', ',', "'x'", 'USER', 'WHERE', '(', ')'), { minLength: 5, maxLength: 30 }).map((parts) => repeatTo(parts.join(' '))),
);

describe('linting is linear in the size of the input', () => {
  it('100 KB inputs cost a bounded number of lookaheads per token and at most one content assist per statement', () => {
    fc.assert(
      fc.property(hostileInputs, (text) => {
        const { perToken, assistsPerStatement } = work(text);
        expect(perToken).toBeLessThan(40);
        expect(assistsPerStatement).toBeLessThanOrEqual(1);
      }),
      { numRuns: 20 },
    );
  }, 120_000);
});
