/**
 * Sets of characters as java.util.regex defines them, as predicates on one code point. Java's default
 * classes are ASCII-only (`\w` is `[a-zA-Z_0-9]`), and so is its default case folding (`(?i)` folds
 * A-Z with a-z and nothing else): we refuse `(?u)` and `(?U)`, which change both.
 */
export type CharTest = (c: number) => boolean;

const inRange = (lo: number, c: number, hi: number): boolean => lo <= c && c <= hi;
export const isAsciiDigit = (c: number): boolean => inRange(0x30, c, 0x39);
const isAsciiUpper = (c: number): boolean => inRange(0x41, c, 0x5a);
const isAsciiLower = (c: number): boolean => inRange(0x61, c, 0x7a);
export const isAsciiAlpha = (c: number): boolean => isAsciiUpper(c) || isAsciiLower(c);
export const isAsciiAlnum = (c: number): boolean => isAsciiAlpha(c) || isAsciiDigit(c);
export const isAsciiHexDigit = (c: number): boolean => isAsciiDigit(c) || inRange(0x41, c, 0x46) || inRange(0x61, c, 0x66);
export const isAsciiWord = (c: number): boolean => isAsciiAlnum(c) || c === 0x5f;
/** `\s`, Java's ctype SPACE: tab, newline, vertical tab, form feed, carriage return, space. */
export const isAsciiSpace = (c: number): boolean => inRange(0x09, c, 0x0d) || c === 0x20;
export const toAsciiLower = (c: number): number => (isAsciiUpper(c) ? c + 0x20 : c);
export const toAsciiUpper = (c: number): number => (isAsciiLower(c) ? c - 0x20 : c);

/** Java's line terminators: `\n`, `\r`, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR. */
export const isLineTerminator = (c: number): boolean => c === 0x0a || c === 0x0d || c === 0x85 || c === 0x2028 || c === 0x2029;

export const anyChar: CharTest = () => true;
/** `.` without (?s): anything but a line terminator. */
export const dot: CharTest = (c) => !isLineTerminator(c);
/** `\h`. */
export const horizontalSpace: CharTest = (c) =>
  c === 0x09 ||
  c === 0x20 ||
  c === 0xa0 ||
  c === 0x1680 ||
  c === 0x180e ||
  inRange(0x2000, c, 0x200a) ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000;
/** `\v`: the line terminators, vertical tab and form feed. */
export const verticalSpace: CharTest = (c) => isLineTerminator(c) || c === 0x0b || c === 0x0c;

export const union =
  (a: CharTest, b: CharTest): CharTest =>
  (c) =>
    a(c) || b(c);
/* @__NO_SIDE_EFFECTS__ */
export const intersection =
  (a: CharTest, b: CharTest): CharTest =>
  (c) =>
    a(c) && b(c);
/* @__NO_SIDE_EFFECTS__ */
export const complement =
  (a: CharTest): CharTest =>
  (c) =>
    !a(c);

/** One character; under (?i) an ASCII letter also matches its other case. */
export function single(ch: number, caseInsensitive: boolean): CharTest {
  if (caseInsensitive && isAsciiAlpha(ch)) {
    const lower = toAsciiLower(ch);
    const upper = toAsciiUpper(ch);
    return (c) => c === lower || c === upper;
  }
  return (c) => c === ch;
}

/** A range `[a-z]`; under (?i) an ASCII character also matches when its other case is in the range. */
export function charRange(lo: number, hi: number, caseInsensitive: boolean): CharTest {
  return (c) =>
    inRange(lo, c, hi) || (caseInsensitive && c < 0x80 && (inRange(lo, toAsciiUpper(c), hi) || inRange(lo, toAsciiLower(c), hi)));
}
