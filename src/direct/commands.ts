/**
 * Tokens -> AST, without a CST, for the commands scripts are mostly made of: CREATE, ALTER, DROP and
 * RENAME of users and roles, GRANT and REVOKE of roles, ALTER CURRENT USER, and SHOW USERS, SHOW ROLES
 * and SHOW CURRENT USER with their YIELD, WHERE and RETURN. Privileges, SHOW ... PRIVILEGES and the
 * rarer forms are left to the full parser (grammar/parser.ts and src/visitor/), whose grammar stays the
 * one definition: at each token this reader takes the branch the parser takes there, and gives up
 * where it does not know the parser's branch. test/direct/ holds the two to the same trees.
 */
import type { IToken, TokenType } from 'chevrotain';
import { TAIL_STARTS } from '../../grammar/parser.js';
import {
  Comma,
  DecimalInteger,
  Dot,
  Keyword as K,
  LBrace,
  LBracket,
  Parameter,
  RBrace,
  RBracket,
  Star,
  StringLiteral,
} from '../../grammar/tokens.js';
import type { AdminCommand, CypherStatement, UseClause } from '../ast/index.js';
import type { IntegerArgument, ReturnClause, ReturnItem, ShowPipeline, SortItem, YieldClause, YieldItem } from '../ast/show.js';
import type { Span } from '../ast/span.js';
import type {
  AlterUserClause,
  AuthAttribute,
  ChangeRequired,
  PasswordFormat,
  SetUserClause,
  TagClause,
  UserCommand,
} from '../ast/users.js';
import type { DatabaseName, NameOrParameter, PasswordValue, StringListOrParameter, StringLiteral as StringNode } from '../ast/values.js';
import { tokenEnd } from '../diagnostics/token-offsets.js';
import type { Source } from '../syntax/lines.js';
import { firstToken, lastToken } from '../syntax/indexed.js';
import { decodeName, joinSpans, parameter, stringLiteral, symbolicName } from '../visitor/source.js';
import { readExpression } from './expressions.js';
import { GIVE_UP, TokenReader, giveUp } from './reader.js';

/**
 * Statements longer than this go to the parser: it bounds the reader's recursion, and keeps every tree
 * it builds far below the visitor's depth limit (src/visitor/climb.ts), which it does not check.
 */
const MAX_TOKENS = 400;

/** The statement `tokens` (its `CYPHER 25` prefix removed) make, or null where the full parser must read it. */
export function readStatement(tokens: readonly IToken[], source: Source): CypherStatement | null {
  if (tokens.length === 0 || tokens.length > MAX_TOKENS) return null;
  try {
    const reader = new TokenReader(tokens, source);
    const use = useClause(reader);
    const first = reader.peek() ?? giveUp();
    const command = readCommand(reader, tokens);
    if (!reader.atEnd()) giveUp();
    const span = reader.span(use ? firstToken(tokens) : first, lastToken(tokens));
    return Object.assign(command(span), { use });
  } catch (caught) {
    if (caught === GIVE_UP) return null;
    throw caught;
  }
}

/** A command waits for its span (the whole statement's), known once it has been read to the end. */
type Built = (span: Span) => AdminCommand;

function useClause(reader: TokenReader): UseClause | null {
  const use = reader.accept(K.USE);
  if (!use) return null;
  const database = databaseName(reader);
  return { database, span: joinSpans(reader.tokenSpan(use), database.span) };
}

function readCommand(reader: TokenReader, tokens: readonly IToken[]): Built {
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
      return grantOrRevoke(reader, 'grant-roles', K.TO);
    case K.REVOKE:
      return grantOrRevoke(reader, 'revoke-roles', K.FROM);
    case K.SHOW:
      return show(reader, tokens);
    default:
      return giveUp();
  }
}

// ---------------------------------------------------------------- users

function createUser(reader: TokenReader, orReplace: boolean): Built {
  const name = commandName(reader);
  const ifNotExists = readIfNotExists(reader);
  const clauses: SetUserClause[] = [];
  do {
    reader.expect(K.SET);
    clauses.push(setUserClause(reader));
  } while (reader.is(K.SET));
  return (span) => ({ kind: 'create-user', name, orReplace, ifNotExists, clauses, span });
}

function drop(reader: TokenReader): Built {
  const kind = reader.accept(K.USER) ? 'drop-user' : reader.accept(K.ROLE) ? 'drop-role' : giveUp();
  const name = commandName(reader);
  const ifExists = readIfExists(reader);
  return (span) => ({ kind, name, ifExists, span });
}

