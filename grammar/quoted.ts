/**
 * Where strings, quoted names and block comments end. The lexer and the statement splitter share
 * these scanners, so they always agree. They are loops, not regexes: V8's backtracking regexes
 * overflow the stack on a string of a few million characters.
 */

const BACKSLASH = 92;
const BACKTICK = 96;

/**
 * The index after the quote closing a string that opens at `start` (`'` or `"`, escaped with a
 * backslash), or -1 if the string is never closed.
 */
export function stringEnd(text: string, start: number): number {
  const quote = text.charCodeAt(start);
  for (let j = start + 1; j < text.length; j++) {
    const code = text.charCodeAt(j);
    if (code === BACKSLASH) j += 1;
    else if (code === quote) return j + 1;
  }
  return -1;
}

/**
 * The index after a quoted name that opens at `start` (a backtick is doubled inside), or -1. Like
 * Neo4j's greedy pattern, a name with no final backtick backs off to its last doubled one.
 */
export function backtickedEnd(text: string, start: number): number {
  let lastDoubled = -1;
  for (let j = start + 1; j < text.length; j++) {
    if (text.charCodeAt(j) !== BACKTICK) continue;
    if (text.charCodeAt(j + 1) !== BACKTICK) return j + 1;
    lastDoubled = j;
    j += 1;
  }
  return lastDoubled === -1 ? -1 : lastDoubled + 1;
}

/** The index after the star-slash closing a block comment that opens at `start`, or -1. */
export function blockCommentEnd(text: string, start: number): number {
  const close = text.indexOf('*/', start + 2);
  return close === -1 ? -1 : close + 2;
}

/**
 * Finds closing delimiters in one text without rescanning. An unclosed quote makes every later
 * quote of its kind look for a close to the end of the text, which is quadratic over a run of `\'`.
 * But if no close follows one quote, none follows a later one either: a string's scan is in step
 * with any earlier one from the character after its opening quote (that quote was skipped over as an
 * escaped character or it would have closed the earlier string). So one failure per kind is enough.
 */
export class ClosingScanner {
  /** Per opening character: the offset from which it is known never to close. */
  private readonly neverClosesFrom = new Map<number, number>();

  constructor(readonly text: string) {}

  /** The end of the string, quoted name or comment (by `scan`) opening at `start`, or -1. */
  end(start: number, scan: (text: string, start: number) => number): number {
    const opener = this.text.charCodeAt(start);
    const known = this.neverClosesFrom.get(opener);
    if (known !== undefined && start >= known) return -1;
    const end = scan(this.text, start);
    if (end === -1) this.neverClosesFrom.set(opener, start);
    return end;
  }
}
