/**
 * Immutable roles and privileges, as Neo4j's AuthorizationViolationException and administration
 * planner define them: made and removed only with authentication disabled, kept otherwise; only
 * immutable privileges on an immutable role; copies keep a role's privileges of one kind.
 */
import { describe, expect, it } from 'vitest';
import { planLines, SystemDatabase, type Session } from '../../src/index.js';
import { expectFailure } from '../support/db.js';

const FORBIDDEN = 'Neo.ClientError.Security.Forbidden';
const SEE_ROLES = 'Use `SHOW ROLES YIELD *` to see which roles are immutable.';

/** Commissioned with authentication disabled: an immutable `analyst`, a DENY IMMUTABLE on PUBLIC, a mutable `ops` with one immutable privilege. */
function commissioned(): { root: Session; admin: Session } {
  const root = SystemDatabase.create().session({ user: null });
  root.runScript(`
    ALTER USER neo4j SET PASSWORD 'secret-neo4j' CHANGE NOT REQUIRED;
    CREATE IMMUTABLE ROLE analyst;
    GRANT IMMUTABLE MATCH {*} ON GRAPH * ELEMENTS * TO analyst;
    DENY IMMUTABLE DATABASE MANAGEMENT ON DBMS TO PUBLIC;
    CREATE ROLE ops;
    GRANT SHOW USER ON DBMS TO ops;
    GRANT IMMUTABLE CREATE USER ON DBMS TO ops;
    CREATE USER ann SET PASSWORD 'ann-password' CHANGE NOT REQUIRED;
  `);
  return { root, admin: root.db.session({ user: 'neo4j' }) };
}

describe('with authentication disabled, IMMUTABLE is kept', () => {
  it('SHOW ROLES YIELD * and SHOW PRIVILEGES say which are immutable', () => {
    const { admin } = commissioned();
    expect(admin.run("SHOW ROLES YIELD * WHERE role IN ['analyst', 'ops', 'reader']").rows).toEqual([
      ['analyst', true],
      ['ops', false],
      ['reader', false],
    ]);
    expect(admin.run('SHOW PRIVILEGES WHERE immutable').rows).toEqual([
      ['DENIED', 'database_management', 'database', '*', 'database', 'PUBLIC', true],
      ['GRANTED', 'match', 'all_properties', '*', 'NODE(*)', 'analyst', true],
      ['GRANTED', 'match', 'all_properties', '*', 'RELATIONSHIP(*)', 'analyst', true],
      ['GRANTED', 'create_user', 'database', '*', 'database', 'ops', true],
    ]);
  });

  it('AS COMMANDS prints the command without IMMUTABLE; the immutable column says it', () => {
    const { admin } = commissioned();
    expect(admin.run('SHOW ROLE ops PRIVILEGES AS COMMANDS YIELD *').rows).toEqual([
      ['GRANT CREATE USER ON DBMS TO `ops`', true],
      ['GRANT SHOW USER ON DBMS TO `ops`', false],
    ]);
    expect(admin.run('SHOW ROLE analyst PRIVILEGES AS REVOKE COMMANDS YIELD *').rows).toEqual([
      ['REVOKE GRANT MATCH {*} ON GRAPH * NODE * FROM `analyst`', true],
      ['REVOKE GRANT MATCH {*} ON GRAPH * RELATIONSHIP * FROM `analyst`', true],
    ]);
  });

  it('REVOKE IMMUTABLE removes only immutable privileges; a plain REVOKE removes either', () => {
    const { root } = commissioned();
    root.run('REVOKE IMMUTABLE SHOW USER ON DBMS FROM ops');
    expect(root.notifications.map((n) => n.title)).toEqual([
      '`REVOKE GRANT IMMUTABLE SHOW USER ON DBMS FROM ops` has no effect.',
      '`REVOKE DENY IMMUTABLE SHOW USER ON DBMS FROM ops` has no effect.',
    ]);
    expect(root.run('SHOW ROLE ops PRIVILEGES YIELD action').rows).toEqual([['show_user'], ['create_user']]);
    root.run('REVOKE IMMUTABLE CREATE USER ON DBMS FROM ops');
    root.run('REVOKE DENY DATABASE MANAGEMENT ON DBMS FROM PUBLIC');
    expect(root.run('SHOW PRIVILEGES YIELD role, action, immutable WHERE immutable RETURN role, action').rows).toEqual([
      ['analyst', 'match'],
      ['analyst', 'match'],
    ]);
  });

  it('an immutable role may be dropped, renamed and replaced, and granted to users like any role', () => {
    const { root } = commissioned();
    root.runScript('GRANT ROLE analyst TO ann; RENAME ROLE analyst TO auditor; CREATE OR REPLACE IMMUTABLE ROLE ops');
    expect(root.run("SHOW ROLES WITH USERS YIELD * WHERE role IN ['auditor', 'ops']").rows).toEqual([
      ['auditor', 'ann', true],
      ['ops', null, true],
    ]);
    root.run('DROP ROLE auditor');
    expect(root.run("SHOW ROLES YIELD role WHERE role = 'auditor'").rows).toEqual([]);
  });

  it('a copy of an immutable role is immutable too, privileges and all', () => {
    const { root } = commissioned();
    root.run('CREATE IMMUTABLE ROLE analyst2 AS COPY OF analyst');
    expect(root.run('SHOW ROLE analyst2 PRIVILEGES AS COMMANDS YIELD *').rows).toEqual([
      ['GRANT MATCH {*} ON GRAPH * NODE * TO `analyst2`', true],
      ['GRANT MATCH {*} ON GRAPH * RELATIONSHIP * TO `analyst2`', true],
    ]);
  });

  it('granting a privilege the role holds either way only notifies, with IMMUTABLE in the command', () => {
    const { root } = commissioned();
    root.run('GRANT IMMUTABLE SHOW USER ON DBMS TO ops');
    expect(root.notifications.map((n) => n.title)).toEqual(['`GRANT IMMUTABLE SHOW USER ON DBMS TO ops` has no effect.']);
    expect(root.run('SHOW ROLE ops PRIVILEGES AS COMMANDS YIELD *').rows).toEqual([
      ['GRANT CREATE USER ON DBMS TO `ops`', true],
      ['GRANT SHOW USER ON DBMS TO `ops`', false],
    ]);
  });
});

