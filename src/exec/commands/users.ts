/** CREATE, ALTER, RENAME and DROP USER, and ALTER CURRENT USER: validate first, then write a new state. */
import { assertNever } from '../../diagnostics/assert-never.js';
import type {
  AlterCurrentUserPassword,
  AlterUser,
  AlterUsers,
  CreateUser,
  DropUser,
  RenameUser,
  SetUserClause,
  TagClause,
} from '../../ast/users.js';
import { usernameProblem } from '../../catalog/names.js';
import { hashPassword, verifyPassword } from '../../crypto/password.js';
import { authIdKey, isNative, type AuthEntry, type StoredUser, type SystemState } from '../../store/state.js';
import { StatusCode } from '../../diagnostics/codes.js';
import { argumentError, forbidden, Neo4jError } from '../../diagnostics/neo4j-error.js';
import { authProviderNotDefined, EXTERNAL_AUTH_NOT_ENABLED, homeDatabaseNotFound, type Notification } from '../notifications.js';
import { databaseName, nameValue, plaintextPassword, passwordText, providerList, tagList, type Params } from '../params.js';
import { nativeOf, nextNativeAuth, readAuthClauses, withAuth } from './auth.js';
import { written, type CommandContext, type CommandOutcome } from './context.js';

export function validateNewUsername(name: string): void {
  const problem = usernameProblem(name);
  if (problem !== null) throw argumentError(problem);
}

export function findUser(state: SystemState, name: string): StoredUser | undefined {
  return state.users.get(name);
}

/**
 * Writes users and keeps the provider/id index in step with their external auths. A shallow copy of
 * the state, not immer: only three fields change, each already immutable, and immer's draft and
 * finalising pass were about 15% of a statement's cost. Like immer, it returns `state` itself when
 * nothing changed and freezes what it makes.
 */
function writeUsers(
  state: SystemState,
  changes: { readonly remove?: readonly StoredUser[]; readonly put?: readonly StoredUser[] },
): SystemState {
  let { users, authIds, nextSequence } = state;
  for (const user of changes.remove ?? []) {
    users = users.delete(user.name);
    for (const auth of user.auth) if (!isNative(auth)) authIds = authIds.delete(authIdKey(auth.provider, auth.id));
  }
  for (const user of changes.put ?? []) {
    users = users.set(user.name, user);
    for (const auth of user.auth) if (!isNative(auth)) authIds = authIds.set(authIdKey(auth.provider, auth.id), user.name);
  }
  // A loop, not Math.max(...users): ALTER USERS may write very many at once.
  const created = (changes.put ?? []).reduce((next, u) => Math.max(next, u.created + 1), 0);
  if (created > nextSequence) nextSequence = created;
  if (users === state.users && authIds === state.authIds && nextSequence === state.nextSequence) return state;
  return Object.freeze({ ...state, users, authIds, nextSequence });
}

/** Refuses an external id another user already has (the same user may keep its own). */
function checkAuthIdsFree(
  state: SystemState,
  userName: string,
  auth: readonly AuthEntry[],
  failure: (reason: string) => Error,
  ignore?: string,
): void {
  for (const entry of auth) {
    if (isNative(entry)) continue;
    const owner = state.authIds.get(authIdKey(entry.provider, entry.id));
    if (owner !== undefined && owner !== userName && owner !== ignore)
      throw failure('The combination of provider and id is already in use.');
  }
}

/**
 * The SET clauses CREATE and ALTER USER share, applied to a user. The auth clauses are read apart
 * (readAuthClauses), because the native ones combine into one auth.
 */
function applySetClause(user: StoredUser, clause: SetUserClause, params: Params): StoredUser {
  switch (clause.kind) {
    case 'set-status':
      return { ...user, suspended: clause.status === 'SUSPENDED' };
    case 'set-home-database':
      return { ...user, home: databaseName(clause.database, params) };
    case 'set-tags':
      return { ...user, tags: tagList(clause.tags, params) };
    case 'set-password':
    case 'set-password-change':
    case 'set-auth':
      return user;
    default:
      return assertNever(clause, 'SET clause of a user');
  }
}

