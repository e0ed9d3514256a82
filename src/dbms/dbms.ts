/**
 * The engine seam: one DBMS shared by every connection of a server. It holds the latest immutable
 * `SystemDatabase`; sessions run statements against it and commit by compare-and-set, so a transport
 * (Bolt, HTTP) needs nothing but this class.
 */
import { SystemDatabase } from '../database.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';
import { AuthRateLimit, type AuthRateLimitOptions } from './rate-limit.js';
import { DbmsSession, type DbmsSessionOptions } from './session.js';
import { homeDatabase, resolveDatabase } from './routing.js';
import { impersonatedUser } from './run-as.js';

export type DbmsOptions = AuthRateLimitOptions;

/** A successful login. */
export interface Authenticated {
  readonly user: string;
  /** The user may only run `ALTER CURRENT USER SET PASSWORD` until they have changed it. */
  readonly passwordChangeRequired: boolean;
}

/** Neo4j's one text for every failed login, so that a client cannot tell which check failed. */
const UNAUTHORIZED = 'The client is unauthorized due to authentication failure.';

export class Dbms {
  #db: SystemDatabase;
  readonly #rateLimit: AuthRateLimit;
  readonly #listeners = new Set<(db: SystemDatabase) => void>();
  #commits = 0;

  constructor(db: SystemDatabase = SystemDatabase.create(), options: DbmsOptions = {}) {
    this.#db = db;
    this.#rateLimit = new AuthRateLimit(options);
  }

  /** The database a user's requests go to when they name none (ROUTE's `db`): their home database, else the default. */
  homeDatabase(user: string | null): string {
    return homeDatabase(this.#db, user);
  }

  /** `name` as the DBMS knows it (lower-cased); DatabaseNotFound when it has no such database. */
  resolveDatabase(name: string): string {
    return resolveDatabase(this.#db, name, null);
  }

  /** Whether `user` may run as `target` (IMPERSONATE ON DBMS; a DENY wins), for the transports that impersonate. */
  mayImpersonate(user: string | null, target: string): boolean {
    return this.#db.mayImpersonate(user, target);
  }

  /** `target` when `user` may impersonate them (ROUTE's `imp_user`), else Neo4j's error; see `TargetOptions.impersonatedUser`. */
  impersonate(user: string | null, target: string): string {
    return impersonatedUser(this.#db, user, target);
  }

  /** The latest committed database: a snapshot that later commits leave as it is. */
  get current(): SystemDatabase {
    return this.#db;
  }

  /** A session running as `user` (null: authentication disabled). Log the user in first with `authenticate`. */
  session(options: DbmsSessionOptions = {}): DbmsSession {
    return new DbmsSession(this, options);
  }

  /**
   * Checks a basic-auth login as Neo4j does. Every failure is the same `Unauthorized`, except that a
   * user with too many failures in a row is refused with `AuthenticationRateLimit` for a while.
   */
  authenticate(user: string, password: string): Authenticated {
    const check = this.#db.login(user);
    // As in Neo4j, failures are counted for users that exist (its strategy is handed the stored user),
    // and a locked-out user is refused before the password is hashed.
    if (check === null) throw new Neo4jError(StatusCode.Unauthorized, UNAUTHORIZED);
    this.#rateLimit.admit(user);
    const matches = check.passwordMatches(password);
    this.#rateLimit.record(user, matches);
    if (!matches || check.suspended) throw new Neo4jError(StatusCode.Unauthorized, UNAUTHORIZED);
    return { user, passwordChangeRequired: check.changeRequired };
  }

  /** Replaces the database if it is still `expected`; false when another commit landed in between. */
  compareAndSet(expected: SystemDatabase, next: SystemDatabase): boolean {
    if (this.#db !== expected) return false;
    this.#db = next;
    this.#notify();
    return true;
  }

  /**
   * Puts `db` in place whatever was committed before (a test set-up restoring a snapshot). Open
   * transactions then fail to commit, as they would after any other commit.
   */
  replace(db: SystemDatabase): void {
    this.#db = db;
    this.#notify();
  }

  /** Calls `listener` with the new database after every commit (e.g. to save it); returns the unsubscribe. */
  onCommit(listener: (db: SystemDatabase) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** How many commits (and replaces) this DBMS has seen: a transport's bookmarks count them. */
  get commits(): number {
    return this.#commits;
  }

  #notify(): void {
    this.#commits += 1;
    for (const listener of this.#listeners) listener(this.#db);
  }
}
