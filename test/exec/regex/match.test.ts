/**
 * Whole-string matching as java.util.regex's `Pattern.compile(p).matcher(s).matches()` decides it
 * (JDK 21 Pattern.java, CharPredicates.java and ASCII.java for the sets; the expected values follow
 * those sources). Unicode data comes from the JavaScript engine, so the Unicode rows use characters
 * whose properties have not changed between Unicode versions.
 */
import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../src/exec/regex/pattern.js';

const matches = (pattern: string, text: string): boolean => Pattern.compile(pattern).matches(text, () => {});

type Row = [pattern: string, text: string, expected: boolean];

function table(rows: Row[]): void {
  it.each(rows)('%j =~ %j is %s', (pattern, text, expected) => {
    expect(matches(pattern, text)).toBe(expected);
  });
}

describe('literals, alternation and groups', () => {
  table([
    ['', '', true],
    ['', 'a', false],
    ['neo', 'neo4j', false],
    ['neo4j', 'neo4j', true],
    ['a|b', 'b', true],
    ['a|b', 'a|b', false],
    ['a||b', '', true],
    ['(a|b)+', 'abba', true],
    ['(?:ab)?c', 'c', true],
    ['(?:ab)?c', 'abc', true],
    ['(?<name>a)b', 'ab', true],
    ['a\0b', 'a\0b', true],
    [']}', ']}', true],
    ['é😀', 'é😀', true],
  ]);
});

describe('quantifiers: greedy, lazy and counted match the same strings', () => {
  table([
    ['a*', '', true],
    ['a*?', 'aaa', true],
    ['a+', '', false],
    ['a+?b', 'aab', true],
    ['a?b', 'b', true],
    ['a??b', 'ab', true],
    ['a{3}', 'aaa', true],
    ['a{3}', 'aa', false],
    ['a{2,}', 'aaaaa', true],
    ['a{2,3}', 'aaaa', false],
    ['a{2,3}?', 'aaa', true],
    ['a{0}', '', true],
    ['a{0,0}b', 'b', true],
    ['ab*', 'abbb', true],
    ['ab*', 'abab', false],
    // After a quantifier, Java reads `{n}` as repeating an empty atom: `a{2}{3}` is `aa`.
    ['a{2}{3}', 'aa', true],
    ['a{2}{3}', 'aaaaaa', false],
    ['x*{2}', 'xxx', true],
    ['(a|)*', 'aaa', true],
    ['(a*)*', 'aaa', true],
    ['(a?){3}', '', true],
    ['(?:a|ab)(?:c|bcd)', 'abcd', true],
  ]);
});

describe('the dot and line terminators', () => {
  table([
    ['a.c', 'abc', true],
    // Java's `.` stops at \n, \r, NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR, nothing else.
    ['a.c', 'a\nc', false],
    ['a.c', 'a\rc', false],
    ['a.c', 'a\u0085c', false],
    ['a.c', 'a\u2028c', false],
    ['a.c', 'a\u2029c', false],
    ['a.c', 'a\u000bc', true],
    ['a.c', 'a\fc', true],
    ['(?s)a.c', 'a\nc', true],
    ['(?s)a.c', 'a\u0085c', true],
    ['(?s-s)a.c', 'a\nc', false],
    // A supplementary character is one character.
    ['.', '😀', true],
    ['..', '😀', false],
    ['.', '\ud83d', true],
    ['a.b', 'a\ud83d\ude00b', true],
  ]);
});

describe('anchors', () => {
  table([
    ['^a$', 'a', true],
    ['^', '', true],
    ['$', '', true],
    ['a^', 'a', false],
    // `$` without (?m): the end, or just before a line terminator that ends the input.
    ['a$', 'a\n', false],
    ['a$\n', 'a\n', true],
    ['a$\r\n', 'a\r\n', true],
    ['a$\n', 'a\r\n', false],
    ['a$\r', 'a\r', true],
    ['a$\u0085', 'a\u0085', true],
    ['a$\u2028', 'a\u2028', true],
    ['a$\nb', 'a\nb', false],
    ['a$\n\n', 'a\n\n', false],
    ['a\\Z\n', 'a\n', true],
    ['a\\z\n', 'a\n', false],
    ['a\\z', 'a', true],
    ['\\Aa', 'a', true],
    ['a\\A', 'a', false],
    // A new matcher's "end of the previous match" is its start: \G is \A for matches().
    ['\\Ga', 'a', true],
    ['a\\G', 'a', false],
    // (?m): `^` after any line terminator (not between \r and \n, never at the very end), `$` before one.
    ['(?m)a$\nb$', 'a\nb', true],
    ['(?m)a\n^b', 'a\nb', true],
    ['(?m)a\r\n^b', 'a\r\nb', true],
    ['(?m)a\r^\nb', 'a\r\nb', false],
    ['(?m)a$\r\nb', 'a\r\nb', true],
    ['(?m)a\r$\nb', 'a\r\nb', false],
    ['(?m)a\u2029^b', 'a\u2029b', true],
    ['(?m)^', '', false],
    ['(?m)a\n^', 'a\n', false],
    ['(?m)^a', 'a', true],
    ['(?m)$', '', true],
  ]);
});

