/**
 * Offsets to lines and columns. Tokens and CST nodes carry offsets only (cheaper to lex and parse);
 * positions are computed when a span is built, from the script's `Source`. Lookups come in source
 * order, so the index remembers the last line and usually answers without searching.
 */
import type { Position } from '../ast/span.js';
import { itemAt } from './indexed.js';

/** Positions remembered per index, by offset modulo this (a power of two). */
const RECENT_POSITIONS = 64;

export class LineIndex {
  /** Offset of the first character of each line; a line ends at \n, \r\n or a lone \r (as the lexer counts). */
  private readonly starts: number[] = [0];
  private lastLine = 0;
  /**
   * The last position made for each offset slot. Nested spans share offsets (a statement ends where
   * its last clause ends), and positions are immutable, so one object serves them all: it was a
   * third of the objects a parsed script keeps, and the garbage collector copies each of them.
   */
  private readonly recent: (Position | undefined)[] = []; // filled as used: a one-line statement's index is made per execute

  constructor(private readonly text: string) {
    // indexOf finds the breaks natively: most statements have none, and a character loop cost as much as lexing them.
    let lf = text.indexOf('\n');
    let cr = text.indexOf('\r');
    while (lf !== -1 || cr !== -1) {
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A \r ends a line unless a \n follows it, which then ends it.
        if (cr + 1 !== lf) this.starts.push(cr + 1);
        cr = text.indexOf('\r', cr + 1);
      } else {
        this.starts.push(lf + 1);
        lf = text.indexOf('\n', lf + 1);
      }
    }
  }

  position(offset: number): Position {
    const slot = offset & (RECENT_POSITIONS - 1);
    const known = this.recent[slot];
    if (known !== undefined && known.offset === offset) return known;
    const line = this.lineOf(offset);
    const position = { offset, line: line + 1, column: offset - itemAt(this.starts, line) + 1 };
    this.recent[slot] = position;
    return position;
  }

  /** The line holding `offset`: where it starts and where its line break (or the text) begins. */
  lineAround(offset: number): { start: number; end: number } {
    const line = this.lineOf(offset);
    const start = itemAt(this.starts, line);
    const next = this.starts[line + 1];
    if (next === undefined) return { start, end: this.text.length };
    const crlf = this.text.charCodeAt(next - 1) === 10 && this.text.charCodeAt(next - 2) === 13;
    return { start, end: next - (crlf ? 2 : 1) };
  }

  /** The 0-based line of `offset`. */
  private lineOf(offset: number): number {
    const starts = this.starts;
    let line = this.lastLine;
    // Most lookups fall in the line of the one before (the text's last line has no next start).
    const start = itemAt(starts, line);
    const next = starts[line + 1];
    if (!(start <= offset && (next === undefined || offset < next))) {
      let low = 0;
      let high = starts.length - 1;
      while (low < high) {
        const mid = (low + high + 1) >> 1;
        if (itemAt(starts, mid) <= offset) low = mid;
        else high = mid - 1;
      }
      line = low;
      this.lastLine = line;
    }
    return line;
  }
}

/**
 * A script's text with its line index: the one object the front end passes to everything that builds
 * spans, so a span is always computed against the script it came from.
 */
export class Source {
  readonly lines: LineIndex;

  constructor(readonly text: string) {
    this.lines = new LineIndex(text);
  }

  position(offset: number): Position {
    return this.lines.position(offset);
  }
}
