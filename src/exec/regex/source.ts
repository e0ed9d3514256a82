/**
 * java.util.regex rewrites every `\Q...\E` into escaped characters before it parses, and reports error
 * indices into the rewritten pattern (in code points), so we rewrite the same way.
 */

/**
 * Java's pre-pass over `\Q...\E` (up to the first `\E`, or the end): inside, letters, digits and
 * non-ASCII characters stay as they are, other ASCII characters get a backslash, a backslash becomes
 * `\\`, and a digit right after `\Q` becomes `\x3` and the digit (so it cannot extend an escape before
 * the quote). Outside, an escaped pair is copied whole, so `\\Q` quotes nothing.
 */
export function unquote(pattern: string): string {
  return pattern.replace(/\\Q([^]*?)(?:\\E|$)|\\[^]/gu, (pair, quoted?: string) =>
    quoted === undefined ? pair : quoted.replace(/^\d|[\0-/:-@[-`{-\x7f]/gu, (c) => (c >= '0' && c <= '9' ? `\\x3${c}` : `\\${c}`)),
  );
}
