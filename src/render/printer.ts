/**
 * AST -> canonical Cypher: keywords upper case, single spaces, names quoted only where needed.
 * Passwords print as '******' unless the caller asks for them. One printer per `kind`, in typed maps,
 * so a new kind does not compile until it can be printed.
 */
import { MASKED_PASSWORD } from './mask.js';
import type { ClientCommand, CypherStatement, DatabaseName, FunctionCall, Statement } from '../ast/index.js';
import { isClientCommand } from '../ast/index.js';
import { assertNever } from '../diagnostics/assert-never.js';
import type { Expression, MapProjectionItem } from '../ast/expressions.js';
import { BINARY_PRECEDENCE, Precedence } from '../catalog/precedence.js';
import type { ReturnClause, ShowPipeline, SortItem, YieldClause } from '../ast/show.js';
import type { AlterUserClause, AuthAttribute, PasswordFormat, PrivilegeOutput, SetUserClause, TagClause } from '../ast/users.js';
import type { DatabaseScope, DataSource, PrivilegeSpec } from '../ast/privileges.js';
import { privilegeText } from '../catalog/dbms-privileges.js';
import type { DatabaseNameOrParameter, NameOrParameter, PasswordValue, StringListOrParameter } from '../ast/values.js';

export interface FormatOptions {
  /** Print password literals as written instead of '******' (for `sysdb fmt`, which rewrites the user's own file). */
  readonly revealPasswords?: boolean;
}

const PLAIN_NAME = /^[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]*$/u;
/** Words an expression reads as something else than a variable: a variable so named is printed `quoted`. */
const RESERVED_IN_EXPRESSIONS = new Set([
  'TRUE',
  'FALSE',
  'NULL',
  'CASE',
  'NOT',
  'ALL',
  'ANY',
  'NONE',
  'SINGLE',
  'COUNT',
  'INF',
  'INFINITY',
  'NAN',
]);

