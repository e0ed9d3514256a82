/**
 * The manual writes `SET TAGS 'a', 'b'`; Neo4j's parser takes only `['a', 'b']` (its tests and its
 * 2026.09 front end: Invalid input ','). cypher-sysdb accepts both, as the README promises, and warns.
 */
import type { IToken } from 'chevrotain';
import { Comma, Keyword, StringLiteral } from '../../grammar/tokens.js';
import type { Position } from '../ast/span.js';
import { neo4jPositionSuffix, relativeTo, StatusCode, type Diagnostic } from '../diagnostics/codes.js';
import { tokenAt } from './indexed.js';
import type { Source } from './lines.js';
import { tokenSpan } from '../visitor/source.js';

export function unbracketedTags(tokens: readonly IToken[], source: Source, statementStart: Position): Diagnostic[] {
  const found: Diagnostic[] = [];
  tokens.forEach((keyword, i) => {
    const comma = tokens[i + 2];
    if ((keyword.tokenType !== Keyword.TAGS && keyword.tokenType !== Keyword.TAG) || comma?.tokenType !== Comma) return;
    // The strings of the list, as long as a comma follows one (a parsed statement has a string before each).
    const items: string[] = [];
    for (let at = i + 1; tokens[at]?.tokenType === StringLiteral; at += 2) {
      items.push(tokenAt(tokens, at).image);
      if (tokens[at + 1]?.tokenType !== Comma) break;
    }
    const span = tokenSpan(comma, source);
    found.push({
      severity: 'warning',
      code: StatusCode.UnbracketedTags,
      message: `Neo4j's parser rejects tags without brackets: Invalid input ','${neo4jPositionSuffix(relativeTo(statementStart, span.start))}`,
      span,
      hint: `Write ${tokenAt(tokens, i - 1).image} ${keyword.image} [${items.join(', ')}]`,
    });
  });
  return found;
}
