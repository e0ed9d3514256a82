/**
 * Tokens -> AST for GRANT, DENY and REVOKE of privileges: grammar/parser.ts's dbmsPrivilege, read branch
 * for branch. Each privilege's first words decide its alternative there (the parser looks one token
 * ahead), so here too; where Neo4j refuses a construct that has parsed (an ALL privilege on
 * another type's target, a glob mixing escaped and plain text), this reader records the refusal and reads on.
 */
import type { TokenType } from 'chevrotain';
import { allTargetRefusal, REFUSED } from '../../grammar/decisions.js';
import {
  Comma,
  Dot,
  EscapedName,
  Keyword as K,
  LBrace,
  LParen,
  Parameter,
  Question,
  RBrace,
  RParen,
  Star,
  StringLiteral,
  UnescapedName,
} from '../../grammar/tokens.js';
import type { DataSource, DatabaseScope, GrantPrivilege, GraphSegment, PrivilegeAction } from '../ast/privileges.js';
import type { NameOrParameter } from '../ast/values.js';
import { decodeName, parameter, stringLiteral } from '../visitor/source.js';
import { TokenReader, giveUp, type Built } from './reader.js';
import { commandNames, databaseName } from './values.js';

type PrivilegeParts = Omit<GrantPrivilege, 'kind' | 'roles' | 'span' | 'use'>;

/** What a privilege's words set besides its action; each stays null (or false) unless its words are read. */
interface Extras {
  globs: string[] | null;
  dataSource: DataSource | null;
  transactionUsers: '*' | NameOrParameter[] | null;
  databases: DatabaseScope | null;
  onGraph: boolean;
  properties: '*' | string[] | null;
  labels: '*' | string[] | null;
  segment: GraphSegment | null;
}

/** `GRANT|DENY <privilege> ON ... TO roles`, GRANT and DENY already read. */
export function grantOrDenyPrivilege(reader: TokenReader, kind: 'grant-privilege' | 'deny-privilege'): Built {
  const parts = privilege(reader);
  reader.expect(K.TO);
  const roles = commandNames(reader);
  return (span) => ({ kind, ...parts, roles, span });
}

/** `REVOKE [GRANT|DENY] <privilege> ON ... FROM roles`, REVOKE already read. */
export function revokePrivilege(reader: TokenReader): Built {
  const revokes = reader.accept(K.GRANT) ? 'grant' : reader.accept(K.DENY) ? 'deny' : 'both';
  const parts = privilege(reader);
  reader.expect(K.FROM);
  const roles = commandNames(reader);
  return (span) => ({ kind: 'revoke-privilege', revokes, ...parts, roles, span });
}

/** `[IMMUTABLE] <privilege> <target>`, in the key order the visitor builds it (src/visitor/privileges.ts). */
function privilege(reader: TokenReader): PrivilegeParts {
  const immutable = reader.accept(K.IMMUTABLE) !== undefined;
  const x: Extras = {
    globs: null,
    dataSource: null,
    transactionUsers: null,
    databases: null,
    onGraph: false,
    properties: null,
    labels: null,
    segment: null,
  };
  const action = readAction(reader, x);
  return {
    globs: x.globs,
    dataSource: x.dataSource,
    transactionUsers: x.transactionUsers,
    immutable,
    action,
    databases: x.databases,
    onGraph: x.onGraph,
    properties: x.properties,
    labels: x.labels,
    segment: x.segment,
  };
}

type Actions = ReadonlyMap<TokenType, PrivilegeAction>;

function actions(entries: Record<string, PrivilegeAction>): Actions {
  return new Map(Object.entries(entries).map(([word, action]) => [K[word as keyof typeof K], action]));
}