export function escapeName(name: string): string {
  return PLAIN_NAME.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function variableName(name: string): string {
  return RESERVED_IN_EXPRESSIONS.has(name.toUpperCase()) ? `\`${name}\`` : escapeName(name);
}

export function quoteString(value: string): string {
  let out = "'";
  for (const ch of value) {
    // Only control characters are escaped by code, and each is one UTF-16 unit.
    const code = ch.charCodeAt(0);
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (code < 0x20 || code === 0x7f) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}'`;
}

function parameter(name: string): string {
  return /^[0-9]+$/.test(name) ? `$${name}` : `$${escapeName(name)}`;
}

function nameOrParameter(value: NameOrParameter): string {
  return value.kind === 'parameter' ? parameter(value.name) : escapeName(value.value);
}

function names(values: readonly NameOrParameter[]): string {
  return values.map(nameOrParameter).join(', ');
}

function database(value: DatabaseNameOrParameter): string {
  return value.kind === 'parameter' ? parameter(value.name) : value.parts.map(escapeName).join('.');
}

function stringList(value: StringListOrParameter): string {
  if (value.kind === 'parameter') return parameter(value.name);
  const only = value.items.length === 1 ? value.items[0] : undefined;
  if (only) return quoteString(only.value);
  return `[${value.items.map((item) => quoteString(item.value)).join(', ')}]`;
}

// ---------------------------------------------------------------- statements

type Printers<U extends { kind: string }> = { [K in U['kind']]: (node: Extract<U, { kind: K }>, options: FormatOptions) => string };

function printWith<U extends { kind: string }>(printers: Printers<U>, node: U, options: FormatOptions): string {
  return (printers[node.kind as U['kind']] as (n: U, o: FormatOptions) => string)(node, options);
}

function password(value: PasswordValue, options: FormatOptions): string {
  if (value.kind === 'parameter') return parameter(value.name);
  return options.revealPasswords ? quoteString(value.value) : MASKED_PASSWORD;
}

function passwordKeyword(format: PasswordFormat): string {
  return format === 'default' ? 'PASSWORD' : `${format.toUpperCase()} PASSWORD`;
}

const changeRequired = (required: boolean) => (required ? 'CHANGE REQUIRED' : 'CHANGE NOT REQUIRED');

const authAttributes: Printers<AuthAttribute> = {
  'auth-id': (a) => `SET ID ${a.id.kind === 'parameter' ? parameter(a.id.name) : quoteString(a.id.value)}`,
  'auth-password': (a, o) => `SET ${passwordKeyword(a.format)} ${password(a.password, o)}`,
  'auth-password-change': (a) => `SET PASSWORD ${changeRequired(a.changeRequired.required)}`,
};

const userClauses: Printers<AlterUserClause> = {
  'set-password': (c, o) => {
    const base = `SET ${passwordKeyword(c.format)} ${password(c.password, o)}`;
    return c.changeRequired ? `${base} ${changeRequired(c.changeRequired.required)}` : base;
  },
  'set-password-change': (c) => `SET PASSWORD ${changeRequired(c.changeRequired.required)}`,
  'set-status': (c) => `SET STATUS ${c.status}`,
  'set-home-database': (c) => `SET HOME DATABASE ${database(c.database)}`,
  'set-auth': (c, o) => `SET AUTH ${quoteString(c.provider.value)} {${c.attributes.map((a) => printWith(authAttributes, a, o)).join(' ')}}`,
  'set-tags': (c) => `SET TAGS ${stringList(c.tags)}`,
  'add-tags': (c) => `ADD TAGS ${stringList(c.tags)}`,
  'remove-tags': (c) => `REMOVE TAGS ${stringList(c.tags)}`,
  'remove-all-tags': () => 'REMOVE ALL TAGS',
  'remove-home-database': () => 'REMOVE HOME DATABASE',
  'remove-auth': (c) => `REMOVE AUTH ${stringList(c.providers)}`,
  'remove-all-auth': () => 'REMOVE ALL AUTH',
};

function clauses(list: readonly (SetUserClause | AlterUserClause | TagClause)[], options: FormatOptions): string {
  return list.map((c) => ` ${printWith(userClauses, c, options)}`).join('');
}

const ifExists = (flag: boolean) => (flag ? ' IF EXISTS' : '');

const commands: Printers<CypherStatement> = {
  'create-user': (s, o) =>
    `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}USER ${nameOrParameter(s.name)}${s.ifNotExists ? ' IF NOT EXISTS' : ''}${clauses(s.clauses, o)}`,
  'alter-user': (s, o) => `ALTER USER ${nameOrParameter(s.name)}${ifExists(s.ifExists)}${clauses(s.clauses, o)}`,
  'alter-users': (s, o) => `ALTER USERS ${names(s.names)}${ifExists(s.ifExists)}${clauses(s.clauses, o)}`,
  'alter-current-user-password': (s, o) =>
    `ALTER CURRENT USER SET PASSWORD FROM ${password(s.oldPassword, o)} TO ${password(s.newPassword, o)}`,
  'rename-user': (s) => `RENAME USER ${nameOrParameter(s.from)}${ifExists(s.ifExists)} TO ${nameOrParameter(s.to)}`,
  'drop-user': (s) => `DROP USER ${nameOrParameter(s.name)}${ifExists(s.ifExists)}`,
  'show-current-user': (s) => `SHOW CURRENT USER${pipeline(s.pipeline)}`,
  'show-users': (s) => `SHOW USERS${s.withAuth ? ' WITH AUTH' : ''}${pipeline(s.pipeline)}`,
  'show-user-privileges': (s) => {
    const users = s.users.length === 0 ? 'SHOW USER' : `SHOW USERS ${names(s.users)}`;
    return `${users} PRIVILEGES${privilegeOutput(s.output)}${pipeline(s.pipeline)}`;
  },
  'create-role': (s) =>
    `CREATE ${s.orReplace ? 'OR REPLACE ' : ''}${s.immutable ? 'IMMUTABLE ' : ''}ROLE ${nameOrParameter(s.name)}${s.ifNotExists ? ' IF NOT EXISTS' : ''}${s.copyOf ? ` AS COPY OF ${nameOrParameter(s.copyOf)}` : ''}`,
  'drop-role': (s) => `DROP ROLE ${nameOrParameter(s.name)}${ifExists(s.ifExists)}`,
  'rename-role': (s) => `RENAME ROLE ${nameOrParameter(s.from)}${ifExists(s.ifExists)} TO ${nameOrParameter(s.to)}`,
  'grant-roles': (s) => `GRANT ${s.roles.length === 1 ? 'ROLE' : 'ROLES'} ${names(s.roles)} TO ${names(s.users)}`,
  'revoke-roles': (s) => `REVOKE ${s.roles.length === 1 ? 'ROLE' : 'ROLES'} ${names(s.roles)} FROM ${names(s.users)}`,
  'show-roles': (s) => `SHOW ${s.populatedOnly ? 'POPULATED ' : ''}ROLES${s.withUsers ? ' WITH USERS' : ''}${pipeline(s.pipeline)}`,
  'grant-privilege': (s) => `GRANT ${dbmsPrivilege(s)} TO ${names(s.roles)}`,
  'deny-privilege': (s) => `DENY ${dbmsPrivilege(s)} TO ${names(s.roles)}`,
  'revoke-privilege': (s) =>
    `REVOKE ${s.revokes === 'both' ? '' : `${s.revokes.toUpperCase()} `}${dbmsPrivilege(s)} FROM ${names(s.roles)}`,
  'show-privileges': (s) => `SHOW PRIVILEGES${privilegeOutput(s.output)}${pipeline(s.pipeline)}`,
  'show-role-privileges': (s) => `SHOW ROLES ${names(s.roles)} PRIVILEGES${privilegeOutput(s.output)}${pipeline(s.pipeline)}`,
};

function privilegeOutput(output: PrivilegeOutput): string {
  return output === 'commands' ? ' AS COMMANDS' : output === 'revoke-commands' ? ' AS REVOKE COMMANDS' : '';
}

function dbmsPrivilege(s: PrivilegeSpec): string {
  const users =
    (s.transactionUsers === null ? '' : ` (${s.transactionUsers === '*' ? '*' : names(s.transactionUsers)})`) +
    (s.globs === null ? '' : ` ${s.globs.join(', ')}`);
  const on =
    s.dataSource !== null
      ? dataSourceText(s.dataSource)
      : s.databases === null
        ? 'DBMS'
        : databaseScopeText(s.databases, s.onGraph ? 'GRAPH' : 'DATABASE');
  const segment = s.segment === null ? '' : ` ${s.segment.element.toUpperCase()}S ${starOrNames(s.segment.names)}`;
  return `${s.immutable ? 'IMMUTABLE ' : ''}${privilegeText(s.action)}${resourceText(s)}${users} ON ${on}${segment}`;
}

/** `ALL DATA`, `CIDR '10.0.0.0/8'`, `CIDR $range` or `URL 'https://*'`: what LOAD is granted on. */
export function dataSourceText(source: DataSource): string {
  if (source.kind === 'all') return 'ALL DATA';
  const [word, value] = source.kind === 'cidr' ? ['CIDR', source.range] : ['URL', source.pattern];
  return `${word} ${value.kind === 'parameter' ? parameter(value.name) : quoteString(value.value)}`;
}

/** `*` or escaped names, comma-separated. */
function starOrNames(values: '*' | readonly string[]): string {
  return values === '*' ? '*' : values.map(escapeName).join(', ');
}

/** ` {a, b}` after READ, MATCH, MERGE and SET PROPERTY; ` a, b` after SET LABEL and REMOVE LABEL. */
function resourceText(s: { readonly properties: '*' | readonly string[] | null; readonly labels: '*' | readonly string[] | null }): string {
  if (s.properties !== null) return ` {${starOrNames(s.properties)}}`;
  return s.labels === null ? '' : ` ${starOrNames(s.labels)}`;
}

function databaseScopeText(scope: DatabaseScope, noun: 'DATABASE' | 'GRAPH'): string {
  switch (scope.kind) {
    case 'all':
      return `${noun} *`;
    case 'home':
      return `HOME ${noun}`;
    case 'default':
      return `DEFAULT ${noun}`;
    case 'named':
      return `${noun}${scope.names.length === 1 ? '' : 'S'} ${names(scope.names)}`;
    default:
      return assertNever(scope, 'database scope');
  }
}

const clientCommands: Printers<ClientCommand> = {
  'client-use': (c) => `:use ${c.database}`,
  'client-param': (c) => `:param ${escapeName(c.name)} => ${formatExpression(c.value)}`,
  'client-params-map': (c) => `:param ${formatExpression(c.map)}`,
  'client-params-list': () => ':params',
  'client-params-clear': () => ':params clear',
  'client-other': (c) => c.text,
};

/** Canonical Cypher for one statement, without a trailing semicolon. */
export function format(statement: Statement, options: FormatOptions = {}): string {
  if (isClientCommand(statement)) return printWith(clientCommands, statement, options);
  const use = statement.use ? `USE ${graphReference(statement.use.graph)} ` : '';
  return use + printWith(commands, statement, options);
}

// ---------------------------------------------------------------- SHOW pipeline

function pipeline(p: ShowPipeline): string {
  if (p.kind === 'none') return '';
  if (p.kind === 'where') return ` WHERE ${formatExpression(p.where)}`;
  return yieldClause(p.yield) + (p.return ? returnClause(p.return) : '');
}

function sortItems(items: readonly SortItem[]): string {
  if (items.length === 0) return '';
  return ` ORDER BY ${items.map((i) => `${formatExpression(i.expression)}${i.descending ? ' DESC' : ''}`).join(', ')}`;
}

function yieldClause(y: YieldClause): string {
  const items =
    y.items === '*'
      ? '*'
      : y.items.map((i) => (i.aliased ? `${escapeName(i.column)} AS ${escapeName(i.alias)}` : escapeName(i.column))).join(', ');
  return (
    ` YIELD ${items}${sortItems(y.orderBy)}` +
    (y.skip ? ` SKIP ${y.skip.value}` : '') +
    (y.limit ? ` LIMIT ${y.limit.value}` : '') +
    (y.where ? ` WHERE ${formatExpression(y.where)}` : '')
  );
}

function returnClause(r: ReturnClause): string {
  const items = [
    ...(r.star ? ['*'] : []),
    ...r.items.map((i) => {
      const text = formatExpression(i.expression);
      // An unaliased column is named after the expression as written: printed otherwise, it keeps its name by an alias.
      return i.aliased || text !== i.name ? `${text} AS ${escapeName(i.name)}` : text;
    }),
  ].join(', ');
  return (
    ` RETURN ${r.distinct ? 'DISTINCT ' : ''}${items}${sortItems(r.orderBy)}` +
    (r.skip ? ` SKIP ${formatExpression(r.skip)}` : '') +
    (r.limit ? ` LIMIT ${formatExpression(r.limit)}` : '')
  );
}

// ---------------------------------------------------------------- expressions

function precedenceOf(e: Expression): Precedence {
  switch (e.kind) {
    case 'binary':
      return BINARY_PRECEDENCE[e.operator];
    case 'unary':
      return e.operator === 'NOT' ? Precedence.Not : Precedence.Unary;
    case 'comparison':
      return Precedence.Comparison;
    case 'is-null':
    case 'is-normalized':
      return Precedence.Predicate;
    case 'property':
    case 'index':
    case 'slice':
      return Precedence.Postfix;
    case 'integer':
    case 'float':
      // `-1` never comes from the parser as a literal, but a literal is an atom.
      return Precedence.Atom;
    case 'string':
    case 'boolean':
    case 'null':
    case 'list':
    case 'map':
    case 'map-projection':
    case 'parameter':
    case 'variable':
    case 'case':
    case 'list-predicate':
    case 'list-comprehension':
    case 'reduce':
    case 'trim':
    case 'function-call':
    case 'count-star':
    case 'subquery':
      return Precedence.Atom;
    default:
      return assertNever(e, 'expression kind');
  }
}

/** Whether `e` is property steps, indexes or slices on a number literal (`1[0]`, `1.5.x`). */
function stepsOnNumber(e: Expression): boolean {
  let object = e;
  while (object.kind === 'property' || object.kind === 'index' || object.kind === 'slice') object = object.object;
  return object !== e && (object.kind === 'integer' || object.kind === 'float');
}

/** Prints `e` where an operand of at least `minimum` binding strength is needed (tighter-binding children print bare). */
function operand(e: Expression, minimum: Precedence): string {
  const text = formatExpression(e);
  return precedenceOf(e) < minimum ? `(${text})` : text;
}

export function formatExpression(e: Expression): string {
  switch (e.kind) {
    case 'string':
      return quoteString(e.value);
    case 'integer':
      return e.value;
    case 'float':
      return e.keyword ?? formatFloat(e.value);
    case 'boolean':
      return e.value ? 'true' : 'false';
    case 'null':
      return 'null';
    case 'list':
      return `[${e.items.map((item, i) => (i === 0 ? firstListItem(item) : formatExpression(item))).join(', ')}]`;
    case 'map':
      return `{${e.entries.map((entry) => `${escapeName(entry.key)}: ${formatExpression(entry.value)}`).join(', ')}}`;
    case 'map-projection':
      return `${variableName(e.base.name)} {${e.items.map(projectionItem).join(', ')}}`;
    case 'parameter':
      return parameter(e.name);
    case 'variable':
      return variableName(e.name);
    case 'property':
      return `${operand(e.object, Precedence.Postfix)}.${escapeName(e.property)}`;
    case 'index':
      return `${operand(e.object, Precedence.Postfix)}[${formatExpression(e.index)}]`;
    case 'slice':
      return `${operand(e.object, Precedence.Postfix)}[${e.from ? formatExpression(e.from) : ''}..${e.to ? formatExpression(e.to) : ''}]`;
    case 'unary':
      if (e.operator === 'NOT') return `NOT ${operand(e.operand, Precedence.Not)}`;
      // `-(1[0])` keeps its parentheses: bare, the sign would be the number's (`-1[0]` is `(-1)[0]`, climb.ts signedNumber).
      // So does a sign before another: Neo4j takes one (`-+1` and `- -x` are its syntax errors).
      return (e.operator === '-' && stepsOnNumber(e.operand)) || (e.operand.kind === 'unary' && e.operand.operator !== 'NOT')
        ? `${e.operator}(${formatExpression(e.operand)})`
        : `${e.operator}${operand(e.operand, Precedence.Unary)}`;
    case 'binary': {
      const p = BINARY_PRECEDENCE[e.operator];
      // Left-associative: the right operand must bind strictly tighter. Predicates do not chain at all
      // (`a IN b IN c` is a syntax error), so both of theirs must.
      const tighter = (p + 1) as Precedence;
      return `${operand(e.left, p === Precedence.Predicate ? tighter : p)} ${e.operator} ${operand(e.right, tighter)}`;
    }
    case 'comparison':
      return [
        operand(e.first, Precedence.Predicate),
        ...e.rest.map((r) => `${r.operator} ${operand(r.operand, Precedence.Predicate)}`),
      ].join(' ');
    case 'is-null':
      return `${operand(e.operand, Precedence.Additive)} IS ${e.negated ? 'NOT ' : ''}NULL`;
    case 'is-normalized':
      return `${operand(e.operand, Precedence.Additive)} IS ${e.negated ? 'NOT ' : ''}${e.form === 'NFC' ? '' : `${e.form} `}NORMALIZED`;
    case 'case': {
      const subject = e.subject ? ` ${formatExpression(e.subject)}` : '';
      const alternatives = e.alternatives.map((a) => ` WHEN ${formatExpression(a.when)} THEN ${formatExpression(a.then)}`).join('');
      const otherwise = e.otherwise ? ` ELSE ${formatExpression(e.otherwise)}` : '';
      return `CASE${subject}${alternatives}${otherwise} END`;
    }
    case 'list-predicate':
      return `${e.predicate}(${escapeName(e.variable)} IN ${formatExpression(e.list)} WHERE ${formatExpression(e.where)})`;
    case 'list-comprehension': {
      const where = e.where ? ` WHERE ${formatExpression(e.where)}` : '';
      const projection = e.projection ? ` | ${formatExpression(e.projection)}` : '';
      return `[${escapeName(e.variable)} IN ${formatExpression(e.list)}${where}${projection}]`;
    }
    case 'reduce':
      return `reduce(${escapeName(e.accumulator)} = ${formatExpression(e.init)}, ${escapeName(e.variable)} IN ${formatExpression(e.list)} | ${formatExpression(e.step)})`;
    case 'trim': {
      const operands = [e.specification, e.characters && formatExpression(e.characters), 'FROM'].filter((part) => part !== null);
      return `trim(${operands.join(' ')} ${formatExpression(e.source)})`;
    }
    case 'function-call':
      return `${e.name.split('.').map(escapeName).join('.')}(${e.distinct ? 'DISTINCT ' : ''}${e.args.map(formatExpression).join(', ')})`;
    case 'count-star':
      return 'count(*)';
    case 'subquery':
      return `${e.subquery} {${e.body}}`;
    default:
      return assertNever(e, 'expression kind');
  }
}

function projectionItem(item: MapProjectionItem): string {
  switch (item.kind) {
    case 'property':
      return `.${escapeName(item.key)}`;
    case 'entry':
      return `${escapeName(item.key)}: ${formatExpression(item.value)}`;
    case 'variable':
      return variableName(item.variable.name);
    case 'all-properties':
      return '.*';
    default:
      return assertNever(item, 'map projection item');
  }
}

/** USE's graph, as written bare (GRAPH and parentheses are the same reference). */
function graphReference(graph: DatabaseName | FunctionCall): string {
  return graph.kind === 'database-name' ? graph.parts.map(escapeName).join('.') : formatExpression(graph);
}

/** `[a IN b]` reads as a list comprehension: a list whose first item starts that way needs parentheses. */
const READS_AS_COMPREHENSION = /^(?:`(?:[^`]|``)*`|[\p{L}_][\p{L}\p{N}\p{Mn}\p{Mc}\p{Pc}]*) IN /u;

function firstListItem(item: Expression): string {
  const text = formatExpression(item);
  return READS_AS_COMPREHENSION.test(text) ? `(${text})` : text;
}

function formatFloat(value: number): string {
  // Only a literal too large to be a FLOAT, which the checks refuse, reaches here unwritten as INFINITY.
  if (Number.isNaN(value)) return 'NAN';
  if (!Number.isFinite(value)) return 'INFINITY';
  const text = String(value);
  if (/[.eE]/.test(text)) return text.replace('e+', 'e');
  return `${text}.0`;
}
