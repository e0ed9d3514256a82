/** Neo4j's RateLimitedAuthenticationStrategy: consecutive failed logins per user lock them out for a while. */
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';

export interface AuthRateLimitOptions {
  /** `dbms.security.auth_max_failed_attempts` (default 3); 0 or less turns the limit off. */
  readonly authMaxFailedAttempts?: number;
  /** `dbms.security.auth_lock_time` in milliseconds (default 5000). */
  readonly authLockTime?: number;
  /** Milliseconds now (default `Date.now`): tests pass their own instead of sleeping. */
  readonly clock?: () => number;
}

const RATE_LIMITED = 'The client has provided incorrect authentication details too many times in a row.';

interface Failures {
  readonly count: number;
  readonly last: number;
}

export class AuthRateLimit {
  readonly #maxFailedAttempts: number;
  readonly #lockTime: number;
  readonly #clock: () => number;
  readonly #failures = new Map<string, Failures>();

  constructor(options: AuthRateLimitOptions) {
    this.#maxFailedAttempts = options.authMaxFailedAttempts ?? 3;
    this.#lockTime = options.authLockTime ?? 5000;
    this.#clock = options.clock ?? Date.now;
  }

  /** Throws while the user is locked out, whether or not this attempt's password is right. */
  admit(user: string): void {
    const failures = this.#failures.get(user);
    if (this.#maxFailedAttempts <= 0 || failures === undefined || failures.count < this.#maxFailedAttempts) return;
    // After the lock time one more attempt is let through; failing it locks the user again.
    if (this.#clock() >= failures.last + this.#lockTime) return;
    throw new Neo4jError(StatusCode.AuthenticationRateLimit, RATE_LIMITED);
  }

  record(user: string, success: boolean): void {
    if (success) {
      this.#failures.delete(user);
      return;
    }
    const count = (this.#failures.get(user)?.count ?? 0) + 1;
    this.#failures.set(user, { count, last: this.#clock() });
  }
}