const CREATE_ON_DBMS = actions({ USER: 'create_user', ROLE: 'create_role', DATABASE: 'create_database', ALIAS: 'create_alias' });
const CREATE_ON_DATABASES = actions({
  INDEX: 'create_index',
  INDEXES: 'create_index',
  CONSTRAINT: 'create_constraint',
  CONSTRAINTS: 'create_constraint',
});
const DROP_ON_DBMS = actions({ USER: 'drop_user', ROLE: 'drop_role', DATABASE: 'drop_database', ALIAS: 'drop_alias' });
const DROP_ON_DATABASES = actions({
  INDEX: 'drop_index',
  INDEXES: 'drop_index',
  CONSTRAINT: 'drop_constraint',
  CONSTRAINTS: 'drop_constraint',
});
const RENAME_ON_DBMS = actions({ USER: 'rename_user', ROLE: 'rename_role' });
const ALTER_ON_DBMS = actions({ USER: 'alter_user', ALIAS: 'alter_alias', DATABASE: 'alter_database' });
const SHOW_ON_DBMS = actions({
  ROLE: 'show_role',
  PRIVILEGE: 'show_privilege',
  ALIAS: 'show_alias',
  SERVER: 'show_server',
  SERVERS: 'show_server',
});
const SHOW_ON_DATABASES = actions({
  INDEX: 'show_index',
  INDEXES: 'show_index',
  CONSTRAINT: 'show_constraint',
  CONSTRAINTS: 'show_constraint',
});
const SET_ON_DBMS = actions({ PASSWORD: 'set_passwords', PASSWORDS: 'set_passwords', AUTH: 'set_auth' });
const SET_USER_ON_DBMS = actions({ STATUS: 'set_user_status', METADATA: 'set_user_metadata' });
const ON_DATABASES = actions({ ACCESS: 'access', START: 'start_database', STOP: 'stop_database' });
const ON_GRAPHS = actions({ TRAVERSE: 'traverse', DELETE: 'delete_element' });
const WITH_PROPERTIES_ON_GRAPHS = actions({ READ: 'read', MATCH: 'match', MERGE: 'merge' });
const MANAGEMENT_ON_DBMS = actions({
  ROLE: 'role_management',
  PRIVILEGE: 'privilege_management',
  ALIAS: 'alias_management',
  SERVER: 'server_management',
});
const OPTIONAL_MANAGEMENT_ON_DATABASES = actions({
  INDEX: 'index',
  INDEXES: 'index',
  CONSTRAINT: 'constraint',
  CONSTRAINTS: 'constraint',
  NAME: 'token',
});
const ASSIGN_ON_DBMS = actions({ ROLE: 'assign_role', PRIVILEGE: 'assign_privilege' });
const REMOVE_ON_DBMS = actions({ ROLE: 'remove_role', PRIVILEGE: 'remove_privilege' });

const TRANSACTION_WORDS: ReadonlySet<TokenType> = new Set([K.TRANSACTION, K.TRANSACTIONS]);
const SETTING_WORDS: ReadonlySet<TokenType> = new Set([K.SETTING, K.SETTINGS]);
const ADMIN_WORDS: ReadonlySet<TokenType> = new Set([K.ADMIN, K.ADMINISTRATOR]);
const PROCEDURE_WORDS: ReadonlySet<TokenType> = new Set([K.PROCEDURE, K.PROCEDURES]);
const FUNCTION_WORDS: ReadonlySet<TokenType> = new Set([K.FUNCTION, K.FUNCTIONS]);
const GRAPH_WORDS: ReadonlySet<TokenType> = new Set([K.GRAPH, K.GRAPHS]);
const ALL_TYPES: ReadonlySet<TokenType> = new Set([K.DBMS, K.DATABASE, K.GRAPH]);
const SEGMENTS: ReadonlyMap<TokenType, GraphSegment['element']> = new Map([
  [K.NODE, 'node'],
  [K.NODES, 'node'],
  [K.RELATIONSHIP, 'relationship'],
  [K.RELATIONSHIPS, 'relationship'],
  [K.ELEMENT, 'element'],
  [K.ELEMENTS, 'element'],
]);

