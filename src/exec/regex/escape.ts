/**
 * Backslash escapes, read as java.util.regex's Pattern.escape reads them: a literal escape gives its
 * code point, a class escape its CharTest, an assertion its fragment (or -1 for either when the caller
 * only wants literals, as Java's atom does while it is still collecting a run of characters).
 */
import {
  complement,
  horizontalSpace,
  isAsciiAlnum,
  isAsciiAlpha,
  isAsciiDigit,
  isAsciiHexDigit,
  isAsciiSpace,
  isAsciiWord,
  verticalSpace,
  type CharTest,
} from './chars.js';
import { assertion, type Anchor, type Fragment } from './program.js';
import { notSupported } from '../../diagnostics/neo4j-error.js';
import type { Scanner } from './scanner.js';

const META = -1;
const ILLEGAL = 'Illegal/unsupported escape sequence';

const is = (ch: number, char: string): boolean => ch === char.charCodeAt(0);
const isOctal = (c: number): boolean => c >= 0x30 && c <= 0x37;
const hexValue = (c: number): number => (isAsciiDigit(c) ? c - 0x30 : (c | 0x20) - 0x57);

const LITERALS: Readonly<Record<string, number>> = { a: 0x07, e: 0x1b, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09 };
/** The predefined classes, in and out of a character class. */
const CLASSES: Readonly<Record<string, CharTest>> = {
  d: isAsciiDigit,
  D: /* @__PURE__ */ complement(isAsciiDigit),
  s: isAsciiSpace,
  S: /* @__PURE__ */ complement(isAsciiSpace),
  w: isAsciiWord,
  W: /* @__PURE__ */ complement(isAsciiWord),
  h: horizontalSpace,
  H: /* @__PURE__ */ complement(horizontalSpace),
  v: verticalSpace,
  V: /* @__PURE__ */ complement(verticalSpace),
};
/** A fresh matcher's "end of the previous match" is 0, so for `=~` \G is \A. */
const ANCHORS: Readonly<Record<string, Anchor>> = {
  A: 'input-start',
  G: 'input-start',
  Z: 'final-terminator',
  z: 'input-end',
  b: 'word-boundary',
  B: 'not-word-boundary',
};

/** Escapes that only make sense outside a class; inside one Java calls them illegal. */
const OUTSIDE_ONLY = /* @__PURE__ */ new Set('123456789ABGRXZbkz');
/** Letters Java reserves: an error, in or out of a class. */
const RESERVED = /* @__PURE__ */ new Set('CEFIJKLMOPQTUYgijlmopqy');

/** The cursor is on the backslash. `create`: build the node of a class or assertion escape. */
export function escape(s: Scanner, inClass: boolean, create: boolean, isRange: boolean): number | CharTest | Fragment {
  const ch = s.skip();
  const letter = String.fromCodePoint(ch);
  if (RESERVED.has(letter) || (inClass && OUTSIDE_ONLY.has(letter))) throw s.error(ILLEGAL);
  const literal = LITERALS[letter];
  if (literal !== undefined) return literal;
  const predefined = CLASSES[letter];
  // Java keeps \v as VT where a range needs one character.
  if (predefined) return letter === 'v' && isRange ? 0x0b : create ? predefined : META;
  switch (letter) {
    case '0':
      return octal(s);
    case 'c':
      if (s.cursor < s.length) return s.read() ^ 64;
      throw s.error('Illegal control escape sequence');
    case 'u':
      return unicodeEscape(s);
    case 'x':
      return hexEscape(s);
    case 'N':
      return namedCharacter(s);
    case 'k':
      return namedBackreference(s, create);
  }
  if (!OUTSIDE_ONLY.has(letter)) return ch; // any other character stands for itself
  if (!create) return META;
  // A backreference (Java reads on while the digits still name a group; the rest do not matter here).
  if (isAsciiDigit(ch)) return notModelled(s, `a backreference (\\${letter})`);
  if (letter === 'b' && is(s.peek(), '{')) {
    if (is(s.skip(), 'g')) {
      if (!is(s.read(), '}')) throw s.error(ILLEGAL);
      return notModelled(s, 'a grapheme cluster boundary (\\b{g})');
    }
    s.cursor -= 2;
  }
  const anchor = ANCHORS[letter];
  return anchor ? assertion(anchor) : notModelled(s, letter === 'R' ? 'a linebreak matcher (\\R)' : 'a grapheme cluster matcher (\\X)');
}