describe('with authentication enabled, IMMUTABLE is refused and immutable things stay', () => {
  it.each([
    ['CREATE IMMUTABLE ROLE guard', 'Immutable roles cannot be created. Try creating the role without the IMMUTABLE keyword.'],
    ['CREATE OR REPLACE IMMUTABLE ROLE ops', 'Immutable roles cannot be created. Try creating the role without the IMMUTABLE keyword.'],
    [
      'GRANT IMMUTABLE SHOW ROLE ON DBMS TO ops',
      'Immutable privileges cannot be granted. Try granting the privilege without the IMMUTABLE keyword.',
    ],
    [
      'DENY IMMUTABLE SHOW ROLE ON DBMS TO ops',
      'Immutable privileges cannot be denied. Try denying the privilege without the IMMUTABLE keyword.',
    ],
    ['DROP ROLE analyst', `Immutable roles cannot be dropped. ${SEE_ROLES}`],
    ['RENAME ROLE analyst TO auditor', `Immutable roles cannot be renamed. ${SEE_ROLES}`],
    ['CREATE OR REPLACE ROLE analyst', `Immutable roles cannot be replaced. ${SEE_ROLES}`],
    [
      'GRANT TRAVERSE ON GRAPH * TO analyst',
      'Only immutable privileges can be assigned to an immutable role. Try `GRANT/DENY IMMUTABLE` instead.',
    ],
    [
      'REVOKE CREATE USER ON DBMS FROM ops',
      "Immutable privileges cannot be revoked. Use `SHOW ROLE ops PRIVILEGES AS COMMANDS YIELD *` to inspect ops's privileges.",
    ],
    [
      'REVOKE DENY IMMUTABLE DATABASE MANAGEMENT ON DBMS FROM PUBLIC',
      "Immutable privileges cannot be revoked. Use `SHOW ROLE PUBLIC PRIVILEGES AS COMMANDS YIELD *` to inspect PUBLIC's privileges.",
    ],
    [
      'CREATE ROLE copy AS COPY OF ops',
      "'ops' cannot be copied because it has one or more immutable privileges assigned to it and immutable privileges cannot be copied. " +
        "Use `SHOW ROLE ops PRIVILEGES AS COMMANDS YIELD *` to inspect ops's privileges.",
    ],
  ])('%s', (query, message) => {
    expectFailure(commissioned().admin, query, FORBIDDEN, message);
  });

  it('the IMMUTABLE keyword is refused before the privilege check, the rest after it', () => {
    const { root } = commissioned();
    const ann = root.db.session({ user: 'ann' });
    // ann holds no privilege: Neo4j names the keyword, not the missing privilege.
    expectFailure(
      ann,
      'GRANT IMMUTABLE SHOW ROLE ON DBMS TO ops',
      FORBIDDEN,
      'Immutable privileges cannot be granted. Try granting the privilege without the IMMUTABLE keyword.',
    );
    // Without IMMUTABLE in the statement, the privilege check comes first.
    expectFailure(
      ann,
      'DROP ROLE analyst',
      FORBIDDEN,
      'Permission has not been granted for DROP ROLE. Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. ' +
        'In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted.',
    );
  });

  it('an immutable role is granted to and revoked from users; a revoke of a mutable privilege beside an immutable one works', () => {
    const { admin } = commissioned();
    admin.runScript('GRANT ROLE analyst TO ann; REVOKE SHOW USER ON DBMS FROM ops');
    expect(admin.run("SHOW USERS YIELD user, roles WHERE user = 'ann'").rows).toEqual([['ann', ['analyst', 'PUBLIC']]]);
    admin.run('REVOKE ROLE analyst FROM ann');
    expect(admin.run('SHOW ROLE ops PRIVILEGES AS COMMANDS YIELD *').rows).toEqual([['GRANT CREATE USER ON DBMS TO `ops`', true]]);
  });

  it("neo4j's own privileges (SHOW USER PRIVILEGES) list the DENY IMMUTABLE on PUBLIC", () => {
    const { admin } = commissioned();
    expect(admin.run('SHOW USER PRIVILEGES YIELD access, action, immutable WHERE immutable').rows).toEqual([
      ['DENIED', 'database_management', true],
    ]);
  });
});

