import type { Span } from '../../src/ast/span.js';

/** A node's `span`, or a span of one of its parts (`operatorSpan`, `bracketSpan`). */
const isSpanKey = (key: string) => key === 'span' || key.endsWith('Span');

/** Every span in a value, with the path where it was found. */
export function collectSpans(value: unknown, path = '$'): { path: string; span: Span }[] {
  const found: { path: string; span: Span }[] = [];
  const stack: { value: unknown; path: string }[] = [{ value, path }];
  while (stack.length > 0) {
    const { value: v, path: p } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    for (const [key, child] of Object.entries(v)) {
      if (isSpanKey(key)) found.push({ path: p, span: child as Span });
      else stack.push({ value: child, path: `${p}.${key}` });
    }
  }
  return found;
}

/** A deep copy without any spans, for comparing ASTs by meaning. */
export function withoutSpans<T>(value: T): T {
  return JSON.parse(JSON.stringify(value, (key, v) => (isSpanKey(key) ? undefined : v))) as T;
}

const lineStartsCache = new Map<string, number[]>();

function lineStartsOf(text: string): number[] {
  let starts = lineStartsCache.get(text);
  if (!starts) {
    // Line breaks as the lexer counts them: \n, \r\n and a lone \r.
    starts = [0];
    for (let i = 0; i < text.length; i++) {
      if (text[i] === '\n' || (text[i] === '\r' && text[i + 1] !== '\n')) starts.push(i + 1);
    }
    lineStartsCache.clear();
    lineStartsCache.set(text, starts);
  }
  return starts;
}

/** Asserts a span is well-formed and lies within `text`; returns a problem description or null. */
export function spanProblem(text: string, span: Span): string | null {
  const { start, end } = span;
  if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length)) {
    return `offsets ${start.offset}..${end.offset} outside 0..${text.length}`;
  }
  const lineStarts = lineStartsOf(text);
  for (const pos of [start, end]) {
    const lineStart = lineStarts[pos.line - 1];
    if (lineStart === undefined) return `line ${pos.line} does not exist`;
    if (pos.offset - lineStart + 1 !== pos.column) return `column ${pos.column} does not match offset ${pos.offset} on line ${pos.line}`;
  }
  return null;
}
