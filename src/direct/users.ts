/** Tokens -> AST for the user commands the direct reader reads (src/direct/statement.ts says which). */
import type { IToken, TokenType } from 'chevrotain';
import { Keyword as K, LBrace, Parameter, RBrace, StringLiteral } from '../../grammar/tokens.js';
import type { AlterUserClause, AuthAttribute, ChangeRequired, PasswordFormat, SetUserClause, TagClause } from '../ast/users.js';
import type { PasswordValue, StringListOrParameter } from '../ast/values.js';
import { parameter, stringLiteral } from '../visitor/source.js';
import { TokenReader, giveUp, type Built } from './reader.js';
import { commandName, commandNames, databaseName, readIfExists, readIfNotExists, stringList } from './values.js';

export function createUser(reader: TokenReader, orReplace: boolean): Built {
  const name = commandName(reader);
  const ifNotExists = readIfNotExists(reader);
  const clauses: SetUserClause[] = [];
  do {
    reader.expect(K.SET);
    clauses.push(setUserClause(reader));
  } while (reader.is(K.SET));
  return (span) => ({ kind: 'create-user', name, orReplace, ifNotExists, clauses, span });
}

export function drop(reader: TokenReader): Built {
  const kind = reader.accept(K.USER) ? 'drop-user' : reader.accept(K.ROLE) ? 'drop-role' : giveUp();
  const name = commandName(reader);
  const ifExists = readIfExists(reader);
  return (span) => ({ kind, name, ifExists, span });
}

export function rename(reader: TokenReader): Built {
  const kind = reader.accept(K.USER) ? 'rename-user' : reader.accept(K.ROLE) ? 'rename-role' : giveUp();
  const from = commandName(reader);
  const ifExists = readIfExists(reader);
  reader.expect(K.TO);
  const to = commandName(reader);
  return (span) => ({ kind, from, to, ifExists, span });
}

export function alter(reader: TokenReader): Built {
  if (reader.accept(K.CURRENT)) {
    reader.expect(K.USER);
    reader.expect(K.SET);
    reader.expect(K.PASSWORD);
    reader.expect(K.FROM);
    const oldPassword = password(reader);
    reader.expect(K.TO);
    const newPassword = password(reader);
    return (span) => ({ kind: 'alter-current-user-password', oldPassword, newPassword, span });
  }
  if (reader.accept(K.USER)) return alterUser(reader);
  reader.expect(K.USERS);
  return alterUsers(reader);
}

/** `ALTER USER name [IF EXISTS]`, then every REMOVE, then every ADD, then every SET, as the grammar orders them. */
function alterUser(reader: TokenReader): Built {
  const name = commandName(reader);
  const ifExists = readIfExists(reader);
  const clauses: AlterUserClause[] = [];
  while (reader.accept(K.REMOVE)) clauses.push(removeUserClause(reader));
  while (reader.accept(K.ADD)) clauses.push(addTags(reader));
  while (reader.accept(K.SET)) clauses.push(setUserClause(reader));
  return (span) => ({ kind: 'alter-user', name, ifExists, clauses, span });
}

function alterUsers(reader: TokenReader): Built {
  const names = commandNames(reader);
  const ifExists = readIfExists(reader);
  const clauses: TagClause[] = [];
  while (reader.accept(K.REMOVE)) {
    const first = reader.peek() ?? giveUp();
    if (reader.accept(K.ALL)) {
      tagKeyword(reader);
      clauses.push({ kind: 'remove-all-tags', span: reader.spanFrom(first) });
    } else {
      clauses.push({ kind: 'remove-tags', tags: tagsClause(reader), span: reader.spanFrom(first) });
    }
  }
  while (reader.accept(K.ADD)) clauses.push(addTags(reader));
  while (reader.accept(K.SET)) {
    const first = reader.peek() ?? giveUp();
    clauses.push({ kind: 'set-tags', tags: tagsClause(reader), span: reader.spanFrom(first) });
  }
  return (span) => ({ kind: 'alter-users', names, ifExists, clauses, span });
}

function addTags(reader: TokenReader): AlterUserClause & TagClause {
  const first = reader.peek() ?? giveUp();
  return { kind: 'add-tags', tags: tagsClause(reader), span: reader.spanFrom(first) };
}

const PROVIDER_WORDS: ReadonlySet<TokenType> = new Set([K.PROVIDER, K.PROVIDERS]);

