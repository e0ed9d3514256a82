/**
 * Whose security context a statement runs in, and in which access mode: the one definition of the
 * impersonation rules that Bolt (`imp_user`, `mode`) and the Query API (`impersonatedUser`,
 * `accessMode`) share. The order of the checks is Neo4j's: the login's own state first, then the
 * IMPERSONATE privilege.
 */
import type { ExecuteOptions, SystemDatabase } from '../database.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';

/** What a request asks for besides its database. */
export interface RunAsOptions {
  /** Run as this user, on the logged-in user's IMPERSONATE privilege (null or absent: as the logged-in user). */
  readonly impersonatedUser?: string | null;
  /** `READ` refuses updating commands (default `WRITE`). */
  readonly accessMode?: 'READ' | 'WRITE';
}

/** AuthManager.NO_AUTH.impersonate: InvalidArgumentException with GQLSTATUS 51N30. */
const authDisabled = (): Neo4jError =>
  new Neo4jError(StatusCode.ArgumentError, 'Impersonation is not supported with auth disabled.', {
    gqlStatus: '51N30',
    statusDescription: 'error: system configuration or operation exception - not supported with this configuration',
  });

/** AuthorizationViolationException.impersonationDisallowed: CredentialsExpired with GQLSTATUS 42N83 and its message. */
const PASSWORD_CHANGE_REQUIRED = 'Cannot impersonate a user while password change required.';

/**
 * Neo4j Enterprise's impersonation check is not in its public sources. Assumed: the answer for a missing
 * privilege is AuthorizationViolationException.permissionDeniedForbidden's, and an unknown user gets
 * the same, so that the answer does not tell which users exist (as a failed login does not).
 */
const PERMISSION_DENIED = 'Permission denied.';

/**
 * The user whose security context runs the statements of `user` (null: authentication disabled) when
 * they ask to impersonate `target`; throws Neo4j's error when they may not.
 */
export function impersonatedUser(db: SystemDatabase, user: string | null, target: string): string {
  if (user === null) throw authDisabled();
  if (db.login(user)?.changeRequired === true) {
    throw new Neo4jError(StatusCode.CredentialsExpired, PASSWORD_CHANGE_REQUIRED, {
      gqlStatus: '42N83',
      statusDescription: 'error: syntax error or access rule violation - impersonation disallowed while password change required',
    });
  }
  if (db.login(target) === null || !db.mayImpersonate(user, target)) throw new Neo4jError(StatusCode.Forbidden, PERMISSION_DENIED);
  return target;
}

/** A session's options for one request: as the impersonated user (whose password state is not checked), in its access mode. */
export function runAsOptions(db: SystemDatabase, session: ExecuteOptions, request: RunAsOptions): ExecuteOptions {
  const moded: ExecuteOptions = request.accessMode === 'READ' ? { ...session, accessMode: 'READ' } : session;
  const target = request.impersonatedUser ?? null;
  if (target === null) return moded;
  const user = impersonatedUser(db, session.user === undefined ? 'neo4j' : session.user, target);
  return { ...moded, user, impersonating: true, enforcePasswordChange: false };
}