/** Notes a feature to refuse; its fragment is never run. */
function notModelled(s: Scanner, feature: string): Fragment {
  s.notModelled(feature);
  return [];
}

function namedBackreference(s: Scanner, create: boolean): number | Fragment {
  if (!is(s.read(), '<')) throw s.error("\\k is not followed by '<' for named capturing group");
  const name = groupName(s, s.read());
  if (!s.groupNames.has(name)) throw s.error(`named capturing group <${name}> does not exist`);
  return create ? notModelled(s, 'a named backreference (\\k<name>)') : META;
}

/** A group name: an ASCII letter, then ASCII letters and digits, then `>` (which is consumed). */
export function groupName(s: Scanner, first: number): string {
  if (!isAsciiAlpha(first)) throw s.error('capturing group name does not start with a Latin letter');
  let name = '';
  let ch = first;
  do {
    name += String.fromCharCode(ch);
    ch = s.read();
  } while (isAsciiAlnum(ch));
  if (!is(ch, '>')) throw s.error("named capturing group is missing trailing '>'");
  return name;
}

/** `\0n`, `\0nn`, `\0mnn` (m at most 3). */
function octal(s: Scanner): number {
  let value = s.read() - 0x30;
  if (!isOctal(value + 0x30)) throw s.error('Illegal octal escape sequence');
  const digits = value < 4 ? 3 : 2;
  for (let read = 1; read < digits; read++) {
    if (!isOctal(s.peek())) break;
    value = value * 8 + s.read() - 0x30;
  }
  return value;
}

/** `\xhh` or `\x{h...h}`. */
function hexEscape(s: Scanner): number {
  const n = s.read();
  if (isAsciiHexDigit(n)) {
    const m = s.read();
    if (isAsciiHexDigit(m)) return hexValue(n) * 16 + hexValue(m);
  } else if (is(n, '{') && isAsciiHexDigit(s.peek())) {
    let value = 0;
    let ch;
    while (isAsciiHexDigit((ch = s.read()))) {
      value = value * 16 + hexValue(ch);
      if (value > 0x10ffff) throw s.error('Hexadecimal codepoint is too big');
    }
    if (!is(ch, '}')) throw s.error('Unclosed hexadecimal escape sequence');
    return value;
  }
  throw s.error('Illegal hexadecimal escape sequence');
}

function fourHexDigits(s: Scanner): number {
  let value = 0;
  for (let i = 0; i < 4; i++) {
    const ch = s.read();
    if (!isAsciiHexDigit(ch)) throw s.error('Illegal Unicode escape sequence');
    value = value * 16 + hexValue(ch);
  }
  return value;
}

/** `\uhhhh`; a high surrogate followed by `\u` and a low one is the pair's code point. */
function unicodeEscape(s: Scanner): number {
  const high = fourHexDigits(s);
  if (high >= 0xd800 && high <= 0xdbff) {
    const resume = s.cursor;
    if (is(s.read(), '\\') && is(s.read(), 'u')) {
      const low = fourHexDigits(s);
      if (low >= 0xdc00 && low <= 0xdfff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    s.cursor = resume;
  }
  return high;
}

/** `\N{name}`: its syntax is checked, but the names are Unicode's tables, which we do not ship. */
function namedCharacter(s: Scanner): number {
  if (!is(s.read(), '{')) throw s.error('Illegal character name escape sequence');
  while (!is(s.read(), '}')) if (s.cursor >= s.length) throw s.error('Unclosed character name escape sequence');
  throw notSupported('A regular expression with a named character (\\N{...})');
}
