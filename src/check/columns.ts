/** The output columns of each SHOW command, in Neo4j's `YIELD *` order, and which are shown by default. */
import type { ShowCurrentUser, ShowUserPrivileges, ShowUsers } from '../ast/users.js';
import type { ShowRoles } from '../ast/roles.js';
import type { ShowPrivileges, ShowRolePrivileges } from '../ast/privileges.js';
import { assertNever } from '../assert-never.js';

export interface ShowColumns {
  /** Every column, in `YIELD *` order. */
  readonly all: readonly string[];
  /** Columns without YIELD (and those a bare WHERE can see). */
  readonly defaults: readonly string[];
}

export type ShowCommand = ShowUsers | ShowCurrentUser | ShowUserPrivileges | ShowRoles | ShowPrivileges | ShowRolePrivileges;

const USER_COLUMNS = ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'];
/** Neo4j's manual: "They are all returned by default without requiring a YIELD". */
const PRIVILEGE_COLUMNS = ['access', 'action', 'resource', 'graph', 'segment', 'role', 'immutable', 'user'];
const ROLE_PRIVILEGE_COLUMNS = ['access', 'action', 'resource', 'graph', 'segment', 'role', 'immutable'];

export function showColumns(command: ShowCommand): ShowColumns {
  switch (command.kind) {
    case 'show-users':
      return command.withAuth
        ? { all: [...USER_COLUMNS, 'provider', 'auth', 'tags'], defaults: [...USER_COLUMNS, 'provider', 'auth'] }
        : { all: [...USER_COLUMNS, 'tags'], defaults: USER_COLUMNS };
    case 'show-current-user':
      return { all: [...USER_COLUMNS, 'tags'], defaults: USER_COLUMNS };
    case 'show-roles':
      return command.withUsers ? { all: ['role', 'member', 'immutable'], defaults: ['role', 'member'] } : { all: ['role', 'immutable'], defaults: ['role'] };
    case 'show-user-privileges':
      return command.output === 'table'
        ? { all: PRIVILEGE_COLUMNS, defaults: PRIVILEGE_COLUMNS }
        : { all: ['command', 'immutable'], defaults: ['command'] };
    case 'show-privileges':
    case 'show-role-privileges':
      return command.output === 'table' ? { all: ROLE_PRIVILEGE_COLUMNS, defaults: ROLE_PRIVILEGE_COLUMNS } : { all: ['command', 'immutable'], defaults: ['command'] };
    default:
      return assertNever(command, 'SHOW command');
  }
}
