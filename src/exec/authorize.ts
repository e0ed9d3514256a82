/**
 * DBMS privileges, enforced as Neo4j enforces them: before a command runs, each privilege it needs
 * must be granted to one of the executing user's roles (PUBLIC included) or to a privilege that
 * includes it, and denied to none of them; a DENY wins over any GRANT, and a suspended user holds no
 * privileges. The `admin` role passes only because it holds ALL DBMS PRIVILEGES.
 */
import type { CypherStatement } from '../ast/index.js';
import type { DbmsAction } from '../ast/privileges.js';
import type { AlterUserClause } from '../ast/users.js';
import { actionDisplayName, coveringActions } from '../catalog/dbms-privileges.js';
import { StatusCode } from '../diagnostics/codes.js';
import { PUBLIC_ROLE, type StoredRole, type SystemState } from '../store/state.js';
import type { CommandContext } from './commands/context.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { nameValue } from './params.js';

export type Permission = 'granted' | 'denied' | 'not-granted';

/**
 * Permissions by the roles (with their privileges), then by the user's roles: both are immutable arrays
 * that every change replaces, so a result holds as long as the two arrays live. Most statements change
 * neither, and each needs one to three permissions (5% of a CREATE USER's cost, computed each time).
 */
const known = new WeakMap<readonly StoredRole[], WeakMap<readonly string[], Map<DbmsAction, Permission>>>();

/** `user` null means authentication is disabled: everything is allowed, as in Neo4j. */
export function permission(state: SystemState, user: string | null, action: DbmsAction): Permission {
  if (user === null) return 'granted';
  const stored = state.users.get(user);
  if (!stored || stored.suspended) return 'not-granted';
  let byUserRoles = known.get(state.roles);
  if (byUserRoles === undefined) {
    byUserRoles = new WeakMap();
    known.set(state.roles, byUserRoles);
  }
  let byAction = byUserRoles.get(stored.roles);
  if (byAction === undefined) {
    byAction = new Map();
    byUserRoles.set(stored.roles, byAction);
  }
  const cached = byAction.get(action);
  if (cached !== undefined) return cached;
  const computed = permissionOf(state.roles, stored.roles, action);
  byAction.set(action, computed);
  return computed;
}

function permissionOf(allRoles: readonly StoredRole[], roles: readonly string[], action: DbmsAction): Permission {
  // No Sets for short lists: a user's few roles and an action's covering chain (a few entries) are
  // scanned; many roles still get a Set.
  const manyRoles = roles.length > 8 ? new Set(roles) : null;
  const holds = (name: string) => name === PUBLIC_ROLE || (manyRoles ? manyRoles.has(name) : roles.includes(name));
  const covering: readonly string[] = coveringActions(action);
  let granted = false;
  for (const role of allRoles) {
    if (!holds(role.name)) continue;
    for (const p of role.privileges) {
      if (p.resource !== 'database' || p.graph !== '*' || !covering.includes(p.action)) continue;
      if (p.access === 'DENIED') return 'denied';
      granted = true;
    }
  }
  return granted ? 'granted' : 'not-granted';
}

/**
 * The privilege each user clause needs. ALTER USER needs it for every clause; CREATE USER needs it only
 * where CREATE USER does not cover the setting (null), and REMOVE clauses never appear there.
 */
const CLAUSE_PRIVILEGES: Record<AlterUserClause['kind'], { readonly alter: DbmsAction; readonly create: DbmsAction | null }> = {
  'set-password': { alter: 'set_passwords', create: null },
  'set-password-change': { alter: 'set_passwords', create: null },
  'set-status': { alter: 'set_user_status', create: null },
  'set-home-database': { alter: 'set_user_home_database', create: null },
  'remove-home-database': { alter: 'set_user_home_database', create: null },
  'set-auth': { alter: 'set_auth', create: null },
  'remove-auth': { alter: 'set_auth', create: null },
  'remove-all-auth': { alter: 'set_auth', create: null },
  'set-tags': { alter: 'set_user_metadata', create: 'set_user_metadata' },
  'add-tags': { alter: 'set_user_metadata', create: null },
  'remove-tags': { alter: 'set_user_metadata', create: null },
  'remove-all-tags': { alter: 'set_user_metadata', create: null },
};

/** The distinct privileges the clauses need, in the order they are first needed. */
function clausePrivileges(clauses: readonly AlterUserClause[], command: 'create' | 'alter'): DbmsAction[] {
  const needed = clauses.map((clause) => CLAUSE_PRIVILEGES[clause.kind][command]).filter((action) => action !== null);
  return [...new Set(needed)];
}

type Requirements = {
  readonly [K in CypherStatement['kind']]: (statement: Extract<CypherStatement, { kind: K }>, context: CommandContext) => DbmsAction[];
};

/** The privileges each command needs (Neo4j's AdministrationCommandPlanBuilder). */
const REQUIRED: Requirements = {
  'create-user': (s) => ['create_user', ...(s.orReplace ? (['drop_user'] as const) : []), ...clausePrivileges(s.clauses, 'create')],
  'alter-user': (s) => clausePrivileges(s.clauses, 'alter'),
  'alter-users': () => ['set_user_metadata'],
  'alter-current-user-password': () => [],
  'rename-user': () => ['rename_user'],
  'drop-user': () => ['drop_user'],
  'show-current-user': () => [],
  'show-users': () => ['show_user'],
  // Your own privileges need no privilege; anyone else's need SHOW PRIVILEGE and SHOW USER.
  'show-user-privileges': (s, context) =>
    s.users.length === 0 || s.users.every((u) => nameValue(u, context.params) === context.user) ? [] : ['show_privilege', 'show_user'],
  'create-role': (s) => ['create_role', ...(s.orReplace ? (['drop_role'] as const) : [])],
  'drop-role': () => ['drop_role'],
  'rename-role': () => ['rename_role'],
  'grant-roles': () => ['assign_role'],
  'revoke-roles': () => ['remove_role'],
  'show-roles': (s) => ['show_role', ...(s.withUsers ? (['show_user'] as const) : [])],
  'grant-privilege': () => ['assign_privilege'],
  'deny-privilege': () => ['assign_privilege'],
  'revoke-privilege': () => ['remove_privilege'],
  'show-privileges': () => ['show_privilege'],
  'show-role-privileges': () => ['show_privilege'],
};

const SHOW_USER_PRIVILEGES_HINT =
  'Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. ' +
  'In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted.';

function requiredPrivileges(statement: CypherStatement, context: CommandContext): DbmsAction[] {
  return (REQUIRED[statement.kind] as (s: CypherStatement, c: CommandContext) => DbmsAction[])(statement, context);
}

/** Throws Neo4j's `Permission denied` / `Permission has not been granted` error when the user may not run the statement. */
export function authorize(state: SystemState, statement: CypherStatement, context: CommandContext): void {
  const checks = requiredPrivileges(statement, context).map((action) => ({ action, state: permission(state, context.user, action) }));
  const names = (which: Permission) =>
    [...new Set(checks.filter((c) => c.state === which).map((c) => actionDisplayName(c.action)))].sort().join(' and/or ');
  if (checks.some((c) => c.state === 'denied'))
    throw new Neo4jError(StatusCode.Forbidden, `Permission denied for ${names('denied')}. ${SHOW_USER_PRIVILEGES_HINT}`);
  if (checks.some((c) => c.state === 'not-granted')) {
    throw new Neo4jError(StatusCode.Forbidden, `Permission has not been granted for ${names('not-granted')}. ${SHOW_USER_PRIVILEGES_HINT}`);
  }
}
