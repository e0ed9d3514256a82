/** What the system database says about a login attempt; the Dbms turns it into Neo4j's outcome. */
import { sha256 } from '../crypto/sha256-rounds.js';
import { secureRandomBytes, toHex, verifyPassword } from '../crypto/password.js';
import { findUser } from '../exec/commands/users.js';
import { isNative, type NativeAuth, type SystemState } from '../store/state.js';

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
    passwordMatches: (password) => native !== undefined && matches(native, password),
    suspended: stored.suspended,
    changeRequired: native?.changeRequired ?? false,
    home: stored.home,
  };
}

/**
 * Neo4j Enterprise caches successful authentications, and a transport that logs in on every request
 * (the HTTP Query API) needs it: the 1,024 hash rounds cost about a millisecond. A password is
 * remembered as verified for one stored credential: the record is immutable, so a password change
 * (or a dropped user) makes a new one, and the cache entry is garbage with the old. Only successes
 * are kept, so a wrong password always takes the slow path, as the rate limit expects. What is kept
 * is a hash under a key of this process's own, never the password.
 */
const verified = new WeakMap<NativeAuth, string>();
/** Drawn on the first login: drawing it on import loaded Node's Web Crypto at every start-up. */
let cacheKey: Uint8Array | undefined;

function matches(native: NativeAuth, password: string): boolean {
  const tag = keyedHash(password);
  if (verified.get(native) === tag) return true;
  const ok = verifyPassword(password, native.credential);
  if (ok) verified.set(native, tag);
  return ok;
}

function keyedHash(password: string): string {
  const key = (cacheKey ??= secureRandomBytes(32));
  const text = new TextEncoder().encode(password);
  const input = new Uint8Array(key.length + text.length);
  input.set(key);
  input.set(text, key.length);
  return toHex(sha256(input));
}
