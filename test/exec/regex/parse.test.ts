/**
 * Java's PatternSyntaxException for invalid patterns: description and index exactly as
 * java.util.regex.Pattern (JDK 21, openjdk/jdk src/java.base/share/classes/java/util/regex/Pattern.java)
 * computes them. Java reports `cursor - 1` after its last read, into the pattern as it parses it: code
 * points, with `\Q...\E` already rewritten. Each index below follows Pattern's reads step by step.
 */
import { describe, expect, it } from 'vitest';
import { Pattern } from '../../../src/exec/regex/pattern.js';
import { PatternSyntaxError } from '../../../src/exec/regex/scanner.js';

function syntaxError(pattern: string): [string, number] {
  try {
    Pattern.compile(pattern);
  } catch (error) {
    if (error instanceof PatternSyntaxError) return [error.description, error.index];
    throw error;
  }
  throw new Error(`${JSON.stringify(pattern)} compiled`);
}

describe("Java's description and index", () => {
  it.each<[string, string, number]>([
    // Groups: the parse stops at a `)` it did not open; Java's index is the one before it.
    ['a)|(b', "Unmatched closing ')'", 0],
    [')', "Unmatched closing ')'", -1],
    ['(a))', "Unmatched closing ')'", 2],
    ['(a', 'Unclosed group', 2],
    ['((a)', 'Unclosed group', 4],
    ['(?:a', 'Unclosed group', 4],
    ['(?q)', 'Unknown inline modifier', 2],
    ['(?i-m-s)', 'Unknown inline modifier', 5],
    ['(?', 'Unknown inline modifier', 2],
    ['(?$a)', 'Unknown group type', 2],
    ['(?@a)', 'Unknown group type', 2],
    ['(?<1a>x)', 'capturing group name does not start with a Latin letter', 3],
    ['(?<a-b>x)', "named capturing group is missing trailing '>'", 4],
    ['(?<a>x)(?<a>y)', 'Named capturing group <a> is already defined', 11],
    // Quantifiers.
    ['*a', "Dangling meta character '*'", 0],
    ['+', "Dangling meta character '+'", 0],
    ['a|?', "Dangling meta character '?'", 2],
    ['a**', "Dangling meta character '*'", 2],
    ['(?i)*', "Dangling meta character '*'", 4],
    ['{', 'Illegal repetition', 1],
    ['a{', 'Illegal repetition', 2],
    ['ID{ab', 'Illegal repetition', 3],
    ['a{,2}', 'Illegal repetition', 2],
    ['${user}', 'Illegal repetition', 2],
    ['a{2', 'Unclosed counted closure', 3],
    ['a{2,x}', 'Unclosed counted closure', 4],
    ['a{2,1}', 'Illegal repetition range', 5],
    ['a{99999999999}', 'Illegal repetition range', 11],
    ['a{1,2147483648}', 'Illegal repetition range', 13],
    // Classes.
    ['[a', 'Unclosed character class', 1],
    ['[]', 'Unclosed character class', 1],
    ['[^]', 'Unclosed character class', 2],
    ['[a\\', 'Unclosed character class', 3],
    ['[z-a]', 'Illegal character range', 3],
    ['[a-', 'Illegal character range', 3],
    ['[a-\\d]', 'Illegal character range', 4],
    ['[&&]', 'Bad class syntax', 2],
    ['[[a]b&&]', 'Bad intersection syntax', 6],
    ['[\\A]', 'Illegal/unsupported escape sequence', 2],
    ['[\\1]', 'Illegal/unsupported escape sequence', 2],
    ['[\\b]', 'Illegal/unsupported escape sequence', 2],
    // Escapes.
    ['\\', 'Unescaped trailing backslash', 1],
    ['a\\', 'Unescaped trailing backslash', 2],
    ['\\y', 'Illegal/unsupported escape sequence', 1],
    ['ab\\E', 'Illegal/unsupported escape sequence', 3],
    ['\\c', 'Illegal control escape sequence', 1],
    ['\\08', 'Illegal octal escape sequence', 2],
    ['\\0', 'Illegal octal escape sequence', 2],
    ['\\xg', 'Illegal hexadecimal escape sequence', 2],
    ['\\x1g', 'Illegal hexadecimal escape sequence', 3],
    ['\\x{g}', 'Illegal hexadecimal escape sequence', 2],
    ['\\x{110000}', 'Hexadecimal codepoint is too big', 8],
    ['\\x{12', 'Unclosed hexadecimal escape sequence', 5],
    ['\\u12', 'Illegal Unicode escape sequence', 4],
    ['\\uD800\\u12', 'Illegal Unicode escape sequence', 10],
    ['\\k', "\\k is not followed by '<' for named capturing group", 2],
    ['\\k<1>', 'capturing group name does not start with a Latin letter', 3],
    ['\\k<a', "named capturing group is missing trailing '>'", 4],
    ['\\k<a>(?<a>x)', 'named capturing group <a> does not exist', 4],
    ['\\N', 'Illegal character name escape sequence', 2],
    ['\\N{ab', 'Unclosed character name escape sequence', 4],
    ['\\b{gx}', 'Illegal/unsupported escape sequence', 4],
    ['\\b{x}', 'Illegal repetition', 3],
    // Properties.
    ['\\p{Foo}', 'Unknown character property name {Foo}', 6],
    ['\\pX', 'Unknown character property name {X}', 2],
    ['\\p{lu}', 'Unknown character property name {lu}', 5],
    ['\\p{Letter}', 'Unknown character property name {Letter}', 9],
    ['\\p{toString}', 'Unknown character property name {toString}', 11],
    ['\\p{__proto__}', 'Unknown character property name {__proto__}', 12],
    // The `Is` prefix is case-sensitive (the name after it is not).
    ['\\p{isAlphabetic}', 'Unknown character property name {isAlphabetic}', 15],
    ['[\\p{Foo}]', 'Unknown character property name {Foo}', 7],
    ['\\p{sc=Foo}', 'Unknown Unicode property {name=<sc>, value=<Foo>}', 9],
    ['\\p{Script=Hrkt}', 'Unknown Unicode property {name=<script>, value=<Hrkt>}', 14],
    ['\\p{gc=Letter}', 'Unknown Unicode property {name=<gc>, value=<Letter>}', 12],
    ['\\p{foo=bar}', 'Unknown Unicode property {name=<foo>, value=<bar>}', 10],
    ['\\p{', 'Unclosed character family', 3],
    ['\\p{L', 'Unclosed character family', 4],
    ['\\p{}', 'Empty character family', 3],
  ])('%j: %s near index %i', (pattern, description, index) => {
    expect(syntaxError(pattern)).toEqual([description, index]);
  });
});

describe('indices count what Java counts', () => {
  it('code points, not UTF-16 units', () => {
    expect(syntaxError('😀)')).toEqual(["Unmatched closing ')'", 0]);
    expect(syntaxError('😀😀(')).toEqual(['Unclosed group', 3]);
  });

  it('the pattern after \\Q...\\E is rewritten: each quoted metacharacter gains a backslash', () => {
    expect(syntaxError('\\Qx\\E)')).toEqual(["Unmatched closing ')'", 0]);
    // `\Q(\E)` is read as `\()`: the `)` is at index 2.
    expect(syntaxError('\\Q(\\E)')).toEqual(["Unmatched closing ')'", 1]);
    // A digit right after \Q is read as \x3 and the digit, so a `)` after `\Q1\E` is at index 4.
    expect(syntaxError('\\Q1\\E)')).toEqual(["Unmatched closing ')'", 3]);
  });

  it('a syntax error is reported even after a feature we refuse, as Java would reject the pattern', () => {
    expect(syntaxError('(a)\\1(')).toEqual(['Unclosed group', 6]);
    expect(syntaxError('a++[')).toEqual(['Unclosed character class', 3]);
    expect(syntaxError('(?=a)*+{')).toEqual(['Illegal repetition', 8]);
  });
});
