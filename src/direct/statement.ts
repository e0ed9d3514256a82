/**
 * Tokens -> AST, without a CST, for every statement: users, roles, privileges and the SHOW commands with
 * their YIELD, WHERE and RETURN. The grammar stays grammar/parser.ts: at each token this reader takes the
 * branch the parser takes there, and it gives up exactly where the parser refuses the text, which the
 * parser then words. test/support/direct.ts holds the two to the same trees and the same refusals.
 */
import type { IToken } from 'chevrotain';
import { Keyword as K } from '../../grammar/tokens.js';
import type { CypherStatement, UseClause } from '../ast/index.js';
import type { Source } from '../syntax/lines.js';
import { firstToken, lastToken } from '../syntax/indexed.js';
import { joinSpans } from '../visitor/source.js';
import { GaveUp, GIVE_UP, TokenReader, giveUp, type Built } from './reader.js';
import { createUser, drop, rename, alter } from './users.js';
import { grantOrDenyPrivilege, revokePrivilege } from './privileges.js';
import { createRole, grantOrRevoke, startsRoleGrant } from './roles.js';
import { show } from './show.js';
import { databaseName } from './values.js';

/**
 * The statement `tokens` (its `CYPHER 25` prefix removed) make, or where it gives up, wherever the parser
 * refuses them. Its recursion follows the brackets, so parse.ts refuses brackets nested deeper than
 * MAX_NESTING first. Throws TooComplexError for an expression nested too deep (src/visitor/climb.ts), as
 * the visitor does.
 */
export function readStatement(tokens: readonly IToken[], source: Source): CypherStatement | GaveUp {
  const reader = new TokenReader(tokens, source);
  try {
    const use = useClause(reader);
    const first = reader.peek() ?? giveUp();
    const command = readCommand(reader);
    if (!reader.atEnd()) giveUp();
    const span = reader.span(use ? firstToken(tokens) : first, lastToken(tokens));
    return Object.assign(command(span), { use });
  } catch (caught) {
    if (caught === GIVE_UP) return new GaveUp(reader.failedAt());
    throw caught;
  }
}

function useClause(reader: TokenReader): UseClause | null {
  const use = reader.accept(K.USE);
  if (!use) return null;
  const database = databaseName(reader);
  return { database, span: joinSpans(reader.tokenSpan(use), database.span) };
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
