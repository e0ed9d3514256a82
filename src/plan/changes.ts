/**
 * A change report's records: users, roles and privileges as SHOW USERS WITH AUTH, SHOW ROLES and
 * SHOW PRIVILEGES show them. They never hold a password or a hash: only whether the password changed.
 */
import { quoteRole } from '../exec/commands/privileges.js';
import type { PrivilegeRow } from '../store/privileges.js';
import { isNative, PUBLIC_ROLE, type StoredRole, type StoredUser } from '../store/state.js';

/** One auth provider of a user: external ones with the user's id there. */
export interface UserAuth {
  readonly provider: string;
  readonly id?: string;
}

export interface UserRecord {
  readonly user: string;
  readonly roles: readonly string[];
  readonly passwordChangeRequired: boolean | null;
  readonly suspended: boolean;
  readonly home: string | null;
  readonly tags: readonly string[];
  readonly auth: readonly UserAuth[];
  /** Only in `after`, when the user's password is not the one it had. */
  readonly passwordChanged?: true;
}

export interface RoleRecord {
  readonly name: string;
  readonly members: readonly string[];
  readonly immutable: boolean;
}

export interface PrivilegeRecord {
  readonly access: string;
  readonly action: string;
  readonly resource: string;
  readonly graph: string;
  readonly segment: string;
  readonly role: string;
  readonly immutable: boolean;
}

export type ChangeAction = 'create' | 'delete' | 'update' | 'rename';

interface ChangeOf<T extends string, R> {
  readonly type: T;
  /** The name after the change (before it, for a delete); a privilege is named by its GRANT or DENY command. */
  readonly name: string;
  readonly actions: readonly ChangeAction[];
  readonly before: R | null;
  readonly after: R | null;
}

export type Change = ChangeOf<'user', UserRecord> | ChangeOf<'role', RoleRecord> | ChangeOf<'privilege', PrivilegeRecord>;
export type ChangeType = Change['type'];

export function userRecord(user: StoredUser): UserRecord {
  const native = user.auth.find(isNative);
  return {
    user: user.name,
    roles: [...user.roles, PUBLIC_ROLE],
    passwordChangeRequired: native ? native.changeRequired : null,
    suspended: user.suspended,
    home: user.home,
    tags: [...user.tags],
    auth: user.auth.map((a) => (isNative(a) ? { provider: a.provider } : { provider: a.provider, id: a.id })),
  };
}

export function roleRecord(role: StoredRole, members: readonly string[]): RoleRecord {
  return { name: role.name, members, immutable: role.immutable };
}

export function privilegeRecord(row: PrivilegeRow, role: string): PrivilegeRecord {
  const { access, action, resource, graph, segment, immutable } = row;
  return { access, action, resource, graph, segment, role, immutable };
}

/** The command SHOW PRIVILEGES AS COMMANDS prints for the privilege: ``GRANT SHOW USER ON DBMS TO `analyst` ``. */
export function privilegeName(row: PrivilegeRow, role: string): string {
  return `${row.command} TO ${quoteRole(role)}`;
}

/** What tells two privileges of a role apart (SHOW PRIVILEGES' columns). */
export function privilegeKey(p: PrivilegeRow): string {
  return [p.access, p.action, p.resource, p.graph, p.segment].join('\u0000');
}