/** After REMOVE: `HOME DATABASE`, `ALL AUTH [PROVIDER[S]]`, `ALL TAG[S]`, `AUTH [PROVIDER[S]] list` or `TAG[S] list`. */
function removeUserClause(reader: TokenReader): AlterUserClause {
  const first = reader.peek() ?? giveUp();
  if (reader.accept(K.HOME)) {
    reader.expect(K.DATABASE);
    return { kind: 'remove-home-database', span: reader.spanFrom(first) };
  }
  if (reader.accept(K.ALL)) {
    if (reader.accept(K.AUTH)) {
      reader.acceptOneOf(PROVIDER_WORDS);
      return { kind: 'remove-all-auth', span: reader.spanFrom(first) };
    }
    tagKeyword(reader);
    return { kind: 'remove-all-tags', span: reader.spanFrom(first) };
  }
  if (reader.accept(K.AUTH)) {
    reader.acceptOneOf(PROVIDER_WORDS);
    const providers = stringList(reader);
    return { kind: 'remove-auth', providers, span: reader.spanFrom(first) };
  }
  const tags = tagsClause(reader);
  return { kind: 'remove-tags', tags, span: reader.spanFrom(first) };
}

const TAG_WORDS: ReadonlySet<TokenType> = new Set([K.TAG, K.TAGS]);

function tagKeyword(reader: TokenReader): void {
  if (!reader.acceptOneOf(TAG_WORDS)) giveUp();
}

/** `TAG[S] list`: the list. */
function tagsClause(reader: TokenReader): StringListOrParameter {
  tagKeyword(reader);
  return stringList(reader);
}

const FORMAT_WORDS: ReadonlySet<TokenType> = new Set([K.PLAINTEXT, K.ENCRYPTED]);

function passwordFormat(token: IToken | undefined): PasswordFormat {
  if (token === undefined) return 'default';
  return token.tokenType === K.ENCRYPTED ? 'encrypted' : 'plaintext';
}

/** After SET: a password, `STATUS`, `HOME DATABASE`, `AUTH` or `TAG[S]`. */
function setUserClause(reader: TokenReader): SetUserClause {
  const first = reader.peek() ?? giveUp();
  const format = reader.acceptOneOf(FORMAT_WORDS);
  if (format || reader.is(K.PASSWORD)) {
    reader.expect(K.PASSWORD);
    if (!format && reader.is(K.CHANGE)) {
      const changeRequired = readChangeRequired(reader);
      return { kind: 'set-password-change', changeRequired, span: reader.spanFrom(first) };
    }
    const value = password(reader);
    const changeRequired = reader.is(K.CHANGE) ? readChangeRequired(reader) : null;
    return { kind: 'set-password', format: passwordFormat(format), password: value, changeRequired, span: reader.spanFrom(first) };
  }
  if (reader.accept(K.STATUS)) {
    const status = reader.accept(K.ACTIVE) ? 'ACTIVE' : reader.accept(K.SUSPENDED) ? 'SUSPENDED' : giveUp();
    return { kind: 'set-status', status, span: reader.spanFrom(first) };
  }
  if (reader.accept(K.HOME)) {
    reader.expect(K.DATABASE);
    const parameterToken = reader.accept(Parameter);
    const database = parameterToken ? parameter(parameterToken, reader.source) : databaseName(reader);
    return { kind: 'set-home-database', database, span: reader.spanFrom(first) };
  }
  if (reader.accept(K.AUTH)) {
    reader.accept(K.PROVIDER);
    const provider = stringLiteral(reader.expect(StringLiteral), reader.source);
    reader.expect(LBrace);
    const attributes: AuthAttribute[] = [];
    do {
      reader.expect(K.SET);
      attributes.push(authAttribute(reader));
    } while (reader.is(K.SET));
    reader.expect(RBrace);
    return { kind: 'set-auth', provider, attributes, span: reader.spanFrom(first) };
  }
  const tags = tagsClause(reader);
  return { kind: 'set-tags', tags, span: reader.spanFrom(first) };
}

/** Inside `SET AUTH 'provider' { ... }`, after each SET: `ID`, a password, or `PASSWORD CHANGE [NOT] REQUIRED`. */
function authAttribute(reader: TokenReader): AuthAttribute {
  const first = reader.peek() ?? giveUp();
  if (reader.accept(K.ID)) {
    const token = reader.accept(StringLiteral) ?? reader.expect(Parameter);
    const id = token.tokenType === Parameter ? parameter(token, reader.source) : stringLiteral(token, reader.source);
    return { kind: 'auth-id', id, span: reader.spanFrom(first) };
  }
  const format = reader.acceptOneOf(FORMAT_WORDS);
  reader.expect(K.PASSWORD);
  if (!format && reader.is(K.CHANGE)) {
    const changeRequired = readChangeRequired(reader);
    return { kind: 'auth-password-change', changeRequired, span: reader.spanFrom(first) };
  }
  const value = password(reader);
  return { kind: 'auth-password', format: passwordFormat(format), password: value, span: reader.spanFrom(first) };
}

function readChangeRequired(reader: TokenReader): ChangeRequired {
  const change = reader.expect(K.CHANGE);
  const required = reader.accept(K.NOT) === undefined;
  reader.expect(K.REQUIRED);
  return { required, span: reader.spanFrom(change) };
}

function password(reader: TokenReader): PasswordValue {
  const token = reader.accept(StringLiteral) ?? reader.expect(Parameter);
  return token.tokenType === Parameter ? parameter(token, reader.source) : stringLiteral(token, reader.source);
}
