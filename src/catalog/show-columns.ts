/**
 * The output columns of the SHOW commands: each column's name and Neo4j's declared type (its
 * ShowColumn declarations; undeclared ones are String), and which columns each command yields, in
 * Neo4j's `YIELD *` order, and which it shows by default. The checks type expressions by this table
 * and the executor builds rows keyed by it, so a column cannot be misspelled in one of them.
 */
import type { ShowCurrentUser, ShowUserPrivileges, ShowUsers } from '../ast/users.js';
import type { ShowRoles } from '../ast/roles.js';
import type { ShowPrivileges, ShowRolePrivileges } from '../ast/privileges.js';
import { assertNever } from '../diagnostics/assert-never.js';

/** Neo4j's spelling of a type: `String`, `Integer`, `List<String>`, ... */
export type CypherType = 'Any' | 'String' | 'Integer' | 'Float' | 'Boolean' | 'Map' | `List<${string}>`;

const SHOW_COLUMN_TYPES = {
  user: 'String',
  roles: 'List<String>',
  passwordChangeRequired: 'Boolean',
  suspended: 'Boolean',
  home: 'String',
  tags: 'List<String>',
  provider: 'String',
  auth: 'Map',
  role: 'String',
  member: 'String',
  immutable: 'Boolean',
  access: 'String',
  action: 'String',
  resource: 'String',
  graph: 'String',
  segment: 'String',
  command: 'String',
} as const satisfies Record<string, CypherType>;

export type ShowColumn = keyof typeof SHOW_COLUMN_TYPES;

/** The type of a column a query names (the checks have made sure it exists). */
export function columnType(column: string): CypherType {
  return Object.hasOwn(SHOW_COLUMN_TYPES, column) ? SHOW_COLUMN_TYPES[column as ShowColumn] : 'String';
}

export interface ShowColumns {
  /** Every column, in `YIELD *` order. */
  readonly all: readonly ShowColumn[];
  /** Columns without YIELD (and those a bare WHERE can see). */
  readonly defaults: readonly ShowColumn[];
}

export type ShowCommand = ShowUsers | ShowCurrentUser | ShowUserPrivileges | ShowRoles | ShowPrivileges | ShowRolePrivileges;

const USER_COLUMNS: readonly ShowColumn[] = ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'];
/** Neo4j's manual: "They are all returned by default without requiring a YIELD". */
const PRIVILEGE_COLUMNS: readonly ShowColumn[] = ['access', 'action', 'resource', 'graph', 'segment', 'role', 'immutable', 'user'];
const ROLE_PRIVILEGE_COLUMNS: readonly ShowColumn[] = ['access', 'action', 'resource', 'graph', 'segment', 'role', 'immutable'];

export function showColumns(command: ShowCommand): ShowColumns {
  switch (command.kind) {
    case 'show-users':
      return command.withAuth
        ? { all: [...USER_COLUMNS, 'provider', 'auth', 'tags'], defaults: [...USER_COLUMNS, 'provider', 'auth'] }
        : { all: [...USER_COLUMNS, 'tags'], defaults: USER_COLUMNS };
    case 'show-current-user':
      return { all: [...USER_COLUMNS, 'tags'], defaults: USER_COLUMNS };
    case 'show-roles':
      return command.withUsers
        ? { all: ['role', 'member', 'immutable'], defaults: ['role', 'member'] }
        : { all: ['role', 'immutable'], defaults: ['role'] };
    case 'show-user-privileges':
      return command.output === 'table'
        ? { all: PRIVILEGE_COLUMNS, defaults: PRIVILEGE_COLUMNS }
        : { all: ['command', 'immutable'], defaults: ['command'] };
    case 'show-privileges':
    case 'show-role-privileges':
      return command.output === 'table'
        ? { all: ROLE_PRIVILEGE_COLUMNS, defaults: ROLE_PRIVILEGE_COLUMNS }
        : { all: ['command', 'immutable'], defaults: ['command'] };
    default:
      return assertNever(command, 'SHOW command');
  }
}
