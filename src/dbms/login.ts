/** What the system database says about a login attempt; the Dbms turns it into Neo4j's outcome. */
import { verifyPassword } from '../crypto/password.js';
import { findUser } from '../exec/commands/users.js';
import { isNative, type SystemState } from '../store/state.js';

export interface LoginCheck {
  /** Hashes `password` and compares (the costly part, so the rate limit is asked first); false for a user without native auth. */
  readonly passwordMatches: (password: string) => boolean;
  readonly suspended: boolean;
  readonly changeRequired: boolean;
  /** The user's home database (normalised), or null for the DBMS default. */
  readonly home: string | null;
}

export function checkLogin(state: SystemState, user: string): LoginCheck | null {
  const stored = findUser(state, user);
  if (stored === undefined) return null;
  const native = stored.auth.find(isNative);
  return {
    passwordMatches: (password) => native !== undefined && verifyPassword(password, native.credential),
    suspended: stored.suspended,
    changeRequired: native?.changeRequired ?? false,
    home: stored.home,
  };
}
