/** rustc-style code frames: the offending line with a gutter and a caret underline. */
import type { Span } from '../ast/span.js';
import type { MaskedText } from '../mask.js';

export function codeFrame(masked: MaskedText, span: Span): string {
  const text = masked.text;
  const start = masked.mapOffset(span.start.offset);
  const end = Math.max(start + 1, masked.mapOffset(span.end.offset));
  const lineStart = Math.max(text.lastIndexOf('\n', start - 1) + 1, text.lastIndexOf('\r', start - 1) + 1);
  let lineEnd = text.slice(lineStart).search(/\r\n|\r|\n/);
  lineEnd = lineEnd === -1 ? text.length : lineStart + lineEnd;
  const line = text.slice(lineStart, lineEnd).replace(/\t/g, ' ');
  const column = start - lineStart;
  const width = Math.max(1, Math.min(end, lineEnd) - start);
  const number = String(span.start.line);
  const gutter = ' '.repeat(number.length);
  return [`${gutter} |`, `${number} | ${line}`, `${gutter} | ${' '.repeat(column)}${'^'.repeat(width)}`].join('\n');
}
