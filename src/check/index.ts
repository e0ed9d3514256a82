/**
 * The semantic pass, separate from the grammar: what Neo4j reports about a statement that parses.
 * One entry per statement kind; a new kind does not compile until it is handled here.
 */
import {
  isClientCommand,
  type CypherStatement,
  type DenyPrivilege,
  type GrantPrivilege,
  type RevokePrivilege,
  type Statement,
} from '../ast/index.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { commandSpan, syntaxError, type CheckContext, type CommandContext } from './context.js';
import { checkShow } from './show.js';
import { checkAlterUser, checkAlterUsers, checkCreateUser } from './users.js';
import { displayName, newRoleName, newUsername, passwordValue } from './values.js';
import { StatusCode } from '../diagnostics/codes.js';
import { assertNever } from '../diagnostics/assert-never.js';

export type { CheckContext } from './context.js';

export function checkStatement(statement: Statement, context: CheckContext): Diagnostic[] {
  if (isClientCommand(statement)) return [];
  return [...checkUse(statement), ...checkCommand(statement, { ...context, command: commandSpan(statement) })];
}

function checkCommand(statement: CypherStatement, context: CommandContext): Diagnostic[] {
  switch (statement.kind) {
    case 'create-user':
      return checkCreateUser(statement, context);
    case 'alter-user':
      return checkAlterUser(statement, context);
    case 'alter-users':
      return checkAlterUsers(statement, context);
    case 'alter-current-user-password':
      return passwordValue(statement.newPassword, 'default', context);
    case 'rename-user':
      return newUsername(statement.to);
    case 'drop-user':
      return [];
    case 'show-current-user':
    case 'show-users':
    case 'show-user-privileges':
    case 'show-roles':
    case 'show-privileges':
    case 'show-role-privileges':
      return checkShow(statement, context);
    case 'create-role':
      if (statement.orReplace && statement.ifNotExists) {
        return [
          syntaxError(
            context,
            context.command,
            `Failed to create the specified role '${displayName(statement.name)}': cannot have both \`OR REPLACE\` and \`IF NOT EXISTS\`.`,
          ),
        ];
      }
      return newRoleName(statement.name);
    case 'rename-role':
      return newRoleName(statement.to);
    case 'drop-role':
    case 'grant-roles':
    case 'revoke-roles':
      return [];
    // The grammar gives each privilege its own target and segment, as Neo4j's does; DEFAULT scopes and DENY MERGE are left.
    case 'grant-privilege':
      return defaultScope(statement, context) ?? urlPattern(statement, context);
    case 'deny-privilege':
    case 'revoke-privilege':
      // Neo4j refuses a DEFAULT scope as it builds the statement, before it looks at DENY MERGE.
      return defaultScope(statement, context) ?? [...deniedMerge(statement, context), ...urlPattern(statement, context)];
    default:
      return assertNever(statement, 'statement kind');
  }
}

/**
 * Neo4j 5 replaced `ON DEFAULT DATABASE|GRAPH` with HOME; its Cypher 5 grammar still parses DEFAULT
 * (so the expected lists name it) and then refuses it at DEFAULT, as old syntax (Cypher 25 has no DEFAULT at all).
 */
function defaultScope(statement: GrantPrivilege | DenyPrivilege | RevokePrivilege, context: CheckContext): Diagnostic[] | undefined {
  const scope = statement.databases;
  if (scope?.kind !== 'default') return undefined;
  const [noun, replacement] = statement.onGraph ? ['GRAPH', 'HOME GRAPH'] : ['DATABASE', 'HOME DATABASE'];
  return [syntaxError(context, scope.span, `\`ON DEFAULT ${noun}\` is not supported. Use \`ON ${replacement}\` instead.`)];
}

/** Neo4j 2026.06 parses `LOAD ON URL 'pattern'` and refuses it in its semantic analysis, at the command. */
function urlPattern(statement: GrantPrivilege | DenyPrivilege | RevokePrivilege, context: CommandContext): Diagnostic[] {
  if (statement.dataSource?.kind !== 'url') return [];
  return [syntaxError(context, context.command, 'LOAD privileges with a URL pattern are not currently supported')];
}

/** Neo4j's semantic analysis refuses DENY MERGE, and REVOKE DENY MERGE with it. */
function deniedMerge(statement: DenyPrivilege | RevokePrivilege, context: CommandContext): Diagnostic[] {
  const denies = statement.kind === 'deny-privilege' || statement.revokes === 'deny';
  if (!denies || statement.action !== 'merge') return [];
  return [syntaxError(context, context.command, '`DENY MERGE` is not supported. Use `DENY SET PROPERTY` and `DENY CREATE` instead.')];
}

/** The name Neo4j gives a command in its messages. */
const COMMAND_NAMES: Record<CypherStatement['kind'], string> = {
  'create-user': 'CREATE USER',
  'alter-user': 'ALTER USER',
  'alter-users': 'ALTER USERS',
  'alter-current-user-password': 'ALTER CURRENT USER SET PASSWORD',
  'rename-user': 'RENAME USER',
  'drop-user': 'DROP USER',
  'show-current-user': 'SHOW CURRENT USER',
  'show-users': 'SHOW USERS',
  'show-user-privileges': 'SHOW USER PRIVILEGES',
  'create-role': 'CREATE ROLE',
  'drop-role': 'DROP ROLE',
  'rename-role': 'RENAME ROLE',
  'grant-roles': 'GRANT ROLE',
  'revoke-roles': 'REVOKE ROLE',
  'show-roles': 'SHOW ROLES',
  'grant-privilege': 'GRANT',
  'deny-privilege': 'DENY',
  'revoke-privilege': 'REVOKE',
  'show-privileges': 'SHOW PRIVILEGES',
  'show-role-privileges': 'SHOW ROLE PRIVILEGES',
};

/** `USE system` is accepted; any other database cannot run administration commands. */
function checkUse(statement: CypherStatement): Diagnostic[] {
  const use = statement.use;
  if (use?.graph.kind === 'function-call') {
    // Neo4j resolves it as the query runs (a composite database's constituent); cypher-sysdb has one graph, system.
    const message = `A graph function in USE (${use.graph.name}) is not supported by cypher-sysdb: write the database's name.`;
    return [{ severity: 'error', code: StatusCode.NotSupported, message, span: use.graph.span }];
  }
  if (!use || (use.graph.parts.length === 1 && use.graph.parts[0]?.toLowerCase() === 'system')) return [];
  return [
    {
      severity: 'error',
      code: StatusCode.NotSystemDatabaseError,
      message: `This is an administration command and it should be executed against the system database: ${COMMAND_NAMES[statement.kind]}`,
      span: use.span,
    },
  ];
}
