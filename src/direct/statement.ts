/**
 * Tokens -> AST, without a CST, for every statement: users, roles, privileges and the SHOW commands with
 * their YIELD, WHERE and RETURN. The grammar stays grammar/parser.ts: at each token this reader takes the
 * branch the parser takes there, gives up exactly where the parser fails, and refuses what it refuses.
 * test/support/direct.ts holds the two to the same trees, the same error tokens and the same refusals.
 */
import type { IToken } from 'chevrotain';
import { graphKeywordAt } from '../../grammar/decisions.js';
import { Keyword as K, LParen, RParen } from '../../grammar/tokens.js';
import type { CypherStatement, DatabaseName, FunctionCall, UseClause } from '../ast/index.js';
import type { Source } from '../syntax/lines.js';
import { firstToken, lastToken } from '../syntax/indexed.js';
import { TooComplexError } from '../visitor/source.js';
import { GaveUp, GIVE_UP, TokenReader, giveUp, type Built, type Refusals } from './reader.js';
import { createUser, drop, rename, alter } from './users.js';
import { grantOrDenyPrivilege, revokePrivilege } from './privileges.js';
import { createRole, grantOrRevoke, startsRoleGrant } from './roles.js';
import { show } from './show.js';
import { databaseName } from './values.js';
import { callOf } from './expressions.js';

/** A statement read to its end, and what Neo4j refuses in it; a refusal makes it no statement. */
export interface ReadToEnd {
  readonly statement: CypherStatement;
  readonly refusals: Refusals;
}

/** An expression nested too deep for the passes after parsing (src/visitor/climb.ts), and what was refused before it. */
export class TooDeep {
  constructor(
    readonly error: TooComplexError,
    readonly refusals: Refusals,
  ) {}
}

/**
 * The statement `tokens` (its `CYPHER 25` prefix removed) make, where it gives up, or the expression
 * too deep to build in it, as the visitor refuses one. Its recursion follows the brackets, so parse.ts
 * refuses brackets nested deeper than MAX_NESTING first.
 */
export function readStatement(tokens: readonly IToken[], source: Source): ReadToEnd | GaveUp | TooDeep {
  const reader = new TokenReader(tokens, source);
  try {
    const use = useClause(reader);
    const first = reader.peek() ?? giveUp();
    const command = readCommand(reader);
    if (!reader.atEnd()) giveUp();
    const commandSpan = reader.span(first, lastToken(tokens));
    const span = use ? reader.span(firstToken(tokens), lastToken(tokens)) : commandSpan;
    return { statement: Object.assign(command(span), { use: use && { ...use, commandSpan } }), refusals: reader.refusals() };
  } catch (caught) {
    if (caught === GIVE_UP) return new GaveUp(reader.failedAt(), reader.refusals());
    if (caught instanceof TooComplexError) return new TooDeep(caught, reader.refusals());
    throw caught;
  }
}

function useClause(reader: TokenReader): Omit<UseClause, 'commandSpan'> | null {
  const use = reader.accept(K.USE);
  if (!use) return null;
  if (reader.decides(graphKeywordAt)) reader.next();
  const graph = graphReference(reader);
  return { graph, span: reader.spanFrom(use) };
}

/** Cypher25Parser.g4's graphReference: `(ref)`, a graph function's call, or a database's name. */
function graphReference(reader: TokenReader): DatabaseName | FunctionCall {
  if (reader.accept(LParen)) {
    const inner = graphReference(reader);
    reader.expect(RParen);
    return inner;
  }
  const name = databaseName(reader);
  return reader.is(LParen) ? callOf(reader, name.parts.join('.'), name.span) : name;
}

function readCommand(reader: TokenReader): Built {
  const verb = reader.next();
  switch (verb.tokenType) {
    case K.CREATE: {
      const orReplace = reader.accept(K.OR) !== undefined;
      if (orReplace) reader.expect(K.REPLACE);
      return reader.accept(K.USER) ? createUser(reader, orReplace) : createRole(reader, orReplace);
    }
    case K.DROP:
      return drop(reader);
    case K.ALTER:
      return alter(reader);
    case K.RENAME:
      return rename(reader);
    case K.GRANT:
      return startsRoleGrant(reader) ? grantOrRevoke(reader, 'grant-roles', K.TO) : grantOrDenyPrivilege(reader, 'grant-privilege');
    case K.DENY:
      return grantOrDenyPrivilege(reader, 'deny-privilege');
    case K.REVOKE:
      return startsRoleGrant(reader) ? grantOrRevoke(reader, 'revoke-roles', K.FROM) : revokePrivilege(reader);
    case K.SHOW:
      return show(reader);
    default:
      return giveUp();
  }
}