function applyTagClause(tags: readonly string[], clause: TagClause, params: Params): string[] {
  switch (clause.kind) {
    case 'set-tags':
      return tagList(clause.tags, params);
    case 'add-tags':
      return [...new Set([...tags, ...tagList(clause.tags, params)])];
    case 'remove-tags': {
      const removed = new Set(tagList(clause.tags, params));
      return tags.filter((t) => !removed.has(t));
    }
    case 'remove-all-tags':
      return [];
    default:
      return assertNever(clause, 'tag clause');
  }
}

/** What Neo4j notifies about a user's new settings: a home database that does not exist, external auth it is not set up for. */
function settingNotifications(
  state: SystemState,
  clauses: readonly (CreateUser | AlterUser)['clauses'][number][],
  external: ReadonlyMap<string, string>,
  context: CommandContext,
): Notification[] {
  const notifications: Notification[] = [];
  for (const clause of clauses) {
    if (clause.kind !== 'set-home-database') continue;
    const home = databaseName(clause.database, context.params);
    if (!state.config.databases.includes(home)) notifications.push(homeDatabaseNotFound(home));
  }
  for (const provider of external.keys()) {
    if (!state.config.authProviders.includes(provider)) notifications.push(authProviderNotDefined(provider));
  }
  if (external.size > 0 && !state.config.requireLocalUser) notifications.push(EXTERNAL_AUTH_NOT_ENABLED);
  return notifications;
}

export function createUser(state: SystemState, command: CreateUser, context: CommandContext): CommandOutcome {
  const name = nameValue(command.name, context.params);
  validateNewUsername(name);
  const existing = findUser(state, name);
  if (existing && command.ifNotExists) return written(state);
  if (existing && !command.orReplace) throw argumentError(`Failed to create the specified user '${name}': User already exists.`);
  if (existing && name === context.user)
    throw argumentError(`Failed to replace the specified user '${name}': Deleting yourself is not allowed.`);
  const failure = (reason: string) => argumentError(`Failed to create the specified user '${name}': ${reason}`);

  const changes = readAuthClauses(command.clauses, context.params, state.config.minimumPasswordLength);
  let auth: AuthEntry[] = [];
  if (changes.native) auth = withAuth(auth, nextNativeAuth(null, changes.native, context.randomBytes, failure));
  for (const [provider, id] of changes.external) auth = withAuth(auth, { provider, id });
  if (auth.length === 0) throw argumentError('No auth given for user.');
  checkAuthIdsFree(state, name, auth, failure, existing?.name);

  let user: StoredUser = { name, auth, suspended: false, home: null, tags: [], roles: [], created: state.nextSequence };
  for (const clause of command.clauses) user = applySetClause(user, clause, context.params);
  // OR REPLACE is DROP then CREATE: the old user's roles and auth go with it.
  return written(
    writeUsers(state, { remove: existing ? [existing] : [], put: [user] }),
    settingNotifications(state, command.clauses, changes.external, context),
  );
}

export function alterUser(state: SystemState, command: AlterUser, context: CommandContext): CommandOutcome {
  const name = nameValue(command.name, context.params);
  const failure = (reason: string) => argumentError(`Failed to alter the specified user '${name}': ${reason}`);
  if (name === context.user && command.clauses.some((c) => c.kind === 'set-status')) {
    throw failure('Changing your own activation status is not allowed.');
  }
  const existing = findUser(state, name);
  if (!existing) {
    if (command.ifExists) return written(state);
    throw failure('User does not exist.');
  }

  let user = existing;
  let removedNative = false;
  for (const clause of command.clauses) {
    switch (clause.kind) {
      case 'remove-home-database':
        user = { ...user, home: null };
        break;
      case 'remove-auth': {
        const removed = new Set(providerList(clause.providers, context.params));
        if (removed.has('native')) removedNative = true;
        user = { ...user, auth: user.auth.filter((a) => !removed.has(a.provider)) };
        break;
      }
      case 'remove-all-auth':
        removedNative = true;
        user = { ...user, auth: [] };
        break;
      case 'remove-tags':
      case 'remove-all-tags':
      case 'add-tags':
        user = { ...user, tags: applyTagClause(user.tags, clause, context.params) };
        break;
      case 'set-tags':
      case 'set-status':
      case 'set-home-database':
      case 'set-password':
      case 'set-password-change':
      case 'set-auth':
        user = applySetClause(user, clause, context.params);
        break;
      default:
        assertNever(clause, 'ALTER USER clause');
    }
  }
  const setClauses = command.clauses.filter((c) => c.kind === 'set-password' || c.kind === 'set-password-change' || c.kind === 'set-auth');
  const changes = readAuthClauses(setClauses, context.params, state.config.minimumPasswordLength);
  if (changes.native) {
    const previous = removedNative ? null : nativeOf(user.auth);
    user = { ...user, auth: withAuth(user.auth, nextNativeAuth(previous, changes.native, context.randomBytes, failure)) };
  }
  for (const [provider, id] of changes.external) user = { ...user, auth: withAuth(user.auth, { provider, id }) };
  if (user.auth.length === 0) {
    throw argumentError('User has no auth provider. Add at least one auth provider for the user or consider suspending them.');
  }
  checkAuthIdsFree(state, name, user.auth, failure);
  return written(
    writeUsers(state, { remove: [existing], put: [user] }),
    settingNotifications(state, command.clauses, changes.external, context),
  );
}