/** The privilege's words up to and including its target; `x` receives what they carry besides the action. */
function readAction(reader: TokenReader, x: Extras): PrivilegeAction {
  const verb = reader.next().tokenType;
  switch (verb) {
    case K.ALL:
      return allPrivileges(reader, x);
    case K.CREATE: {
      if (reader.is(K.ON)) return onGraphs(reader, x, 'create_element');
      if (reader.accept(K.NEW)) return onDatabases(reader, x, newToken(reader));
      if (reader.accept(K.COMPOSITE)) return onDbms(reader, databaseWord(reader, 'create_composite_database'));
      const object = reader.next().tokenType;
      const dbms = CREATE_ON_DBMS.get(object);
      return dbms ? onDbms(reader, dbms) : onDatabases(reader, x, CREATE_ON_DATABASES.get(object) ?? giveUp());
    }
    case K.DROP: {
      if (reader.accept(K.COMPOSITE)) return onDbms(reader, databaseWord(reader, 'drop_composite_database'));
      const object = reader.next().tokenType;
      const dbms = DROP_ON_DBMS.get(object);
      return dbms ? onDbms(reader, dbms) : onDatabases(reader, x, DROP_ON_DATABASES.get(object) ?? giveUp());
    }
    case K.RENAME:
      return onDbms(reader, word(reader, RENAME_ON_DBMS));
    case K.ALTER:
      return onDbms(reader, word(reader, ALTER_ON_DBMS));
    case K.TERMINATE:
      if (!reader.acceptOneOf(TRANSACTION_WORDS)) giveUp();
      x.transactionUsers = userQualifier(reader);
      return onDatabases(reader, x, 'terminate_transaction');
    case K.TRANSACTION:
      // Singular only, as Neo4j's databasePrivilege has it.
      reader.accept(K.MANAGEMENT);
      x.transactionUsers = userQualifier(reader);
      return onDatabases(reader, x, 'transaction_management');
    case K.LOAD:
      reader.expect(K.ON);
      x.dataSource = dataSource(reader);
      return 'load';
    case K.WRITE:
      return onWholeGraphs(reader, x, 'write');
    case K.EXECUTE:
      return execute(reader, x);
    case K.IMPERSONATE:
      x.transactionUsers = userQualifier(reader);
      return onDbms(reader, 'impersonate');
    case K.SHOW:
      return show(reader, x);
    case K.SET:
      return set(reader, x);
    case K.ASSIGN:
      return onDbms(reader, word(reader, ASSIGN_ON_DBMS));
    case K.REMOVE:
      if (!reader.accept(K.LABEL)) return onDbms(reader, word(reader, REMOVE_ON_DBMS));
      x.labels = starOrNames(reader);
      return onWholeGraphs(reader, x, 'remove_label');
    case K.USER: {
      const action = reader.accept(K.METADATA) ? 'user_metadata_management' : 'user_management';
      reader.expect(K.MANAGEMENT);
      return onDbms(reader, action);
    }
    case K.COMPOSITE:
    case K.DATABASE: {
      const action = verb === K.COMPOSITE ? databaseWord(reader, 'composite_database_management') : 'database_management';
      reader.expect(K.MANAGEMENT);
      return onDbms(reader, action);
    }
    default: {
      const dbms = MANAGEMENT_ON_DBMS.get(verb);
      if (dbms) {
        reader.expect(K.MANAGEMENT);
        return onDbms(reader, dbms);
      }
      const databases = OPTIONAL_MANAGEMENT_ON_DATABASES.get(verb);
      if (databases) {
        reader.accept(K.MANAGEMENT);
        return onDatabases(reader, x, databases);
      }
      const graphs = ON_GRAPHS.get(verb);
      if (graphs) return onGraphs(reader, x, graphs);
      const withProperties = WITH_PROPERTIES_ON_GRAPHS.get(verb);
      if (withProperties) {
        x.properties = propertyResource(reader);
        return onGraphs(reader, x, withProperties);
      }
      return onDatabases(reader, x, ON_DATABASES.get(verb) ?? giveUp());
    }
  }
}

/** `ALL [[DBMS|DATABASE|GRAPH] PRIVILEGES] ON DBMS | <databases> | <graphs>`; a named type must be its target's. */
function allPrivileges(reader: TokenReader, x: Extras): PrivilegeAction {
  const type = reader.acceptOneOf(ALL_TYPES)?.tokenType;
  if (type) reader.expect(K.PRIVILEGES);
  else reader.accept(K.PRIVILEGES);
  reader.expect(K.ON);
  // Judged as soon as the target's word is read, whatever follows it: the tokens it is judged on are the next ones.
  const refusal = type === undefined ? null : allTargetRefusal(type, reader.peek(), reader.peek(1));
  if (refusal) reader.refuse(refusal.token, refusal.message);
  if (reader.accept(K.DBMS)) return 'dbms_actions';
  const graph = reader.isOneOf(GRAPH_WORDS) || (reader.isOneOf(HOME_WORDS) && reader.isOneOf(GRAPH_WORDS, 1));
  if (graph) graphScope(reader, x);
  else databaseScope(reader, x);
  return graph ? 'graph_actions' : 'database_actions';
}

function execute(reader: TokenReader, x: Extras): PrivilegeAction {
  if (reader.acceptOneOf(ADMIN_WORDS)) {
    reader.expect(K.PROCEDURES);
    return onDbms(reader, 'execute_admin');
  }
  const boosted = reader.accept(K.BOOSTED) !== undefined;
  const procedure = reader.acceptOneOf(PROCEDURE_WORDS) !== undefined;
  if (!procedure) {
    if (reader.accept(K.USER)) reader.accept(K.DEFINED);
    if (!reader.acceptOneOf(FUNCTION_WORDS)) giveUp();
  }
  x.globs = globList(reader);
  const action = boosted
    ? procedure
      ? 'execute_boosted_procedure'
      : 'execute_boosted_function'
    : procedure
      ? 'execute_procedure'
      : 'execute_function';
  return onDbms(reader, action);
}