function rename(reader: TokenReader): Built {
  const kind = reader.accept(K.USER) ? 'rename-user' : reader.accept(K.ROLE) ? 'rename-role' : giveUp();
  const from = commandName(reader);
  const ifExists = readIfExists(reader);
  reader.expect(K.TO);
  const to = commandName(reader);
  return (span) => ({ kind, from, to, ifExists, span });
}

function alter(reader: TokenReader): Built {
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

// ---------------------------------------------------------------- roles

function createRole(reader: TokenReader, orReplace: boolean): Built {
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

const ROLE_WORDS: ReadonlySet<TokenType> = new Set([K.ROLE, K.ROLES]);
const USER_WORDS: ReadonlySet<TokenType> = new Set([K.USER, K.USERS]);

/** `GRANT ROLE[S] roles TO [USER[S]] users`, or REVOKE's with FROM; `ROLE MANAGEMENT ON` is a privilege, left to the parser. */
function grantOrRevoke(reader: TokenReader, kind: 'grant-roles' | 'revoke-roles', preposition: TokenType): Built {
  if (!reader.acceptOneOf(ROLE_WORDS)) giveUp();
  if (reader.is(K.MANAGEMENT) && reader.is(K.ON, 1)) giveUp();
  const roles = commandNames(reader);
  reader.expect(preposition);
  // `USER` alone is a user called "USER": the keyword is one only when a name follows it.
  if (reader.isOneOf(USER_WORDS) && reader.startsName(1)) reader.next();
  const users = commandNames(reader);
  return (span) => ({ kind, roles, users, span });
}

// ---------------------------------------------------------------- SHOW

const PRIVILEGE_WORDS: ReadonlySet<TokenType> = new Set([K.PRIVILEGE, K.PRIVILEGES]);

function show(reader: TokenReader, tokens: readonly IToken[]): Built {
  // SHOW ... PRIVILEGES, and names that could begin one, are the parser's to decide.
  if (tokens.some((t) => PRIVILEGE_WORDS.has(t.tokenType))) giveUp();
  if (reader.accept(K.CURRENT)) {
    reader.expect(K.USER);
    const pipeline = showPipeline(reader);
    return (span) => ({ kind: 'show-current-user', pipeline, span });
  }
  if (reader.acceptOneOf(USER_WORDS)) {
    tailStarts(reader);
    const withAuth = reader.accept(K.WITH) !== undefined;
    if (withAuth) reader.expect(K.AUTH);
    const pipeline = showPipeline(reader);
    return (span): UserCommand => ({ kind: 'show-users', withAuth, pipeline, span });
  }
  const populatedOnly = reader.accept(K.POPULATED) !== undefined;
  if (!populatedOnly) reader.accept(K.ALL);
  if (!reader.acceptOneOf(ROLE_WORDS)) giveUp();
  tailStarts(reader);
  const withUsers = reader.accept(K.WITH) !== undefined;
  if (withUsers && !reader.acceptOneOf(USER_WORDS)) giveUp();
  const pipeline = showPipeline(reader);
  return (span) => ({ kind: 'show-roles', populatedOnly, withUsers, pipeline, span });
}

/** After SHOW USERS or SHOW ROLES, a name other than WITH, YIELD or WHERE begins a list of names (a privileges command). */
function tailStarts(reader: TokenReader): void {
  const next = reader.peek();
  if (next !== undefined && reader.startsName() && !TAIL_STARTS.has(next.tokenType)) giveUp();
}

function showPipeline(reader: TokenReader): ShowPipeline {
  const where = reader.accept(K.WHERE);
  if (where) {
    const condition = readExpression(reader).expression;
    return { kind: 'where', where: condition, span: reader.spanFrom(where) };
  }
  if (!reader.is(K.YIELD)) return { kind: 'none' };
  const yieldClause = readYield(reader);
  const returnClause = reader.is(K.RETURN) ? readReturn(reader) : null;
  return {
    kind: 'yield',
    yield: yieldClause,
    return: returnClause,
    span: returnClause ? joinSpans(yieldClause.span, returnClause.span) : yieldClause.span,
  };
}

function readYield(reader: TokenReader): YieldClause {
  const start = reader.expect(K.YIELD);
  let items: '*' | YieldItem[] = '*';
  if (!reader.accept(Star)) {
    items = [];
    do {
      const column = reader.name();
      const alias = reader.accept(K.AS) ? reader.name() : undefined;
      const name = decodeName(column.image);
      items.push({
        column: name,
        alias: alias ? decodeName(alias.image) : name,
        aliased: alias !== undefined,
        span: reader.spanFrom(column),
      });
    } while (reader.accept(Comma));
  }
  const orderBy = reader.is(K.ORDER) ? sortItems(reader) : [];
  const skip = reader.accept(K.SKIP) || reader.accept(K.OFFSET) ? integerArgument(reader) : null;
  const limit = reader.accept(K.LIMIT) ? integerArgument(reader) : null;
  const where = reader.accept(K.WHERE) ? readExpression(reader).expression : null;
  return { items, orderBy, skip, limit, where, span: reader.spanFrom(start) };
}

/** YIELD's SKIP and LIMIT: a decimal literal as written (a sign or another form is left to the parser). */
function integerArgument(reader: TokenReader): IntegerArgument {
  const token = reader.expect(DecimalInteger);
  if (!/^(?:0|[1-9][0-9]*)$/.test(token.image)) giveUp();
  return { value: token.image, span: reader.tokenSpan(token) };
}

function sortItems(reader: TokenReader): SortItem[] {
  reader.expect(K.ORDER);
  reader.expect(K.BY);
  const items: SortItem[] = [];
  do {
    const { expression, first } = readExpression(reader);
    const direction = reader.acceptOneOf(DIRECTION_WORDS);
    const descending = direction !== undefined && (direction.tokenType === K.DESC || direction.tokenType === K.DESCENDING);
    items.push({ expression, descending, span: reader.spanFrom(first) });
  } while (reader.accept(Comma));
  return items;
}

const DIRECTION_WORDS: ReadonlySet<TokenType> = new Set([K.ASC, K.ASCENDING, K.DESC, K.DESCENDING]);

function readReturn(reader: TokenReader): ReturnClause {
  const start = reader.expect(K.RETURN);
  // `RETURN ALL` is a keyword or a name depending on what follows: the parser's to decide.
  if (reader.is(K.ALL)) giveUp();
  const distinct = reader.accept(K.DISTINCT) !== undefined;
  const star = reader.accept(Star) !== undefined;
  const items: ReturnItem[] = [];
  if (!star || reader.accept(Comma)) {
    do items.push(returnItem(reader));
    while (reader.accept(Comma));
  }
  const orderBy = reader.is(K.ORDER) ? sortItems(reader) : [];
  const skip = reader.accept(K.SKIP) || reader.accept(K.OFFSET) ? readExpression(reader).expression : null;
  const limit = reader.accept(K.LIMIT) ? readExpression(reader).expression : null;
  return { distinct, star, items, orderBy, skip, limit, span: reader.spanFrom(start) };
}

function returnItem(reader: TokenReader): ReturnItem {
  const { expression, first, last } = readExpression(reader);
  const alias = reader.accept(K.AS) ? reader.name() : undefined;
  // Neo4j names an unaliased column after the expression exactly as it was written.
  const name = alias ? decodeName(alias.image) : reader.source.text.slice(first.startOffset, tokenEnd(last));
  return { expression, name, aliased: alias !== undefined, span: reader.spanFrom(first) };
}

// ---------------------------------------------------------------- names and values

function readIfExists(reader: TokenReader): boolean {
  if (!reader.accept(K.IF)) return false;
  reader.expect(K.EXISTS);
  return true;
}

function readIfNotExists(reader: TokenReader): boolean {
  if (!reader.accept(K.IF)) return false;
  reader.expect(K.NOT);
  reader.expect(K.EXISTS);
  return true;
}

function commandName(reader: TokenReader): NameOrParameter {
  const token = reader.accept(Parameter);
  return token ? parameter(token, reader.source) : symbolicName(reader.name(), reader.source);
}

function commandNames(reader: TokenReader): NameOrParameter[] {
  const names: NameOrParameter[] = [];
  do names.push(commandName(reader));
  while (reader.accept(Comma));
  return names;
}

function databaseName(reader: TokenReader): DatabaseName {
  const first = reader.name();
  const parts = [decodeName(first.image)];
  while (reader.accept(Dot)) parts.push(decodeName(reader.name().image));
  return { kind: 'database-name', parts, span: reader.spanFrom(first) };
}

/** `$param`, `['a', 'b']` or `'a', 'b'`. */
function stringList(reader: TokenReader): StringListOrParameter {
  const parameterToken = reader.accept(Parameter);
  if (parameterToken) return parameter(parameterToken, reader.source);
  const first = reader.peek() ?? giveUp();
  const items: StringNode[] = [];
  const bracketed = reader.accept(LBracket) !== undefined;
  if (!bracketed || !reader.is(RBracket)) {
    do items.push(stringLiteral(reader.expect(StringLiteral), reader.source));
    while (reader.accept(Comma));
  }
  if (bracketed) reader.expect(RBracket);
  return { kind: 'string-list', items, span: reader.spanFrom(first) };
}
