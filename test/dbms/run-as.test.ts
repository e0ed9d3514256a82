/**
 * Impersonation and access mode at the engine seam (Session.run / begin options), the one definition
 * Bolt and the Query API share. Neo4j's texts: AuthorizationViolationException (updatesWhenImpersonating,
 * impersonationDisallowed with GQLSTATUS 42N83), AuthManager.NO_AUTH.impersonate (51N30),
 * FabricException.writingInReadAccessMode (Statement.AccessMode, 08N03).
 */
import { describe, expect, it } from 'vitest';
import { Dbms, Neo4jError, SystemDatabase, wireError, type DbmsSession } from '../../src/index.js';

const SETUP = `CREATE USER ann SET PASSWORD 'ann-password' CHANGE NOT REQUIRED;
  CREATE USER bob SET PASSWORD 'bob-password' CHANGE NOT REQUIRED SET HOME DATABASE system;
  CREATE USER cy SET PASSWORD 'cy-password' CHANGE NOT REQUIRED;
  CREATE ROLE impersonator; GRANT IMPERSONATE (bob) ON DBMS TO impersonator; GRANT ROLE impersonator TO ann;
  CREATE ROLE manager; GRANT SHOW USER ON DBMS TO manager; GRANT CREATE USER ON DBMS TO manager; GRANT ROLE manager TO bob;`;

function dbmsWith(extra = ''): Dbms {
  return new Dbms(SystemDatabase.create().runScript(`${SETUP} ${extra}`, { user: null }).db);
}

function session(dbms: Dbms, user: string | null = 'ann'): DbmsSession {
  return dbms.session({ user, typedParams: true });
}

/** What a driver receives for the error `work` throws. */
function wireOf(work: () => unknown) {
  try {
    work();
  } catch (error) {
    if (!(error instanceof Neo4jError)) throw error;
    const { code, gqlStatus, message, description } = wireError(error.code, error.message, error.gql);
    return { code, gqlStatus, message, description };
  }
  throw new Error('expected a Neo4jError');
}

const PERMISSION_DENIED = { code: 'Neo.ClientError.Security.Forbidden', gqlStatus: '42NFF', message: 'Permission denied.' };