describe('copies keep a role’s privileges of one kind, with authentication disabled too', () => {
  it.each([
    [
      'CREATE IMMUTABLE ROLE r AS COPY OF reader',
      "'reader' cannot be copied to an immutable role because 'reader' has one or more non-immutable privileges. Immutable roles can only " +
        "contain immutable privileges. Use `SHOW ROLE reader PRIVILEGES AS COMMANDS YIELD *` to inspect reader's privileges.",
    ],
    [
      'CREATE ROLE r AS COPY OF analyst',
      "'analyst' cannot be copied because it has one or more immutable privileges assigned to it and immutable privileges cannot be copied. " +
        "Use `SHOW ROLE analyst PRIVILEGES AS COMMANDS YIELD *` to inspect analyst's privileges.",
    ],
    [
      'GRANT SHOW USER ON DBMS TO analyst',
      'Only immutable privileges can be assigned to an immutable role. Try `GRANT/DENY IMMUTABLE` instead.',
    ],
  ])('%s', (query, message) => {
    expectFailure(commissioned().root, query, FORBIDDEN, message);
  });

  it('an empty role copies to an immutable one', () => {
    const { root } = commissioned();
    root.runScript('CREATE ROLE empty; CREATE IMMUTABLE ROLE sealed AS COPY OF empty');
    expect(root.run("SHOW ROLES YIELD * WHERE role = 'sealed'").rows).toEqual([['sealed', true]]);
  });
});

describe('the change report sees immutability', () => {
  it('a role made immutable and a privilege granted again IMMUTABLE are updates', () => {
    const { root } = commissioned();
    const before = root.db;
    root.runScript(
      'CREATE OR REPLACE IMMUTABLE ROLE ops; REVOKE GRANT ACCESS ON DATABASE * FROM reader; GRANT IMMUTABLE ACCESS ON DATABASE * TO reader',
    );
    expect(planLines(before.diff(root.db))).toEqual([
      '~ role ops  immutable: FALSE -> TRUE',
      '~ privilege GRANT ACCESS ON DATABASE * TO reader  immutable: FALSE -> TRUE',
      '- privilege GRANT CREATE USER ON DBMS TO ops',
      '- privilege GRANT SHOW USER ON DBMS TO ops',
    ]);
  });
});
