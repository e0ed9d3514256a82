/**
 * Valid Java patterns we do not run are refused as not supported, naming the feature; each is
 * something java.util.regex accepts (JDK 21 Pattern.java), so refusing is the only honest answer.
 */
import { describe, expect, it } from 'vitest';
import { Neo4jError } from '../../../src/diagnostics/neo4j-error.js';
import { Pattern } from '../../../src/exec/regex/pattern.js';

function refusal(pattern: string): string {
  try {
    Pattern.compile(pattern);
  } catch (error) {
    if (error instanceof Neo4jError && error.code === 'CypherSysdb.NotSupported') return error.message;
    throw error;
  }
  throw new Error(`${JSON.stringify(pattern)} compiled`);
}

describe('refused features', () => {
  it.each<[string, string]>([
    ['(a)\\1', 'a backreference (\\1)'],
    ['(a)\\9', 'a backreference (\\9)'],
    ['(?<n>a)\\k<n>', 'a named backreference (\\k<name>)'],
    ['a(?=b).', 'a lookahead (?=...)'],
    ['a(?!c).', 'a lookahead (?!...)'],
    ['.(?<=a)b', 'a lookbehind (?<=...)'],
    ['.(?<!a)b', 'a lookbehind (?<!...)'],
    ['(?>a)', 'an atomic group (?>...)'],
    ['a++', 'a possessive quantifier (++)'],
    ['a*+', 'a possessive quantifier (*+)'],
    ['a?+', 'a possessive quantifier (?+)'],
    ['a{1,2}+', 'a possessive quantifier ({1,2}+)'],
    ['(?x) a', 'the inline flag (?x) (comments)'],
    ['(?u)a', 'the inline flag (?u) (Unicode case)'],
    ['(?U)a', 'the inline flag (?U) (Unicode character classes)'],
    ['(?d)a', 'the inline flag (?d) (Unix lines)'],
    ['(?c)a', 'the inline flag (?c)'],
    ['(?i-s:a)(?ix)', 'the inline flag (?x) (comments)'],
    ['\\R', 'a linebreak matcher (\\R)'],
    ['\\X', 'a grapheme cluster matcher (\\X)'],
    ['\\b{g}', 'a grapheme cluster boundary (\\b{g})'],
    ['\\N{LATIN SMALL LETTER A}', 'a named character (\\N{...})'],
    ['\\p{InGreek}', 'the character property \\p{InGreek}'],
    ['\\p{block=Greek}', 'the character property \\p{block=Greek}'],
    ['\\p{javaLowerCase}', 'the character property \\p{javaLowerCase}'],
    // With `Is`, Java tries its binary properties and the POSIX names in their Unicode sense first:
    // we map only categories and scripts, and refuse the rest (Java would reject some of them).
    ['\\p{IsAlphabetic}', 'the character property \\p{IsAlphabetic}'],
    ['\\p{IsHex_Digit}', 'the character property \\p{IsHex_Digit}'],
    ['\\p{IsPunct}', 'the character property \\p{IsPunct}'],
    ['\\p{IsASCII}', 'the character property \\p{IsASCII}'],
    ['\\p{IsFoo}', 'the character property \\p{IsFoo}'],
  ])('%j: %s', (pattern, feature) => {
    expect(refusal(pattern)).toBe(`A regular expression with ${feature} is not supported by cypher-sysdb.`);
  });

  it('the first refused feature is named', () => {
    expect(refusal('a++(?=b)')).toBe('A regular expression with a possessive quantifier (++) is not supported by cypher-sysdb.');
  });

  it('an escaped or bracketed look-alike is not refused', () => {
    expect(Pattern.compile('\\(\\?=').matches('(?=', () => {})).toBe(true);
    expect(Pattern.compile('[+]+').matches('++', () => {})).toBe(true);
    expect(Pattern.compile('\\Q(?=a)\\E').matches('(?=a)', () => {})).toBe(true);
  });

  it('a lookbehind is refused whatever its length (Java rejects some, e.g. (?<=a+), as unbounded: not modelled)', () => {
    expect(refusal('(?<=a+)b')).toContain('a lookbehind (?<=...)');
  });
});
