/** The system database's contents: users and roles, as immutable data (immer produces each change). */
import type { Credential } from '../crypto/password.js';
import type { PrivilegeRow } from './privileges.js';
import type { ShardedMap } from './sharded.js';

/** Password login. A native auth always has a credential: Neo4j refuses one without a password. */
export interface NativeAuth {
  readonly provider: 'native';
  readonly credential: Credential;
  readonly changeRequired: boolean;
}

/** An external provider (LDAP, OIDC, ...), identified by the user's id in that system. */
interface ExternalAuth {
  readonly provider: string;
  readonly id: string;
}

export type AuthEntry = NativeAuth | ExternalAuth;

export function isNative(auth: AuthEntry): auth is NativeAuth {
  return auth.provider === 'native' && 'credential' in auth;
}

export interface StoredUser {
  readonly name: string;
  /** Sorted by provider name; at most one entry per provider. */
  readonly auth: readonly AuthEntry[];
  readonly suspended: boolean;
  /** Normalised (lower-case) database name, or null for the DBMS default. */
  readonly home: string | null;
  /** In the order they were added, without duplicates. */
  readonly tags: readonly string[];
  /** Roles granted with GRANT ROLE, sorted as Java sorts strings; PUBLIC is implicit and never stored. */
  readonly roles: readonly string[];
  /** Creation order: Neo4j lists role members in the order their user nodes were created. */
  readonly created: number;
}

export interface StoredRole {
  readonly name: string;
  readonly created: number;
  /** A fresh DBMS gives the built-in roles Neo4j's defaults; created roles start with none. */
  readonly privileges: readonly PrivilegeRow[];
  /** CREATE IMMUTABLE ROLE (authentication disabled): it holds only immutable privileges. */
  readonly immutable: boolean;
}

export interface SystemConfig {
  /** `dbms.security.auth_minimum_password_length`. */
  readonly minimumPasswordLength: number;
  /** `initial.dbms.default_database`. */
  readonly defaultDatabase: string;
  /** Databases that exist, lower-case (`system` included). */
  readonly databases: readonly string[];
  /** Refuse everything but ALTER CURRENT USER SET PASSWORD while the executing user must change their password. */
  readonly enforcePasswordChange: boolean;
  /** External auth providers the configuration defines (`dbms.security.authentication_providers`); others get a notification. */
  readonly authProviders: readonly string[];
  /** `dbms.security.require_local_user`: without it, setting an external auth on a user gets a warning notification. */
  readonly requireLocalUser: boolean;
}

export interface SystemState {
  readonly users: ShardedMap<StoredUser>;
  /** `<provider>\u0000<id>` -> user name: Neo4j keeps provider and id unique across users. */
  readonly authIds: ShardedMap<string>;
  /** Roles are few: a list (in creation order) is simpler than a map and keeps names such as `__proto__` safe. */
  readonly roles: readonly StoredRole[];
  readonly nextSequence: number;
  readonly config: SystemConfig;
}

export const PUBLIC_ROLE = 'PUBLIC';
export const BUILT_IN_ROLES = ['PUBLIC', 'admin', 'architect', 'editor', 'publisher', 'reader'] as const;

export function authIdKey(provider: string, id: string): string {
  return `${provider}\u0000${id}`;
}

/** Java's String.compareTo: UTF-16 code units, which JavaScript's `<` also compares. */
export function javaOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