function show(reader: TokenReader, x: Extras): PrivilegeAction {
  if (reader.accept(K.USER)) return onDbms(reader, reader.accept(K.METADATA) ? 'show_user_metadata' : 'show_user');
  if (reader.acceptOneOf(SETTING_WORDS)) {
    x.globs = globList(reader);
    return onDbms(reader, 'show_setting');
  }
  if (reader.acceptOneOf(TRANSACTION_WORDS)) {
    x.transactionUsers = userQualifier(reader);
    return onDatabases(reader, x, 'show_transaction');
  }
  const object = reader.next().tokenType;
  const dbms = SHOW_ON_DBMS.get(object);
  return dbms ? onDbms(reader, dbms) : onDatabases(reader, x, SHOW_ON_DATABASES.get(object) ?? giveUp());
}

function set(reader: TokenReader, x: Extras): PrivilegeAction {
  if (reader.accept(K.USER)) {
    if (!reader.accept(K.HOME)) return onDbms(reader, word(reader, SET_USER_ON_DBMS));
    reader.expect(K.DATABASE);
    return onDbms(reader, 'set_user_home_database');
  }
  if (reader.accept(K.DATABASE)) {
    reader.expect(K.ACCESS);
    return onDbms(reader, 'set_database_access');
  }
  if (reader.accept(K.LABEL)) {
    x.labels = starOrNames(reader);
    return onWholeGraphs(reader, x, 'set_label');
  }
  if (reader.accept(K.PROPERTY)) {
    x.properties = propertyResource(reader);
    return onGraphs(reader, x, 'set_property');
  }
  return onDbms(reader, word(reader, SET_ON_DBMS));
}

/** The next word's action in `table`. */
function word(reader: TokenReader, table: Actions): PrivilegeAction {
  return table.get(reader.next().tokenType) ?? giveUp();
}

/** `DATABASE` after COMPOSITE. */
function databaseWord(reader: TokenReader, action: PrivilegeAction): PrivilegeAction {
  reader.expect(K.DATABASE);
  return action;
}

const NEW_TOKENS = actions({
  LABEL: 'create_label',
  LABELS: 'create_label',
  TYPE: 'create_reltype',
  TYPES: 'create_reltype',
  NAME: 'create_propertykey',
  NAMES: 'create_propertykey',
});
/** The optional word before NEW's LABEL, TYPE or NAME, and the privilege it must then be. */
const NEW_TOKEN_QUALIFIERS = actions({ NODE: 'create_label', RELATIONSHIP: 'create_reltype', PROPERTY: 'create_propertykey' });
const HOME_WORDS: ReadonlySet<TokenType> = new Set([K.HOME, K.DEFAULT]);

/** `NEW [NODE] LABEL[S]`, `NEW [RELATIONSHIP] TYPE[S]`, `NEW [PROPERTY] NAME[S]`, NEW already read. */
function newToken(reader: TokenReader): PrivilegeAction {
  const next = reader.peek();
  const qualified = next && NEW_TOKEN_QUALIFIERS.get(next.tokenType);
  if (qualified) reader.next();
  const action = word(reader, NEW_TOKENS);
  if (qualified && action !== qualified) giveUp();
  return action;
}

/** `ON DBMS`. */
function onDbms(reader: TokenReader, action: PrivilegeAction): PrivilegeAction {
  reader.expect(K.ON);
  reader.expect(K.DBMS);
  return action;
}

function onDatabases(reader: TokenReader, x: Extras, action: PrivilegeAction): PrivilegeAction {
  reader.expect(K.ON);
  databaseScope(reader, x);
  return action;
}

/** `ON <graphs> [NODE[S]|RELATIONSHIP[S]|ELEMENT[S] * | names]`. */
function onGraphs(reader: TokenReader, x: Extras, action: PrivilegeAction): PrivilegeAction {
  reader.expect(K.ON);
  graphScope(reader, x);
  const next = reader.peek();
  const element = next && SEGMENTS.get(next.tokenType);
  if (element) {
    reader.next();
    x.segment = { element, names: starOrNames(reader) };
  }
  return action;
}

/** `ON <graphs>` without a segment: WRITE, SET LABEL and REMOVE LABEL cover whole graphs (the parser's wholeGraphTarget). */
function onWholeGraphs(reader: TokenReader, x: Extras, action: PrivilegeAction): PrivilegeAction {
  reader.expect(K.ON);
  graphScope(reader, x);
  return action;
}

function databaseScope(reader: TokenReader, x: Extras): void {
  x.databases = scope(reader, K.DATABASE, K.DATABASES);
}

