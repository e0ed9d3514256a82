/**
 * The manual writes lists without brackets (`SET TAGS 'a', 'b'`, `REMOVE AUTH 'oidc', 'native'`); Neo4j's
 * parser takes only `['a', 'b']` (its tests and its 2026.09 front end: Invalid input ','). cypher-sysdb
 * accepts both, as the README promises, and warns.
 */
import type { IToken } from 'chevrotain';
import { Comma, Keyword, StringLiteral } from '../../grammar/tokens.js';
import type { Position } from '../ast/span.js';
import { neo4jPositionSuffix, relativeTo, StatusCode, type Diagnostic } from '../diagnostics/codes.js';
import { tokenAt } from './indexed.js';
import type { Source } from './lines.js';
import { tokenSpan } from '../visitor/source.js';

/** What the list after the keyword at `i` (its strings follow) is of, and where its clause starts; null for no such list. */
function listAt(tokens: readonly IToken[], i: number): { readonly of: string; readonly clause: number } | null {
  const type = tokenAt(tokens, i).tokenType;
  if (type === Keyword.TAGS || type === Keyword.TAG) return { of: 'tags', clause: i - 1 };
  // REMOVE AUTH [PROVIDER[S]] 'a', 'b'.
  const auth = type === Keyword.PROVIDER || type === Keyword.PROVIDERS ? i - 1 : i;
  if (tokens[auth]?.tokenType !== Keyword.AUTH || tokens[auth - 1]?.tokenType !== Keyword.REMOVE) return null;
  return { of: 'auth providers', clause: auth - 1 };
}

export function unbracketedTags(tokens: readonly IToken[], source: Source, statementStart: Position): Diagnostic[] {
  const found: Diagnostic[] = [];
  tokens.forEach((_, i) => {
    const comma = tokens[i + 2];
    if (comma?.tokenType !== Comma || tokens[i + 1]?.tokenType !== StringLiteral) return;
    const list = listAt(tokens, i);
    if (list === null) return;
    // The strings of the list, as long as a comma follows one (a parsed statement has a string before each).
    const items: string[] = [];
    for (let at = i + 1; tokens[at]?.tokenType === StringLiteral; at += 2) {
      items.push(tokenAt(tokens, at).image);
      if (tokens[at + 1]?.tokenType !== Comma) break;
    }
    const span = tokenSpan(comma, source);
    const words = tokens.slice(list.clause, i + 1).map((t) => t.image);
    found.push({
      severity: 'warning',
      code: StatusCode.UnbracketedTags,
      message: `Neo4j's parser rejects ${list.of} without brackets: Invalid input ','${neo4jPositionSuffix(relativeTo(statementStart, span.start))}`,
      span,
      hint: `Write ${words.join(' ')} [${items.join(', ')}]`,
    });
  });
  return found;
}
