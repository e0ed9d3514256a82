/** What a freshly started Neo4j's system database holds. */
import { hashPassword, type RandomBytes } from '../crypto/password.js';
import { ShardedMap } from './sharded.js';
import { BUILT_IN_ROLES, type StoredUser, type SystemConfig, type SystemState } from './state.js';
import { BUILT_IN_PRIVILEGES } from './privileges.js';

export interface SystemDatabaseOptions {
  /** The password of the initial user `neo4j` (default `neo4j`); it must be changed at first login. */
  readonly initialPassword?: string;
  /** `dbms.security.auth_minimum_password_length` (default 8). */
  readonly minimumPasswordLength?: number;
  /** The DBMS default database (default `neo4j`). */
  readonly defaultDatabase?: string;
  /** The databases that exist (default: the default database and `system`). */
  readonly databases?: readonly string[];
  /**
   * Neo4j refuses every statement but `ALTER CURRENT USER SET PASSWORD` from a user whose password
   * change is required. Off by default so tests can run as the initial user straight away.
   */
  readonly enforcePasswordChange?: boolean;
  /**
   * External auth providers defined in the configuration, e.g. `['oidc-mysso1']` (default none). Setting
   * another provider on a user works but gets Neo4j's AuthProviderNotDefined notification.
   */
  readonly authProviders?: readonly string[];
  /** `dbms.security.require_local_user` (default false, as in Neo4j: external auth on a user then gets a warning). */
  readonly requireLocalUser?: boolean;
  /** Source of password salts (default: the platform's secure random generator). For reproducible tests. */
  readonly randomBytes?: RandomBytes;
  /**
   * Evaluation steps one statement may take (default 2,000,000: DEFAULT_LIMITS), in place of Neo4j's time limit
   * `db.transaction.timeout`: beyond it the statement fails with Neo.ClientError.Transaction.TransactionTimedOut.
   */
  readonly maxSteps?: number;
  /**
   * Bytes of lists and strings one statement may build (default 64 MiB), as Neo4j's `db.memory.transaction.max`:
   * beyond it the statement fails with Neo.TransientError.General.TransactionMemoryLimit.
   */
  readonly maxMemoryBytes?: number;
}

export const INITIAL_USER = 'neo4j';

function configFrom(options: SystemDatabaseOptions): SystemConfig {
  const defaultDatabase = (options.defaultDatabase ?? 'neo4j').toLowerCase();
  const databases = options.databases ? options.databases.map((d) => d.toLowerCase()) : [defaultDatabase];
  return {
    minimumPasswordLength: options.minimumPasswordLength ?? 8,
    defaultDatabase,
    databases: [...new Set([...databases, 'system'])].sort(),
    enforcePasswordChange: options.enforcePasswordChange ?? false,
    authProviders: [...new Set(options.authProviders ?? [])].sort(),
    requireLocalUser: options.requireLocalUser ?? false,
  };
}

export function initialState(options: SystemDatabaseOptions, randomBytes: RandomBytes): SystemState {
  const neo4j: StoredUser = {
    name: INITIAL_USER,
    auth: [{ provider: 'native', credential: hashPassword(options.initialPassword ?? 'neo4j', randomBytes), changeRequired: true }],
    suspended: false,
    home: null,
    tags: [],
    roles: ['admin'],
    created: BUILT_IN_ROLES.length,
  };
  return {
    users: ShardedMap.empty<StoredUser>().set(INITIAL_USER, neo4j),
    authIds: ShardedMap.empty(),
    roles: BUILT_IN_ROLES.map((name, created) => ({ name, created, privileges: BUILT_IN_PRIVILEGES[name] ?? [], immutable: false })),
    nextSequence: BUILT_IN_ROLES.length + 1,
    config: configFrom(options),
  };
}