describe('impersonation (imp_user, impersonatedUser)', () => {
  it('runs in the target’s security context: SHOW CURRENT USER shows the target (its executing user)', () => {
    const ann = session(dbmsWith());
    const shown = ann.run('SHOW CURRENT USER YIELD user', {}, { impersonatedUser: 'bob' });
    expect(shown.result.rows).toEqual([['bob']]);
    const procedure = ann.run('CALL dbms.showCurrentUser()', {}, { impersonatedUser: 'bob' });
    expect(procedure.result.rows[0]?.[0]).toBe('bob');
    // Without it, ann herself.
    expect(ann.run('SHOW CURRENT USER YIELD user').result.rows).toEqual([['ann']]);
  });

  it('uses the target’s privileges: SHOW USERS works as bob (SHOW USER), not as ann', () => {
    const ann = session(dbmsWith());
    expect(ann.run('SHOW USERS YIELD user', {}, { impersonatedUser: 'bob' }).result.rows.map(([u]) => u)).toContain('cy');
    expect(wireOf(() => ann.run('SHOW USERS')).code).toBe('Neo.ClientError.Security.Forbidden');
  });

  it('refuses updating commands while impersonating, after the target’s privilege checks', () => {
    const dbms = dbmsWith();
    const ann = session(dbms);
    // bob may CREATE USER, but not through ann.
    expect(wireOf(() => ann.run("CREATE USER dan SET PASSWORD 'dan-password'", {}, { impersonatedUser: 'bob' }))).toEqual({
      code: 'Neo.ClientError.Security.Forbidden',
      gqlStatus: '42NFF',
      message: 'Not allowed to run updating system commands when impersonating a user.',
      description:
        'error: syntax error or access rule violation - permission/access denied. Not allowed to run updating system commands when impersonating a user.',
    });
    // bob may not DROP USER: that privilege check comes first.
    expect(wireOf(() => ann.run('DROP USER cy', {}, { impersonatedUser: 'bob' })).message).toBe(
      'Permission has not been granted for DROP USER. Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. ' +
        'In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted.',
    );
    // Nor in an explicit transaction.
    const tx = ann.begin({ impersonatedUser: 'bob' });
    expect(wireOf(() => tx.run("CREATE USER dan SET PASSWORD 'dan-password'")).message).toBe(
      'Not allowed to run updating system commands when impersonating a user.',
    );
    expect(dbms.current.login('dan')).toBeNull();
  });

  it('runs as a suspended target with none of its roles, PUBLIC included (Operations Manual, "User states")', () => {
    const ann = session(dbmsWith('ALTER USER bob SET STATUS SUSPENDED;'));
    expect(ann.run('SHOW CURRENT USER YIELD user', {}, { impersonatedUser: 'bob' }).result.rows).toEqual([['bob']]);
    expect(wireOf(() => ann.run('SHOW USERS', {}, { impersonatedUser: 'bob' })).code).toBe('Neo.ClientError.Security.Forbidden');
  });

  it('refuses a target the user may not impersonate, a DENY winning, and an unknown one, alike', () => {
    expect(wireOf(() => session(dbmsWith()).run('SHOW CURRENT USER', {}, { impersonatedUser: 'cy' }))).toMatchObject(PERMISSION_DENIED);
    const denied = dbmsWith('CREATE ROLE no; DENY IMPERSONATE (bob) ON DBMS TO no; GRANT ROLE no TO ann;');
    expect(wireOf(() => session(denied).run('SHOW CURRENT USER', {}, { impersonatedUser: 'bob' }))).toMatchObject(PERMISSION_DENIED);
    expect(wireOf(() => session(denied).begin({ impersonatedUser: 'bob' }))).toMatchObject(PERMISSION_DENIED);
    const everyone = dbmsWith('GRANT IMPERSONATE (*) ON DBMS TO impersonator;');
    expect(wireOf(() => session(everyone).run('SHOW CURRENT USER', {}, { impersonatedUser: 'nobody' }))).toMatchObject(PERMISSION_DENIED);
  });

  it('refuses impersonation while the user’s own password must change: 42N83', () => {
    const dbms = dbmsWith('ALTER USER ann SET PASSWORD CHANGE REQUIRED;');
    expect(wireOf(() => session(dbms).run('SHOW CURRENT USER', {}, { impersonatedUser: 'bob' }))).toEqual({
      code: 'Neo.ClientError.Security.CredentialsExpired',
      gqlStatus: '42N83',
      message: 'Cannot impersonate a user while password change required.',
      description:
        'error: syntax error or access rule violation - impersonation disallowed while password change required. Cannot impersonate a user while password change required.',
    });
  });

  it('is not supported with authentication disabled (51N30)', () => {
    expect(wireOf(() => session(dbmsWith(), null).run('SHOW CURRENT USER', {}, { impersonatedUser: 'bob' }))).toMatchObject({
      code: 'Neo.ClientError.Statement.ArgumentError',
      gqlStatus: '51N30',
      message: 'Impersonation is not supported with auth disabled.',
    });
  });

  it('begins on the target’s home database, and ROUTE resolves it (Dbms.impersonate)', () => {
    const dbms = dbmsWith();
    expect(session(dbms).begin({ impersonatedUser: 'bob' }).database).toBe('system');
    expect(session(dbms).begin({}).database).toBe('neo4j');
    expect(dbms.homeDatabase(dbms.impersonate('ann', 'bob'))).toBe('system');
    expect(wireOf(() => dbms.impersonate('ann', 'cy'))).toMatchObject(PERMISSION_DENIED);
  });
});

describe('access mode READ (Bolt mode "r", accessMode "READ")', () => {
  const ACCESS_MODE = {
    code: 'Neo.ClientError.Statement.AccessMode',
    gqlStatus: '08N03',
    message: 'Writing in read access mode not allowed. Attempted write to system',
  };

  it('refuses an updating command before any privilege check, and runs SHOW commands', () => {
    const dbms = dbmsWith();
    const neo4j = session(dbms, null);
    expect(wireOf(() => neo4j.run("CREATE USER dan SET PASSWORD 'dan-password'", {}, { accessMode: 'READ' }))).toMatchObject(ACCESS_MODE);
    // cy has no privilege at all: the access mode answers first.
    expect(wireOf(() => session(dbms, 'cy').run('DROP USER bob', {}, { accessMode: 'READ' }))).toMatchObject(ACCESS_MODE);
    const tx = neo4j.begin({ accessMode: 'READ' });
    expect(tx.run('SHOW USERS YIELD user').result.rows.length).toBe(4);
    expect(wireOf(() => tx.run('DROP USER bob'))).toMatchObject(ACCESS_MODE);
    expect(dbms.current.login('dan')).toBeNull();
    expect(dbms.current.login('bob')).not.toBeNull();
    // WRITE (the default) writes.
    neo4j.run("CREATE USER dan SET PASSWORD 'dan-password'", {}, { accessMode: 'WRITE' });
    expect(dbms.current.login('dan')).not.toBeNull();
  });
});
