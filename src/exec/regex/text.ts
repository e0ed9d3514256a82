/** The text as java.util.regex's matcher sees it: code points, and where `\b` holds. */
import { isAsciiAlnum, isAsciiWord } from './chars.js';

/** A surrogate pair is one code point; a lone surrogate is itself, as Character.codePointAt reads it. */
export function codePoints(text: string): Int32Array {
  return Int32Array.from(text, (c) => c.codePointAt(0) ?? 0);
}

const mark = /^\p{Mn}$/u;
const letterOrDigit = /^[\p{L}\p{Nd}]$/u;
const isMark = (c: number): boolean => c >= 0x300 && mark.test(String.fromCodePoint(c));
const isLetterOrDigit = (c: number): boolean => (c < 0x80 ? isAsciiAlnum(c) : letterOrDigit.test(String.fromCodePoint(c)));

/**
 * For each position (0 to n), whether `\b` holds there. Java's Bound: a word character is
 * `[a-zA-Z0-9_]`, or a non-spacing mark that follows (through other marks) a letter or digit. Java
 * walks back over the marks one UTF-16 unit at a time, so a supplementary character on the way (read
 * from its second half) ends the walk.
 */
export function wordBoundaries(cps: Int32Array): Uint8Array {
  const flags = new Uint8Array(cps.length + 1);
  let left = false; // a word character ends just before p
  let based = false; // walking back from just before p over marks reaches a letter or digit
  for (let p = 0; p <= cps.length; p++) {
    const c = cps[p] ?? -1;
    const markOnBase: boolean = isMark(c) && based;
    const bmp = c <= 0xffff;
    flags[p] = left !== (isAsciiWord(c) || markOnBase) ? 1 : 0;
    left = isAsciiWord(c) || (markOnBase && bmp);
    based = bmp && (isLetterOrDigit(c) || markOnBase);
  }
  return flags;
}