export function alterUsers(state: SystemState, command: AlterUsers, context: CommandContext): CommandOutcome {
  const names = [...new Set(command.names.map((n) => nameValue(n, context.params)))];
  const found: StoredUser[] = [];
  for (const name of names) {
    const user = findUser(state, name);
    if (user) found.push(user);
    else if (!command.ifExists) throw argumentError(`Failed to alter the specified user '${name}': User does not exist.`);
  }
  const updated = found.map((user) => ({
    ...user,
    tags: command.clauses.reduce((tags, clause) => applyTagClause(tags, clause, context.params), user.tags),
  }));
  if (updated.length === 0) return written(state);
  return written(writeUsers(state, { put: updated }));
}

export function alterCurrentUserPassword(state: SystemState, command: AlterCurrentUserPassword, context: CommandContext): CommandOutcome {
  // Neo4j's SetOwnPasswordExecutionPlanner: an IllegalStateException (ExecutionFailed) without a current
  // user, an AuthorizationViolationException for a user who did not log in natively.
  if (context.user === null) {
    throw new Neo4jError(StatusCode.ExecutionFailed, 'User failed to alter their own password: Command not available with auth disabled.');
  }
  const name = context.user;
  const failure = (reason: string) => argumentError(`User '${name}' failed to alter their own password: ${reason}`);
  const newPassword = plaintextPassword(command.newPassword, context.params, state.config.minimumPasswordLength);
  const oldPassword = passwordText(command.oldPassword, context.params);
  const user = findUser(state, name);
  if (!user) throw new Neo4jError(StatusCode.ExecutionFailed, `User '${name}' failed to alter their own password: User does not exist.`);
  const native = nativeOf(user.auth);
  if (!native) throw forbidden('`ALTER CURRENT USER` is not permitted.');
  if (!verifyPassword(oldPassword, native.credential)) throw failure('Invalid principal or credentials.');
  if (verifyPassword(newPassword, native.credential)) throw failure('Old password and new password cannot be the same.');
  const auth = withAuth(user.auth, {
    provider: 'native',
    credential: hashPassword(newPassword, context.randomBytes),
    changeRequired: false,
  });
  return written(writeUsers(state, { put: [{ ...user, auth }] }));
}

export function renameUser(state: SystemState, command: RenameUser, context: CommandContext): CommandOutcome {
  const from = nameValue(command.from, context.params);
  const to = nameValue(command.to, context.params);
  const failure = (reason: string) => argumentError(`Failed to rename the specified user '${from}' to '${to}': ${reason}`);
  const existing = findUser(state, from);
  if (!existing) {
    if (command.ifExists) return written(state);
    throw failure(`The user '${from}' does not exist.`);
  }
  if (findUser(state, to)) throw failure(`User '${to}' already exists.`);
  validateNewUsername(to);
  return written(writeUsers(state, { remove: [existing], put: [{ ...existing, name: to }] }));
}

export function dropUser(state: SystemState, command: DropUser, context: CommandContext): CommandOutcome {
  const name = nameValue(command.name, context.params);
  if (name === context.user) throw argumentError(`Failed to delete the specified user '${name}': Deleting yourself is not allowed.`);
  const existing = findUser(state, name);
  if (!existing) {
    if (command.ifExists) return written(state);
    throw argumentError(`Failed to delete the specified user '${name}': User does not exist.`);
  }
  return written(writeUsers(state, { remove: [existing] }));
}