describe('word boundaries', () => {
  table([
    ['\\bfoo\\b', 'foo', true],
    ['\\Bfoo', 'foo', false],
    ['a\\b', 'a', true],
    ['\\b', '', false],
    ['\\B', '', true],
    ['a\\Bb', 'ab', true],
    ['a\\b-', 'a-', true],
    ['_\\B1', '_1', true],
    // Word characters are ASCII: é is not one.
    ['\\bé', 'é', false],
    ['é\\b', 'é', false],
    // A non-spacing mark after a letter (through other marks) counts as a word character.
    ['e\u0301\\b', 'e\u0301', true],
    ['e\\B\u0301', 'e\u0301', true],
    ['e\u0301\u0302\\b', 'e\u0301\u0302', true],
    ['\u0301\\b', '\u0301', false],
    ['-\u0301\\b', '-\u0301', false],
    ['é\u0301\\b', 'é\u0301', true],
  ]);
});

describe('character classes', () => {
  table([
    ['[abc]', 'b', true],
    ['[abc]', 'd', false],
    ['[^abc]', 'd', true],
    ['[^abc]', '😀', true],
    ['[a-z]+', 'neo', true],
    ['[a-z]', 'A', false],
    ['[(]|x', 'x', true],
    // `]` first, and `-` first or last, are literals.
    ['[]a]', ']', true],
    ['[^]a]', 'b', true],
    ['[a-]', '-', true],
    ['[-a]', '-', true],
    ['[a\\-z]', '-', true],
    ['[a\\-z]', 'b', false],
    ['[\\d-z]', '-', true],
    ['[\\v-\\x0d]', '\f', true],
    // Nested classes are unions; a leading ^ negates the whole class (Java 9 and later).
    ['[a[bc]]', 'c', true],
    ['[^a[b]]', 'b', false],
    ['[^a[b]]', 'c', true],
    // Intersection.
    ['[a-z&&[def]]', 'e', true],
    ['[a-z&&[def]]', 'a', false],
    ['[a-z&&[^aeiou]]', 'b', true],
    ['[a-z&&[^aeiou]]', 'e', false],
    ['[a-z&&def]', 'f', true],
    ['[&&a]', 'a', true],
    ['[a&&]', 'a', true],
    ['[^a-z&&b]', 'a', true],
    ['[^a-z&&b]', 'b', false],
    // Java folds the characters read so far into the left side only at `&&`: `[b[a]&&]` is `[a]`.
    ['[b[a]&&]', 'a', true],
    ['[b[a]&&]', 'b', false],
    ['[ab&&[b]c]', 'b', true],
    ['[ab&&[b]c]', 'c', false],
    ['[a&b]', '&', true],
    ['[a&&&b]', '&', true],
    // Supplementary characters in classes.
    ['[😀-😂]', '😁', true],
    ['[^😀]', '😀', false],
    ['[\\x{1F600}]', '😀', true],
  ]);
});

describe('escapes', () => {
  table([
    ['\\t\\n\\r\\f\\a\\e', '\t\n\r\f\u0007\u001b', true],
    ['\\0101\\0141', 'Aa', true],
    ['\\0377', 'ÿ', true],
    // \0400 is \040 then 0: three octal digits only from 0 to 3.
    ['\\0400', ' 0', true],
    ['\\x41\\x{42}\\u0043', 'ABC', true],
    ['\\cA\\c?', '\u0001\u007f', true],
    ['\\uD83D\\uDE00', '😀', true],
    ['\\uD83D', '😀', false],
    ['\\uD83D', '\ud83d', true],
    ['\\x{1F600}', '😀', true],
    ['\\.\\*\\(\\\\', '.*(\\', true],
    ['\\é', 'é', true],
    ['\\d', '5', true],
    // The predefined classes are ASCII-only.
    ['\\d', '٣', false],
    ['\\D', '٣', true],
    ['\\w', 'é', false],
    ['\\w+', 'a_1', true],
    ['\\W', 'é', true],
    ['\\s', '\u000b', true],
    ['\\s', '\u00a0', false],
    ['\\S', '\u00a0', true],
    ['\\h', '\u00a0', true],
    ['\\h', '\n', false],
    ['\\H', 'a', true],
    ['\\v', '\u2028', true],
    ['\\v', ' ', false],
    ['\\V', ' ', true],
  ]);
});

