/** A locked-out user is refused before the password is hashed, as Neo4j's strategy checks the lock first. */
import { describe, expect, it, vi } from 'vitest';
import { Dbms, SystemDatabase } from '../../src/index.js';
import { neo4jFailure } from '../support/db.js';

const hashes = vi.hoisted(() => ({ count: 0 }));
vi.mock('../../src/crypto/password.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/crypto/password.js')>();
  return {
    ...original,
    verifyPassword: (...args: Parameters<typeof original.verifyPassword>) => {
      hashes.count += 1;
      return original.verifyPassword(...args);
    },
  };
});

describe('the authentication rate limit', () => {
  it('refuses a locked-out user without hashing the attempt (1,024 rounds of SHA-256 each)', () => {
    const dbms = new Dbms(SystemDatabase.create(), { clock: () => 0 });
    for (let i = 0; i < 3; i++)
      expect(neo4jFailure(() => dbms.authenticate('neo4j', 'wrong')).code).toBe('Neo.ClientError.Security.Unauthorized');
    const before = hashes.count;
    expect(neo4jFailure(() => dbms.authenticate('neo4j', 'neo4j'))).toEqual({
      code: 'Neo.ClientError.Security.AuthenticationRateLimit',
      message: 'The client has provided incorrect authentication details too many times in a row.',
    });
    expect(hashes.count).toBe(before);
  });
});

describe('the login cache', () => {
  it('hashes a verified password once (a login per HTTP request), a wrong one every time, and forgets on a change', () => {
    const dbms = new Dbms(SystemDatabase.create(), { authMaxFailedAttempts: 0 });
    dbms.session({ user: null }).run("CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED");
    const hashed = (login: () => unknown) => {
      const before = hashes.count;
      login();
      return hashes.count - before;
    };
    expect(hashed(() => dbms.authenticate('alice', 'alice-secret'))).toBe(1);
    expect(hashed(() => dbms.authenticate('alice', 'alice-secret'))).toBe(0);
    // A wrong password is never taken for the cached right one, and is always hashed.
    const unauthorized = {
      code: 'Neo.ClientError.Security.Unauthorized',
      message: 'The client is unauthorized due to authentication failure.',
    };
    expect(hashed(() => expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-secret '))).toEqual(unauthorized))).toBe(1);
    expect(hashed(() => expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-secret '))).toEqual(unauthorized))).toBe(1);
    dbms.session({ user: null }).run("ALTER USER alice SET PASSWORD 'alice-newer' CHANGE NOT REQUIRED");
    expect(hashed(() => expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-secret'))).toEqual(unauthorized))).toBe(1);
    expect(hashed(() => dbms.authenticate('alice', 'alice-newer'))).toBe(1);
    dbms.session({ user: null }).run('ALTER USER alice SET STATUS SUSPENDED');
    expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-newer'))).toEqual(unauthorized);
  });
});
