import type { IToken } from 'chevrotain';
import { StringLiteral } from '../../grammar/tokens.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';
import { itemAt, tokenAt } from '../syntax/indexed.js';
import type { RawSegment } from '../syntax/split.js';
import { escapeBreaks } from '../../grammar/decisions.js';
import { MASKED_PASSWORD, MASKED_WORD, maskRuns, secretRuns, type SecretRun } from './mask.js';

/**
 * Messages never quote a secret: where a diagnostic points at a password (Neo4j's `Invalid input
 * 'hunter2'`, `Variable \`hunter2\` not defined` for an unquoted `:param` value), the quoted text is
 * masked as code frames mask it.
 */
export function maskMessages(diagnostics: readonly Diagnostic[], raw: RawSegment, source: string): readonly Diagnostic[] {
  const runs = secretRuns(raw);
  if (runs.length === 0) return diagnostics;
  return diagnostics.map((d) => maskDiagnostic(d, runs, raw.tokens, source));
}

const POSITION_SUFFIX = / \(line \d+, column \d+ \(offset: \d+\)\)$/;

function maskDiagnostic(diagnostic: Diagnostic, runs: readonly SecretRun[], tokens: readonly IToken[], source: string): Diagnostic {
  const start = diagnostic.span.start.offset;
  const end = diagnostic.span.end.offset;
  const inside = runsOverlapping(runs, start, end);
  if (inside.length === 0) return diagnostic;
  const suffix = POSITION_SUFFIX.exec(diagnostic.message)?.[0] ?? '';
  let message = diagnostic.message.slice(0, diagnostic.message.length - suffix.length);
  // The text the diagnostic points at, then each secret token in it (`Unknown function 'hunter'`).
  const shown = maskRuns(
    source.slice(start, end),
    inside.map((r) => ({
      start: Math.max(r.start, start) - start,
      end: Math.min(r.end, end) - start,
      quoted: r.quoted && r.start >= start && r.end <= end,
    })),
  ).text;
  const replacements = new Map<string, string>([[source.slice(start, end), shown]]);
  for (const token of tokensWithin(tokens, start, end)) {
    if (runsOverlapping(inside, token.startOffset, tokenEnd(token)).length === 0 || token.image.length > message.length) continue;
    replacements.set(token.image, token.tokenType === StringLiteral ? MASKED_PASSWORD : MASKED_WORD);
  }
  // Longest first, so a token never spoils the longer text that contains it.
  for (const [original, masked] of [...replacements].sort((a, b) => b[0].length - a[0].length)) {
    for (const form of new Set([original, escapeBreaks(original)]))
      if (form !== '') message = replaceWhole(message, form, escapeBreaks(masked));
  }
  return { ...diagnostic, message: message + suffix };
}

/** Replaces `word` where it stands on its own: `y` in "Variable `y`", not in "yield". */
function replaceWhole(text: string, word: string, by: string): string {
  const isPart = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}_]/u.test(c);
  let out = '';
  let from = 0;
  for (let at = text.indexOf(word); at !== -1; at = text.indexOf(word, at + word.length)) {
    const bounded = !(isPart(word[0]) && isPart(text[at - 1])) && !(isPart(word[word.length - 1]) && isPart(text[at + word.length]));
    if (!bounded) continue;
    out += text.slice(from, at) + by;
    from = at + word.length;
  }
  return out + text.slice(from);
}

/** The tokens inside `[start, end)`, by binary search over their offsets. */
function tokensWithin(tokens: readonly IToken[], start: number, end: number): IToken[] {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokenEnd(tokenAt(tokens, mid)) <= start) low = mid + 1;
    else high = mid;
  }
  const found: IToken[] = [];
  for (let i = low; i < tokens.length; i++) {
    const token = tokenAt(tokens, i);
    if (token.startOffset >= end) break;
    found.push(token);
  }
  return found;
}

/** The runs that overlap `[start, end)`, found by binary search: a statement may have many of both. */
function runsOverlapping(runs: readonly SecretRun[], start: number, end: number): SecretRun[] {
  let low = 0;
  let high = runs.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (itemAt(runs, mid).end <= start) low = mid + 1;
    else high = mid;
  }
  const found: SecretRun[] = [];
  for (let i = low; i < runs.length; i++) {
    const run = itemAt(runs, i);
    if (run.start >= Math.max(end, start + 1)) break;
    found.push(run);
  }
  return found;
}
