import { describe, expect, it } from 'vitest';
import { Dbms, SystemDatabase, type DbmsOptions } from '../../src/index.js';
import { neo4jFailure } from '../support/db.js';

/** A Dbms whose `neo4j` has changed the initial password, so its sessions may run anything. */
function ready(options: DbmsOptions = {}): Dbms {
  const dbms = new Dbms(SystemDatabase.create(), options);
  dbms.session({ user: 'neo4j' }).run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'neo4j-secret'");
  return dbms;
}

function users(dbms: Dbms): unknown[] {
  return dbms.current.execute('SHOW USERS YIELD user RETURN user', {}, { user: null }).result.rows.map((row) => row[0]);
}

// Neo4j's description of Status.Transaction.Outdated (neo4j/neo4j, kernel-api Status.java): the transient
// error for a transaction that saw state another commit invalidated, which a driver's retry runs again.
const OUTDATED = {
  code: 'Neo.TransientError.Transaction.Outdated',
  message:
    'Transaction has seen state which has been invalidated by applied updates while transaction was active. Transaction may succeed if retried.',
};

describe('sessions of one Dbms', () => {
  it('see each other’s commits', () => {
    const dbms = ready();
    const a = dbms.session({ user: 'neo4j' });
    const b = dbms.session({ user: 'neo4j' });
    a.run("CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED");
    expect(b.run('SHOW USERS YIELD user RETURN user').result.rows).toEqual([['alice'], ['neo4j']]);
    b.run('DROP USER alice');
    expect(a.run('SHOW USERS YIELD user RETURN user').result.rows).toEqual([['neo4j']]);
  });

  it('leave an earlier snapshot as it was', () => {
    const dbms = ready();
    const before = dbms.current;
    dbms.session().run("CREATE USER alice SET PASSWORD 'alice-secret'");
    expect(before.execute('SHOW USERS YIELD user RETURN user', {}, { user: null }).result.rows).toEqual([['neo4j']]);
    expect(users(dbms)).toEqual(['alice', 'neo4j']);
  });

  it('lose no update when another commit lands while a script runs: the script runs again on it', () => {
    const dbms = ready();
    const a = dbms.session();
    const b = dbms.session();
    let statementsSeen = 0;
    a.runScript("CREATE USER alice SET PASSWORD 'alice-secret'; CREATE USER amy SET PASSWORD 'amy-secret';", {
      onStatement: () => {
        statementsSeen++;
        // B commits while A's script is half-way through, against the database A started from.
        if (statementsSeen === 1) b.run("CREATE USER bob SET PASSWORD 'bob-secret'");
      },
    });
    // Without compare-and-set, A's commit would overwrite B's and bob would be gone.
    expect(users(dbms)).toEqual(['alice', 'amy', 'bob', 'neo4j']);
    expect(statementsSeen).toBe(4);
  });

  it('commit nothing for a statement that fails', () => {
    const dbms = ready();
    const before = dbms.current;
    expect(neo4jFailure(() => dbms.session().run('DROP USER nobody'))).toEqual({
      code: 'Neo.ClientError.Statement.ArgumentError',
      message: "Failed to delete the specified user 'nobody': User does not exist.",
    });
    expect(dbms.current).toBe(before);
  });
});

