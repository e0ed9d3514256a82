/**
 * Hides password literals in source text before it is shown (code frames land in CI logs). Works on
 * tokens, so it masks statements that do not parse too. Offsets into the original text can be mapped
 * onto the masked text, so carets still point at the right place.
 */
import { Colon, Keyword, StringLiteral, Unknown } from '../grammar/tokens.js';
import { tokenize } from './script.js';

export const MASKED_PASSWORD = "'******'";

export interface MaskedText {
  readonly text: string;
  /** Maps an offset in the original text to the corresponding offset in the masked text. */
  readonly mapOffset: (offset: number) => number;
}

const BEFORE_PASSWORD = new Set([Keyword.PASSWORD, Keyword.FROM, Keyword.TO]);

export function maskPasswords(source: string): MaskedText {
  const tokens = tokenize(source);
  const edits: { start: number; end: number }[] = [];
  let inClientCommand = false;
  tokens.forEach((token, i) => {
    const previous = tokens[i - 1];
    const onNewLine = !previous || /[\r\n]/.test(source.slice(previous.endOffset! + 1, token.startOffset));
    // A client command runs from a `:` that starts a line to the end of that line.
    if (onNewLine) inClientCommand = token.tokenType === Colon;
    const previousMasked = previous !== undefined && edits.length > 0 && edits[edits.length - 1]!.end === previous.endOffset! + 1;
    // A string right after a password (a missing TO, say) is probably the next password.
    const afterPasswordKeyword = previous !== undefined && (BEFORE_PASSWORD.has(previous.tokenType) || previousMasked);
    // Values of `:param` lines are masked wholesale: they are where scripts keep their passwords.
    if (token.tokenType === StringLiteral && (inClientCommand || afterPasswordKeyword)) {
      edits.push({ start: token.startOffset, end: token.endOffset! + 1 });
    } else if (token.tokenType === Unknown && /['"]/.test(token.image) && (inClientCommand || afterPasswordKeyword)) {
      // A password whose closing quote is missing: hide the rest of its line.
      const lineEnd = source.slice(token.startOffset).search(/[\r\n]/);
      const end = lineEnd === -1 ? source.length : token.startOffset + lineEnd;
      if (!edits.some((e) => e.end > token.startOffset)) edits.push({ start: token.startOffset, end });
    }
  });
  if (edits.length === 0) return { text: source, mapOffset: (o) => o };
  let text = '';
  let cursor = 0;
  for (const edit of edits) {
    text += source.slice(cursor, edit.start) + MASKED_PASSWORD;
    cursor = edit.end;
  }
  text += source.slice(cursor);
  const mapOffset = (offset: number): number => {
    let shift = 0;
    for (const edit of edits) {
      if (offset >= edit.end) shift += MASKED_PASSWORD.length - (edit.end - edit.start);
      else if (offset > edit.start) return edit.start + shift + Math.min(offset - edit.start, MASKED_PASSWORD.length);
      else break;
    }
    return offset + shift;
  };
  return { text, mapOffset };
}
