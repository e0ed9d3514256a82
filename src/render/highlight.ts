/**
 * Token classes for syntax highlighting, from the same lexer the parser uses, so an editor colours
 * exactly what cypher-sysdb reads as a keyword, a name or a string. Comments are not tokens (the
 * lexer skips them), so they are found in the gaps between tokens.
 */
import {
  DecimalInteger,
  EscapedName,
  FloatLiteral,
  HexInteger,
  Identifier,
  Keyword,
  OctalInteger,
  Parameter,
  StringLiteral,
  Unknown,
} from '../../grammar/tokens.js';
import { tokenize } from '../syntax/split.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';

export type HighlightClass = 'keyword' | 'string' | 'number' | 'parameter' | 'name' | 'comment' | 'invalid';

export interface HighlightRange {
  /** Offsets into the text given, `to` exclusive. */
  readonly from: number;
  readonly to: number;
  readonly kind: HighlightClass;
}

const KEYWORDS = new Set(Object.values(Keyword));
const NUMBERS = new Set([DecimalInteger, FloatLiteral, HexInteger, OctalInteger]);
const COMMENT = /\/\/[^\n\r]*|\/\*[\s\S]*?(?:\*\/|$)/g;

export function highlight(text: string): HighlightRange[] {
  const ranges: HighlightRange[] = [];
  let gapStart = 0;
  const comments = (from: number, to: number) => {
    if (to <= from) return;
    const gap = text.slice(from, to);
    for (const match of gap.matchAll(COMMENT))
      ranges.push({ from: from + match.index, to: from + match.index + match[0].length, kind: 'comment' });
  };
  for (const token of tokenize(text)) {
    comments(gapStart, token.startOffset);
    const kind = classify(token.tokenType);
    const end = tokenEnd(token);
    if (kind) ranges.push({ from: token.startOffset, to: end, kind });
    gapStart = end;
  }
  comments(gapStart, text.length);
  return ranges;
}

function classify(type: (typeof Keyword)[keyof typeof Keyword]): HighlightClass | null {
  if (KEYWORDS.has(type)) return 'keyword';
  if (type === StringLiteral) return 'string';
  if (NUMBERS.has(type)) return 'number';
  if (type === Parameter) return 'parameter';
  if (type === Identifier || type === EscapedName) return 'name';
  if (type === Unknown) return 'invalid';
  return null;
}