function graphScope(reader: TokenReader, x: Extras): void {
  x.databases = scope(reader, K.GRAPH, K.GRAPHS);
  x.onGraph = true;
}

/** `HOME|DEFAULT DATABASE` or `DATABASE[S] * | names` (or GRAPH). */
function scope(reader: TokenReader, single: TokenType, plural: TokenType): DatabaseScope {
  if (reader.accept(K.HOME)) {
    reader.expect(single);
    return { kind: 'home' };
  }
  const defaultWord = reader.accept(K.DEFAULT);
  if (defaultWord) {
    reader.expect(single);
    return { kind: 'default', span: reader.spanFrom(defaultWord) };
  }
  if (!reader.accept(single)) reader.expect(plural);
  if (reader.accept(Star)) return { kind: 'all' };
  const names: NameOrParameter[] = [];
  do {
    const token = reader.accept(Parameter);
    if (token) names.push(parameter(token, reader.source));
    else {
      const { parts, span } = databaseName(reader);
      names.push({ kind: 'name', value: parts.join('.'), span });
    }
  } while (reader.accept(Comma));
  return { kind: 'named', names };
}

/** `*` or names: labels, relationship types or properties. */
function starOrNames(reader: TokenReader): '*' | string[] {
  if (reader.accept(Star)) return '*';
  const names: string[] = [];
  do names.push(decodeName(reader.name().image));
  while (reader.accept(Comma));
  return names;
}

/** `{*}` or `{names}`. */
function propertyResource(reader: TokenReader): '*' | string[] {
  reader.expect(LBrace);
  const names = starOrNames(reader);
  reader.expect(RBrace);
  return names;
}

/** `(*)` or `(names)` (whose transactions, or whom to impersonate); all users when omitted. */
function userQualifier(reader: TokenReader): '*' | NameOrParameter[] {
  if (!reader.accept(LParen)) return '*';
  const users = reader.accept(Star) ? '*' : commandNames(reader);
  reader.expect(RParen);
  return users;
}

/** `ALL DATA`, `CIDR 'range'|$range` or `URL 'pattern'|$pattern`. */
function dataSource(reader: TokenReader): DataSource {
  if (reader.accept(K.ALL)) {
    reader.expect(K.DATA);
    return { kind: 'all' };
  }
  const url = reader.accept(K.URL) !== undefined;
  if (!url) reader.expect(K.CIDR);
  const token = reader.accept(Parameter);
  const value = token ? parameter(token, reader.source) : stringLiteral(reader.expect(StringLiteral), reader.source);
  return url ? { kind: 'url', pattern: value } : { kind: 'cidr', range: value };
}

function globList(reader: TokenReader): string[] {
  const globs: string[] = [];
  do globs.push(glob(reader));
  while (reader.accept(Comma));
  return globs;
}

/**
 * A glob as written, without the whitespace between its parts: a run of parts that ends before a comma
 * or the `ON DBMS TO|FROM` that ends the privilege (a keyword is a part like any name).
 */
function glob(reader: TokenReader): string {
  const escaped = reader.accept(EscapedName);
  let text = escaped ? escaped.image : globPart(reader, false).text;
  // Whether the block being read (up to a dot) opened with an escaped name; a first part never opens one.
  let escapedBlock = escaped !== undefined;
  while (startsGlobPart(reader) && !privilegeEndAhead(reader)) {
    const part = globPart(reader, escapedBlock);
    text += part.text;
    escapedBlock = part.escapedBlock;
  }
  return text;
}

function globPart(reader: TokenReader, escapedBlock: boolean): { text: string; escapedBlock: boolean } {
  if (reader.accept(Dot)) {
    const name = reader.accept(EscapedName);
    return { text: name ? `.${name.image}` : '.', escapedBlock: name !== undefined };
  }
  const token = reader.next();
  if (!startsPlainPart(token.tokenType)) giveUp();
  // Neo4j's AST builder refuses escaped and plain text in one block.
  if (escapedBlock) reader.refuse(token, REFUSED.mixedGlobBlock);
  return { text: token.image, escapedBlock };
}

function startsGlobPart(reader: TokenReader): boolean {
  const type = reader.peek()?.tokenType;
  return type !== undefined && (type === Dot || startsPlainPart(type));
}

function startsPlainPart(type: TokenType): boolean {
  return type === Question || type === Star || type.CATEGORIES?.includes(UnescapedName) === true;
}

function privilegeEndAhead(reader: TokenReader): boolean {
  return reader.is(K.ON) && reader.is(K.DBMS, 1) && (reader.is(K.TO, 2) || reader.is(K.FROM, 2));
}
