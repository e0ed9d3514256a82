/**
 * rustc-style code frames: the offending line with a gutter and a caret underline. A long line is
 * cut to a window around the error, elided with `...`, so that a script of one long line with many
 * errors prints output proportional to its size, not to errors times line length.
 */
import { LineIndex, type MaskedText, type Span } from '../index.js';
import { escapeControls } from './controls.js';

/** Characters of a line shown at most, and how many of them come before the error when it is cut. */
export const FRAME_WIDTH = 100;
const BEFORE_ERROR = 30;
const ELLIPSIS = '...';

/**
 * Frames for the diagnostics of one file. Spans are offsets in the original text; the frame shows
 * the masked text (passwords hidden), indexed by lines once for all of the file's diagnostics.
 */
export function codeFrames(masked: MaskedText): (span: Span) => string {
  const text = masked.text;
  const lines = new LineIndex(text);
  return (span) => {
    const start = masked.mapOffset(span.start.offset);
    const end = Math.max(start + 1, masked.mapOffset(span.end.offset));
    const line = lines.lineAround(start);
    let from = line.start;
    let to = line.end;
    if (to - from > FRAME_WIDTH) {
      from = Math.max(line.start, Math.min(start - BEFORE_ERROR, line.end - FRAME_WIDTH));
      to = Math.min(line.end, from + FRAME_WIDTH);
      // Never cut a surrogate pair in two.
      if (from > line.start && isLowSurrogate(text.charCodeAt(from))) from -= 1;
      if (to < line.end && isLowSurrogate(text.charCodeAt(to))) to += 1;
    }
    const shown = (a: number, b: number) => escapeControls(text.slice(a, b).replace(/\t/g, ' '));
    const before = from > line.start ? ELLIPSIS : '';
    const after = to < line.end ? ELLIPSIS : '';
    const caretAt = Math.min(start, to);
    const column = before.length + shown(from, caretAt).length;
    const width = Math.max(1, shown(caretAt, Math.min(end, to)).length);
    const number = String(span.start.line);
    const gutter = ' '.repeat(number.length);
    return [`${gutter} |`, `${number} | ${before}${shown(from, to)}${after}`, `${gutter} | ${' '.repeat(column)}${'^'.repeat(width)}`].join(
      '\n',
    );
  };
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