describe('explicit transactions', () => {
  it('see their own writes, which others see only after commit', () => {
    const dbms = ready();
    const tx = dbms.session().begin();
    tx.run("CREATE USER alice SET PASSWORD 'alice-secret'");
    expect(tx.run('SHOW USERS YIELD user RETURN user').result.rows).toEqual([['alice'], ['neo4j']]);
    expect(users(dbms)).toEqual(['neo4j']);
    tx.commit();
    expect(users(dbms)).toEqual(['alice', 'neo4j']);
  });

  it('fail to commit, changing nothing, when another commit landed since they began', () => {
    const dbms = ready();
    const tx = dbms.session().begin();
    tx.run("CREATE USER alice SET PASSWORD 'alice-secret'");
    dbms.session().run("CREATE USER bob SET PASSWORD 'bob-secret'");
    const afterBob = dbms.current;
    expect(neo4jFailure(() => tx.commit())).toEqual(OUTDATED);
    expect(dbms.current).toBe(afterBob);
    expect(users(dbms)).toEqual(['bob', 'neo4j']);
    expect(() => tx.run('SHOW USERS')).toThrow('This transaction has already been rolled back.');
  });

  it('that only read commit even after another commit', () => {
    const dbms = ready();
    const tx = dbms.session().begin();
    tx.run('SHOW USERS');
    dbms.session().run("CREATE USER bob SET PASSWORD 'bob-secret'");
    tx.commit();
    expect(users(dbms)).toEqual(['bob', 'neo4j']);
  });

  it('discard their writes on rollback', () => {
    const dbms = ready();
    const before = dbms.current;
    const tx = dbms.session().begin();
    tx.run("CREATE USER alice SET PASSWORD 'alice-secret'");
    tx.rollback();
    expect(dbms.current).toBe(before);
    expect(() => tx.commit()).toThrow('This transaction has already been rolled back.');
  });

  it('are rolled back by a failing statement, as in Neo4j', () => {
    const dbms = ready();
    const tx = dbms.session().begin();
    tx.run("CREATE USER alice SET PASSWORD 'alice-secret'");
    expect(neo4jFailure(() => tx.run("CREATE USER alice SET PASSWORD 'alice-secret'"))).toEqual({
      code: 'Neo.ClientError.Statement.ArgumentError',
      message: "Failed to create the specified user 'alice': User already exists.",
    });
    expect(() => tx.commit()).toThrow('This transaction has been rolled back because a statement in it failed.');
    tx.rollback();
    expect(users(dbms)).toEqual(['neo4j']);
  });

  it('cannot be committed twice', () => {
    const tx = ready().session().begin();
    tx.commit();
    expect(() => tx.commit()).toThrow('This transaction has already been committed.');
  });
});

const UNAUTHORIZED = {
  code: 'Neo.ClientError.Security.Unauthorized',
  message: 'The client is unauthorized due to authentication failure.',
};
const RATE_LIMITED = {
  code: 'Neo.ClientError.Security.AuthenticationRateLimit',
  message: 'The client has provided incorrect authentication details too many times in a row.',
};
// Neo4j's AuthorizationViolationException.generateCredentialsExpiredMessage("Permission denied.").
const CREDENTIALS_EXPIRED = {
  code: 'Neo.ClientError.Security.CredentialsExpired',
  message:
    'Permission denied.\n\nThe credentials you provided were valid, but must be changed before you can use this instance. ' +
    'If this is the first time you are using Neo4j, this is to ensure you are not using the default credentials in production. ' +
    'If you are not using default credentials, you are getting this message because an administrator requires a password change.\n' +
    "To change your password, issue an `ALTER CURRENT USER SET PASSWORD FROM 'current password' TO 'new password'` statement against the system database.",
};

describe('authenticate', () => {
  function withUsers(options: DbmsOptions = {}): Dbms {
    const dbms = ready(options);
    dbms
      .session()
      .runScript(
        "CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED;" +
          "CREATE USER sam SET PASSWORD 'sam-secret' CHANGE NOT REQUIRED SET STATUS SUSPENDED;" +
          "CREATE USER olga SET AUTH 'oidc1' { SET ID 'olgas-id' };",
      );
    expect(users(dbms)).toEqual(['alice', 'neo4j', 'olga', 'sam']);
    return dbms;
  }

  it('accepts the right password, saying whether it must change', () => {
    const dbms = withUsers();
    expect(dbms.authenticate('alice', 'alice-secret')).toEqual({ user: 'alice', passwordChangeRequired: false });
    expect(new Dbms().authenticate('neo4j', 'neo4j')).toEqual({ user: 'neo4j', passwordChangeRequired: true });
  });

  it.each([
    ['a wrong password', 'alice', 'wrong-secret'],
    ['an unknown user', 'nobody', 'alice-secret'],
    ['a suspended user, right password and all', 'sam', 'sam-secret'],
    ['a user without native auth', 'olga', 'olgas-id'],
  ])('refuses %s with the one Unauthorized text', (_, user, password) => {
    expect(neo4jFailure(() => withUsers().authenticate(user, password))).toEqual(UNAUTHORIZED);
  });

  it('lets a user whose password must change do nothing but change it', () => {
    const dbms = new Dbms();
    const session = dbms.session({ user: dbms.authenticate('neo4j', 'neo4j').user });
    expect(neo4jFailure(() => session.run('SHOW USERS'))).toEqual(CREDENTIALS_EXPIRED);
    expect(neo4jFailure(() => session.begin().run('SHOW USERS'))).toEqual(CREDENTIALS_EXPIRED);
    session.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'neo4j-secret'");
    expect(session.run('SHOW USERS YIELD user RETURN user').result.rows).toEqual([['neo4j']]);
    expect(dbms.authenticate('neo4j', 'neo4j-secret')).toEqual({ user: 'neo4j', passwordChangeRequired: false });
  });
});

