/** Tokens -> AST for CREATE ROLE and GRANT/REVOKE ROLE (DROP and RENAME are read with the users'). */
import type { TokenType } from 'chevrotain';
import { Keyword as K } from '../../grammar/tokens.js';
import type { NameOrParameter } from '../ast/values.js';
import { TokenReader, type Built } from './reader.js';
import { commandName, commandNames, readIfNotExists, ROLE_WORDS, USER_WORDS } from './values.js';

export function createRole(reader: TokenReader, orReplace: boolean): Built {
  const immutable = reader.accept(K.IMMUTABLE) !== undefined;
  reader.expect(K.ROLE);
  const name = commandName(reader);
  const ifNotExists = readIfNotExists(reader);
  let copyOf: NameOrParameter | null = null;
  if (reader.accept(K.AS)) {
    reader.expect(K.COPY);
    reader.expect(K.OF);
    copyOf = commandName(reader);
  }
  return (span) => ({ kind: 'create-role', name, orReplace, immutable, ifNotExists, copyOf, span });
}

/** After GRANT or REVOKE: `ROLE[S] names` grants roles, but `ROLE[S] MANAGEMENT ON` is a privilege. */
export function startsRoleGrant(reader: TokenReader): boolean {
  // ROLE MANAGEMENT ON is the privilege; ROLES MANAGEMENT ON grants a role called MANAGEMENT, as in Neo4j (and fails at ON).
  return reader.isOneOf(ROLE_WORDS) && !(reader.is(K.ROLE) && reader.is(K.MANAGEMENT, 1) && reader.is(K.ON, 2));
}

/** `GRANT ROLE[S] roles TO [USER[S]] users`, or REVOKE's with FROM (startsRoleGrant has decided). */
export function grantOrRevoke(reader: TokenReader, kind: 'grant-roles' | 'revoke-roles', preposition: TokenType): Built {
  reader.next();
  const roles = commandNames(reader);
  reader.expect(preposition);
  // `USER` alone is a user called "USER": the keyword is one only when a name follows it.
  if (reader.isOneOf(USER_WORDS) && reader.startsName(1)) reader.next();
  const users = commandNames(reader);
  return (span) => ({ kind, roles, users, span });
}
