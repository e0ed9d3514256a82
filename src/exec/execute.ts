/**
 * One executor per command behind an exhaustive switch: a new command kind does not compile until it
 * runs here. Each takes the state and returns a new one; a failure throws before anything is produced.
 */
import type { CypherStatement } from '../ast/index.js';
import type { ShowCommand } from '../catalog/show-columns.js';
import { StatusCode } from '../diagnostics/codes.js';
import type { SystemState } from '../store/state.js';
import type { CommandContext, CommandOutcome } from './commands/context.js';
import { createRole, dropRole, grantRoles, renameRole, revokeRoles } from './commands/roles.js';
import {
  showCurrentUserSource,
  showRolesSource,
  showUserPrivilegesSource,
  showUsersSource,
  type ShowSource,
} from './commands/show-sources.js';
import { alterCurrentUserPassword, alterUser, alterUsers, createUser, dropUser, findUser, renameUser } from './commands/users.js';
import { forbidden, Neo4jError } from '../diagnostics/neo4j-error.js';
import { QUERY_TYPES } from '../catalog/query-types.js';
import { runPipeline } from './pipeline.js';
import { authorize, permission } from './authorize.js';
import { refuseImmutableKeyword } from './immutability.js';
import { grantOrDenyPrivilege, revokePrivilege, showPrivilegesSource } from './commands/privileges.js';
import { isNative } from '../store/state.js';
import { assertNever } from '../diagnostics/assert-never.js';

export function executeStatement(state: SystemState, statement: CypherStatement, context: CommandContext): CommandOutcome {
  checkPasswordChangeGate(state, statement, context);
  refuseImmutableKeyword(statement, context);
  authorize(state, statement, context);
  refuseUpdateWhenImpersonating(statement, context);
  // Only SHOW USERS and SHOW CURRENT USER ask: the other statements do not pay for the lookup.
  const canSeeTags = () => permission(state, context.user, 'show_user_metadata') === 'granted';
  switch (statement.kind) {
    case 'create-user':
      return createUser(state, statement, context);
    case 'alter-user':
      return alterUser(state, statement, context);
    case 'alter-users':
      return alterUsers(state, statement, context);
    case 'alter-current-user-password':
      return alterCurrentUserPassword(state, statement, context);
    case 'rename-user':
      return renameUser(state, statement, context);
    case 'drop-user':
      return dropUser(state, statement, context);
    case 'create-role':
      return createRole(state, statement, context);
    case 'drop-role':
      return dropRole(state, statement, context);
    case 'rename-role':
      return renameRole(state, statement, context);
    case 'grant-roles':
      return grantRoles(state, statement, context);
    case 'revoke-roles':
      return revokeRoles(state, statement, context);
    case 'show-users':
      return show(state, statement, showUsersSource(state, statement, canSeeTags()), context);
    case 'show-current-user':
      return show(state, statement, showCurrentUserSource(state, statement, context, canSeeTags()), context);
    case 'show-roles':
      return show(state, statement, showRolesSource(state, statement), context);
    case 'show-user-privileges':
      return show(state, statement, showUserPrivilegesSource(state, statement, context), context);
    case 'grant-privilege':
    case 'deny-privilege':
      return grantOrDenyPrivilege(state, statement, context);
    case 'revoke-privilege':
      return revokePrivilege(state, statement, context);
    case 'show-privileges':
    case 'show-role-privileges':
      return show(state, statement, showPrivilegesSource(state, statement, context), context);
    default:
      return assertNever(statement, 'statement kind');
  }
}

function show(state: SystemState, command: ShowCommand, source: ShowSource, context: CommandContext): CommandOutcome {
  return { state, result: runPipeline(source, command.pipeline, { params: context.params, budget: context.budget }), notifications: [] };
}

/**
 * Neo4j's SystemGraphWriteExecutionPlan: after the privilege checks of the plans before it, an updating
 * command run as an impersonated user fails (AuthorizationViolationException.updatesWhenImpersonating).
 */
const UPDATES_WHEN_IMPERSONATING = 'Not allowed to run updating system commands when impersonating a user.';

function refuseUpdateWhenImpersonating(statement: CypherStatement, context: CommandContext): void {
  if (context.impersonating === true && QUERY_TYPES[statement.kind] !== 'r') throw forbidden(UPDATES_WHEN_IMPERSONATING);
}

/** Neo4j's SecurityContext.assertCredentialsNotExpired: generateCredentialsExpiredMessage("Permission denied."). */
export const CREDENTIALS_EXPIRED =
  'Permission denied.\n\n' +
  'The credentials you provided were valid, but must be changed before you can use this instance. ' +
  'If this is the first time you are using Neo4j, this is to ensure you are not using the default credentials in production. ' +
  'If you are not using default credentials, you are getting this message because an administrator requires a password change.\n' +
  "To change your password, issue an `ALTER CURRENT USER SET PASSWORD FROM 'current password' TO 'new password'` " +
  'statement against the system database.';

/** The real server's gate: while your password must change, that is all you may do. Off unless configured. */
function checkPasswordChangeGate(state: SystemState, statement: CypherStatement, context: CommandContext): void {
  if (
    !(context.enforcePasswordChange ?? state.config.enforcePasswordChange) ||
    context.user === null ||
    statement.kind === 'alter-current-user-password'
  )
    return;
  const native = findUser(state, context.user)?.auth.find(isNative);
  if (native?.changeRequired) throw new Neo4jError(StatusCode.CredentialsExpired, CREDENTIALS_EXPIRED);
}
