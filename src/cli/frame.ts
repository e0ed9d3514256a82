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
/** How far back a frame at the end of the input looks for the statement's last line, in characters. */
const LOOK_BACK = 1000;

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
    // At the end of the input on a line of its own (after a statement's line break), the statement's last line too.
    const context =
      span.start.offset === span.end.offset && text.slice(line.start, start).trim() === '' ? lastLineBefore(line.start) : null;
    const gutter = ' '.repeat(number.length);
    const above = context ? [`${String(span.start.line - context.linesBack).padStart(number.length)} | ${context.text}`] : [];
    return [
      `${gutter} |`,
      ...above,
      `${number} | ${before}${shown(from, to)}${after}`,
      `${gutter} | ${' '.repeat(column)}${'^'.repeat(width)}`,
    ].join('\n');
  };

  /** The last line before `offset` with more than spaces on it (cut to the frame's width), and how many lines back it is. */
  function lastLineBefore(offset: number): { text: string; linesBack: number } | null {
    let at = offset - 1;
    while (at >= 0 && offset - at <= LOOK_BACK && /\s/.test(text.charAt(at))) at -= 1;
    if (at < 0 || offset - at > LOOK_BACK) return null;
    const found = lines.lineAround(at);
    const linesBack = lines.position(offset).line - lines.position(at).line;
    const shown = escapeControls(text.slice(Math.max(found.start, found.end - FRAME_WIDTH), found.end).replace(/\t/g, ' '));
    return { text: found.end - found.start > FRAME_WIDTH ? `${ELLIPSIS}${shown}` : shown, linesBack };
  }
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;