describe('\\Q...\\E quotes', () => {
  table([
    ['\\Q.*\\E', '.*', true],
    ['\\Q.*\\E', 'ab', false],
    ['\\Q.*', '.*', true],
    ['\\Q\\E', '', true],
    ['a\\Q\\E*', 'aaa', true],
    ['\\Q1\\E', '1', true],
    ['x\\Q1\\E2', 'x12', true],
    ['\\Qa\\\\E', 'a\\', true],
    ['[\\Q]\\E]', ']', true],
  ]);
});

describe('inline flags', () => {
  table([
    ['(?i)neo4j', 'NEO4J', true],
    ['neo4j', 'NEO4J', false],
    ['(?i:n)eo', 'Neo', true],
    ['(?i:n)eo', 'NEO', false],
    ['(?i)a(?-i)a', 'Aa', true],
    ['(?i)a(?-i)a', 'AA', false],
    ['((?i)a)a', 'AA', false],
    ['((?i)a)a', 'Aa', true],
    // Flags set in one branch hold for the later branches of the group.
    ['(?:a(?i)|b)', 'B', true],
    ['(?i)[a-c]', 'B', true],
    ['(?i)[^a]', 'A', false],
    ['(?i)\\x41', 'a', true],
    // (?i) folds ASCII only.
    ['(?i)é', 'É', false],
    ['(?i)[é]', 'É', false],
    ['(?i)[à-ÿ]', 'À', false],
    ['(?i)k', '\u212a', false],
    ['(?i)ss', 'ß', false],
    ['(?-x)a b', 'a b', true],
    ['(?)a', 'a', true],
  ]);
});

describe('\\p{...} properties', () => {
  table([
    ['\\p{L}+', 'héllo', true],
    ['\\pL', 'a', true],
    ['\\PL', '1', true],
    ['\\P{L}', 'a', false],
    ['\\p{Lu}', 'A', true],
    ['\\p{Lu}', 'a', false],
    ['\\p{IsL}', 'a', true],
    ['\\p{IsLu}', 'É', true],
    ['\\p{LC}', 'ǅ', true],
    ['\\p{LD}', '5', true],
    ['\\p{Nd}', '٣', true],
    ['\\p{Sc}', '€', true],
    ['\\p{gc=Lu}', 'A', true],
    ['\\p{general_category=Nd}', '٣', true],
    ['\\p{L1}', 'ÿ', true],
    ['\\p{L1}', 'Ā', false],
    ['\\p{all}', '\n', true],
    ['[\\p{L}&&[^\\p{Lu}]]', 'a', true],
    ['[\\p{L}&&[^\\p{Lu}]]', 'A', false],
    // POSIX names are ASCII-only.
    ['\\p{Lower}', 'a', true],
    ['\\p{Lower}', 'é', false],
    ['\\p{Upper}', 'A', true],
    ['\\p{Alpha}', 'é', false],
    ['\\p{Alnum}', '7', true],
    ['\\p{Digit}', '٣', false],
    ['\\p{Punct}', '_', true],
    ['\\p{Punct}', '§', false],
    ['\\p{Graph}', '~', true],
    ['\\p{Graph}', ' ', false],
    ['\\p{Print}', ' ', true],
    ['\\p{Blank}', '\t', true],
    ['\\p{Cntrl}', '\u007f', true],
    ['\\p{XDigit}', 'F', true],
    ['\\p{XDigit}', 'g', false],
    ['\\p{Space}', '\u000b', true],
    ['\\p{ASCII}', '\u007f', true],
    ['\\p{ASCII}', '\u0080', false],
    // Case-insensitive: the case properties take all cases.
    ['(?i)\\p{Lower}', 'A', true],
    ['(?i)\\p{Lu}', 'a', true],
    // Scripts, by name or ISO 15924 code, in any case.
    ['\\p{IsLatin}+', 'abç', true],
    ['\\p{IsLatin}', 'α', false],
    ['\\p{IsGreek}', 'α', true],
    ['\\p{IsLATN}', 'a', true],
    ['\\p{Isgreek}', 'α', true],
    ['\\p{script=Greek}', 'α', true],
    ['\\p{sc=Grek}', 'α', true],
    ['\\p{sc=old_italic}', '𐌀', true],
    ['\\p{IsCommon}', '1', true],
  ]);
});