describe('the authentication rate limit', () => {
  function clocked(options: DbmsOptions = {}): { dbms: Dbms; advance: (ms: number) => void } {
    let now = 1_000_000;
    const dbms = ready({ ...options, clock: () => now });
    dbms.session().run("CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED");
    return { dbms, advance: (ms) => (now += ms) };
  }

  it('refuses even the right password after three failures in a row, for five seconds', () => {
    const { dbms, advance } = clocked();
    for (let i = 0; i < 3; i++) expect(neo4jFailure(() => dbms.authenticate('alice', 'wrong-secret'))).toEqual(UNAUTHORIZED);
    expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-secret'))).toEqual(RATE_LIMITED);
    advance(4999);
    expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-secret'))).toEqual(RATE_LIMITED);
    advance(1);
    expect(dbms.authenticate('alice', 'alice-secret')).toEqual({ user: 'alice', passwordChangeRequired: false });
    // Other users are not affected.
    expect(dbms.authenticate('neo4j', 'neo4j-secret').user).toBe('neo4j');
  });

  it('locks again at once when the first attempt after the lock fails', () => {
    const { dbms, advance } = clocked();
    for (let i = 0; i < 3; i++) neo4jFailure(() => dbms.authenticate('alice', 'wrong-secret'));
    advance(5000);
    expect(neo4jFailure(() => dbms.authenticate('alice', 'wrong-secret'))).toEqual(UNAUTHORIZED);
    expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-secret'))).toEqual(RATE_LIMITED);
  });

  it('counts only failures in a row: a success starts again', () => {
    const { dbms } = clocked();
    for (let i = 0; i < 2; i++) neo4jFailure(() => dbms.authenticate('alice', 'wrong-secret'));
    dbms.authenticate('alice', 'alice-secret');
    for (let i = 0; i < 2; i++) neo4jFailure(() => dbms.authenticate('alice', 'wrong-secret'));
    expect(dbms.authenticate('alice', 'alice-secret').user).toBe('alice');
  });

  it('follows authMaxFailedAttempts and authLockTime', () => {
    const { dbms, advance } = clocked({ authMaxFailedAttempts: 1, authLockTime: 60_000 });
    expect(neo4jFailure(() => dbms.authenticate('alice', 'wrong-secret'))).toEqual(UNAUTHORIZED);
    advance(59_999);
    expect(neo4jFailure(() => dbms.authenticate('alice', 'alice-secret'))).toEqual(RATE_LIMITED);
  });

  it('is off with authMaxFailedAttempts 0', () => {
    const { dbms } = clocked({ authMaxFailedAttempts: 0 });
    for (let i = 0; i < 10; i++) neo4jFailure(() => dbms.authenticate('alice', 'wrong-secret'));
    expect(dbms.authenticate('alice', 'alice-secret').user).toBe('alice');
  });

  it('counts no failures for unknown users, as Neo4j (its strategy only sees users that exist)', () => {
    const { dbms } = clocked();
    for (let i = 0; i < 5; i++) expect(neo4jFailure(() => dbms.authenticate('nobody', 'x'))).toEqual(UNAUTHORIZED);
  });
});
