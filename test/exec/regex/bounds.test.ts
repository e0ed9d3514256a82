/**
 * Hostile patterns and texts: the matcher never backtracks (each instruction at most once per text
 * position), the program's size is capped, nesting is capped, and the work is charged to the caller.
 * These tests assert results, never times: a backtracking engine would not finish them.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jError } from '../../../src/diagnostics/neo4j-error.js';
import { Pattern } from '../../../src/exec/regex/pattern.js';
import { MAX_INSTRUCTIONS } from '../../../src/exec/regex/program.js';
import { MAX_CLASS_WEIGHT } from '../../../src/exec/regex/klass.js';
import { MAX_NESTING } from '../../../src/exec/regex/scanner.js';

const matches = (pattern: string, text: string): boolean => Pattern.compile(pattern).matches(text, () => {});

function refusal(pattern: string): string {
  try {
    Pattern.compile(pattern);
  } catch (error) {
    if (error instanceof Neo4jError) return error.message;
    throw error;
  }
  throw new Error('compiled');
}

describe('pathological patterns complete, with the right answer', () => {
  const a50k = 'a'.repeat(50_000);
  it.each<[string, string, boolean]>([
    ['(a*)*b', a50k, false],
    ['(a|aa)*', a50k, true],
    ['(a|aa)*c', a50k, false],
    ['(a+)+$', `${'a'.repeat(5000)}!`, false],
    ['(x+x+)+y', 'x'.repeat(20_000), false],
    ['(.*a){20}', a50k, true],
    ['(?:a?){30}a{30}', 'a'.repeat(30), true],
    ['(\\w+\\s?)*$', `${'word '.repeat(5000)}!`, false],
    ['(?:(?:(?:a*)*)*)*b', a50k, false],
  ])('%j on a long text is %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });
});

describe('work is charged, so the statement budget can stop a costly match', () => {
  it('charges at least one step per text position, and at most |text| x |program| in all', () => {
    let steps = 0;
    const pattern = Pattern.compile('(a|b)*c');
    expect(pattern.matches('ab'.repeat(1000), (n) => (steps += n))).toBe(false);
    expect(steps).toBeGreaterThanOrEqual(2000);
    expect(steps).toBeLessThanOrEqual(2 * 2001 * pattern.program.length);
  });

  it('stops when the charge throws', () => {
    const stop = new Error('budget');
    const charge = (): void => {
      throw stop;
    };
    expect(() => Pattern.compile('.*').matches('x'.repeat(10), charge)).toThrow(stop);
  });
});

describe('the program size is capped', () => {
  it.each([
    ['a{100000}', 'a{100000}'],
    ['(?:a{100}){101}', '(?:a{100}){101}'],
    ['(?:(?:a{10}){10}){101}', '(?:(?:a{10}){10}){101}'],
    ['a{0,100000}', 'a{0,100000}'],
    ['(?:a|b){3334}', '(?:a|b){3334}'],
    ['(?:\\b){1000000}', '(?:\\b){1000000}'],
    [`${MAX_INSTRUCTIONS + 1} literal characters`, 'a'.repeat(MAX_INSTRUCTIONS + 1)],
  ])('%s is refused', (_, pattern) => {
    expect(refusal(pattern)).toBe('A regular expression this large is not supported by cypher-sysdb.');
  });

  it('many large parts are refused before they are joined', () => {
    const message = 'A regular expression this large is not supported by cypher-sysdb.';
    expect(refusal('(?:a{9000})'.repeat(1000))).toBe(message);
    expect(refusal(Array(1000).fill('a{9000}').join('|'))).toBe(message);
  });

  it('a pattern just under the cap compiles and matches', () => {
    expect(matches('a{9999}', 'a'.repeat(9999))).toBe(true);
    expect(matches('(?:a{99}){100}', 'a'.repeat(9900))).toBe(true);
    expect(matches('a{4999}|b{4999}', 'b'.repeat(4999))).toBe(true);
    expect(matches('a{9000}(?i)(?s)(?m)', 'a'.repeat(9000))).toBe(true);
  });

  it('counts that repeat nothing cost nothing, however large', () => {
    expect(matches('(?:){2147483647}a', 'a')).toBe(true);
    expect(matches('a{2}{2147483647}', 'aa')).toBe(true);
  });
});

describe('a class is capped, and charged for its size', () => {
  // Characters past Latin-1 are joined one union at a time (Latin-1 ones share one set).
  const members = (n: number): string => Array.from({ length: n }, (_, i) => String.fromCodePoint(0x100 + i)).join('');

  it(`${MAX_CLASS_WEIGHT} unions compile; more are refused before the predicate gets deep`, () => {
    expect(matches(`[${members(MAX_CLASS_WEIGHT + 1)}]+`, members(MAX_CLASS_WEIGHT + 1))).toBe(true);
    expect(refusal(`[${members(MAX_CLASS_WEIGHT + 2)}]`)).toBe('A regular expression this large is not supported by cypher-sysdb.');
    expect(refusal(`[a${'&&[b]'.repeat(MAX_CLASS_WEIGHT + 1)}]`)).toBe('A regular expression this large is not supported by cypher-sysdb.');
  });

  it('the cap is per class', () => {
    expect(matches(`[\\d\\w]`.repeat(3 * MAX_CLASS_WEIGHT), '0'.repeat(3 * MAX_CLASS_WEIGHT))).toBe(true);
  });

  it('each test of a large class costs a step per union', () => {
    let steps = 0;
    expect(Pattern.compile(`[${members(500)}]*`).matches('Ā'.repeat(100), (n) => (steps += n))).toBe(true);
    expect(steps).toBeGreaterThanOrEqual(100 * 500);
  });
});

describe('nesting is capped without overflowing the stack', () => {
  it(`${MAX_NESTING} levels of groups compile; 100,000 are refused`, () => {
    expect(matches(`${'('.repeat(MAX_NESTING)}a${')'.repeat(MAX_NESTING)}`, 'a')).toBe(true);
    const message = `A regular expression nested more than ${MAX_NESTING} levels deep is not supported by cypher-sysdb.`;
    expect(refusal(`${'('.repeat(100_000)}a${')'.repeat(100_000)}`)).toBe(message);
    expect(refusal('('.repeat(100_000))).toBe(message);
  });

  it('classes and intersections nest the same way', () => {
    const message = `A regular expression nested more than ${MAX_NESTING} levels deep is not supported by cypher-sysdb.`;
    expect(refusal(`${'['.repeat(100_000)}a${']'.repeat(100_000)}`)).toBe(message);
    expect(refusal(`[a${'&&a'.repeat(100_000)}]`)).toBe(message);
    expect(matches(`[a${'&&a'.repeat(100)}]`, 'a')).toBe(true);
  });

  it('long flat patterns do not recurse', () => {
    expect(matches(`${'a|'.repeat(3000)}b`, 'b')).toBe(true);
    expect(matches('(?:a)'.repeat(3000), 'a'.repeat(3000))).toBe(true);
  });
});
