/**
 * DBMS privileges: what SHOW PRIVILEGES lists, and enforcement. Every privilege is tested allowed,
 * not granted, denied over a grant, revoked, and reached through a role granted to a role-less user.
 */
import { describe, expect, it } from 'vitest';
import { SystemDatabase, type Session } from '../../src/index.js';
import { expectFailure, freshSession } from '../support/db.js';

const FORBIDDEN = 'Neo.ClientError.Security.Forbidden';
const HINT =
  'Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. ' +
  'In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted.';
/** SHOW USERS YIELD user after setup(): the initial user and the two it creates. */
const EVERY_USER = [['ann'], ['neo4j'], ['victim']];
const notGranted = (action: string) => `Permission has not been granted for ${action}. ${HINT}`;
const denied = (action: string) => `Permission denied for ${action}. ${HINT}`;

/** As neo4j: a role-less user `ann` who gets role `r`, a target user, a spare role, and `r2` for denials. */
function setup(): { admin: Session; ann: () => Session } {
  const admin = freshSession();
  admin.runScript(`
    CREATE USER ann SET PASSWORD 'ann-password' CHANGE NOT REQUIRED;
    CREATE USER victim SET PASSWORD 'victim-password' SET TAGS 'x';
    CREATE ROLE r; CREATE ROLE r2; CREATE ROLE other;
    GRANT ROLE other TO victim;
    GRANT ROLES r, r2 TO ann;
  `);
  return { admin, ann: () => admin.db.session({ user: 'ann' }) };
}

const CASES: readonly { privilege: string; statement: string; needs: string }[] = [
  { privilege: 'CREATE USER', statement: "CREATE USER x SET PASSWORD 'abcd1234'", needs: 'CREATE USER' },
  { privilege: 'DROP USER', statement: 'DROP USER victim', needs: 'DROP USER' },
  { privilege: 'RENAME USER', statement: 'RENAME USER victim TO victim2', needs: 'RENAME USER' },
  { privilege: 'ALTER USER', statement: 'ALTER USER victim SET STATUS SUSPENDED', needs: 'SET USER STATUS' },
  { privilege: 'SET USER STATUS', statement: 'ALTER USER victim SET STATUS SUSPENDED', needs: 'SET USER STATUS' },
  { privilege: 'SET PASSWORDS', statement: "ALTER USER victim SET PASSWORD 'new-password-1'", needs: 'SET PASSWORDS' },
  { privilege: 'SET PASSWORD', statement: 'ALTER USER victim SET PASSWORD CHANGE NOT REQUIRED', needs: 'SET PASSWORDS' },
  { privilege: 'SET AUTH', statement: "ALTER USER victim SET AUTH 'oidc' {SET ID 'v1'}", needs: 'SET AUTH' },
  { privilege: 'SET USER HOME DATABASE', statement: 'ALTER USER victim SET HOME DATABASE sales', needs: 'SET USER HOME DATABASE' },
  { privilege: 'SET USER METADATA', statement: "ALTER USER victim ADD TAGS 'y'", needs: 'SET USER METADATA' },
  { privilege: 'USER METADATA MANAGEMENT', statement: "ALTER USERS victim, ann SET TAGS 'z'", needs: 'SET USER METADATA' },
  { privilege: 'SHOW USER', statement: 'SHOW USERS', needs: 'SHOW USER' },
  { privilege: 'USER MANAGEMENT', statement: 'DROP USER victim', needs: 'DROP USER' },
  { privilege: 'CREATE ROLE', statement: 'CREATE ROLE fresh', needs: 'CREATE ROLE' },
  { privilege: 'DROP ROLE', statement: 'DROP ROLE other', needs: 'DROP ROLE' },
  { privilege: 'RENAME ROLE', statement: 'RENAME ROLE other TO other2', needs: 'RENAME ROLE' },
  { privilege: 'ASSIGN ROLE', statement: 'GRANT ROLE reader TO victim', needs: 'ASSIGN ROLE' },
  { privilege: 'REMOVE ROLE', statement: 'REVOKE ROLE other FROM victim', needs: 'REMOVE ROLE' },
  { privilege: 'SHOW ROLE', statement: 'SHOW ROLES', needs: 'SHOW ROLE' },
  { privilege: 'ROLE MANAGEMENT', statement: 'CREATE ROLE fresh', needs: 'CREATE ROLE' },
  { privilege: 'SHOW PRIVILEGE', statement: 'SHOW PRIVILEGES', needs: 'SHOW PRIVILEGE' },
  { privilege: 'ASSIGN PRIVILEGE', statement: 'GRANT SHOW USER ON DBMS TO other', needs: 'ASSIGN PRIVILEGE' },
  { privilege: 'REMOVE PRIVILEGE', statement: 'REVOKE SHOW USER ON DBMS FROM other', needs: 'REMOVE PRIVILEGE' },
  { privilege: 'PRIVILEGE MANAGEMENT', statement: 'SHOW ROLE other PRIVILEGES', needs: 'SHOW PRIVILEGE' },
  { privilege: 'ALL DBMS PRIVILEGES', statement: "CREATE USER x SET PASSWORD 'abcd1234'", needs: 'CREATE USER' },
  { privilege: 'ALL PRIVILEGES', statement: 'DROP ROLE other', needs: 'DROP ROLE' },
];

describe.each(CASES)('$privilege ON DBMS, for `$statement`', ({ privilege, statement, needs }) => {
  it('allows it once granted to a role of the user', () => {
    const { admin, ann } = setup();
    admin.run(`GRANT ${privilege} ON DBMS TO r`);
    expect(() => ann().run(statement)).not.toThrow();
  });

  it('is refused while not granted', () => {
    const { ann } = setup();
    expectFailure(ann(), statement, FORBIDDEN, notGranted(needs));
  });

  it('is refused when denied to another of the user’s roles, even though granted', () => {
    const { admin, ann } = setup();
    admin.run(`GRANT ${privilege} ON DBMS TO r`);
    admin.run(`DENY ${privilege} ON DBMS TO r2`);
    expectFailure(ann(), statement, FORBIDDEN, denied(needs));
  });

  it('is refused again once the grant is revoked', () => {
    const { admin, ann } = setup();
    admin.run(`GRANT ${privilege} ON DBMS TO r`);
    admin.run(`REVOKE GRANT ${privilege} ON DBMS FROM r`);
    expectFailure(ann(), statement, FORBIDDEN, notGranted(needs));
  });
});

describe('enforcement', () => {
  // Permissions are remembered per state of the roles and of the user's roles (src/exec/authorize.ts):
  // every change of either must be seen by the very next statement.
  it('sees each grant, denial, revocation and role change at once (regression: remembered permissions)', () => {
    const { admin, ann } = setup();
    expectFailure(ann(), 'SHOW USERS YIELD user', FORBIDDEN, notGranted('SHOW USER'));
    admin.run('GRANT SHOW USER ON DBMS TO other');
    expectFailure(ann(), 'SHOW USERS YIELD user', FORBIDDEN, notGranted('SHOW USER'));
    admin.run('GRANT ROLE other TO ann');
    expect(ann().run('SHOW USERS YIELD user').rows).toEqual(EVERY_USER);
    admin.run('DENY SHOW USER ON DBMS TO r2');
    expectFailure(ann(), 'SHOW USERS YIELD user', FORBIDDEN, denied('SHOW USER'));
    admin.run('REVOKE DENY SHOW USER ON DBMS FROM r2');
    expect(ann().run('SHOW USERS YIELD user').rows).toEqual(EVERY_USER);
    admin.run('REVOKE ROLE other FROM ann');
    expectFailure(ann(), 'SHOW USERS YIELD user', FORBIDDEN, notGranted('SHOW USER'));
  });

  it('a DENY on an including privilege wins over a GRANT of the included one', () => {
    const { admin, ann } = setup();
    admin.run('GRANT DROP USER ON DBMS TO r');
    admin.run('DENY USER MANAGEMENT ON DBMS TO r2');
    expectFailure(ann(), 'DROP USER victim', FORBIDDEN, denied('DROP USER'));
  });

  it('REVOKE without GRANT or DENY removes both', () => {
    const { admin, ann } = setup();
    admin.run('GRANT DROP USER ON DBMS TO r');
    admin.run('DENY DROP USER ON DBMS TO r');
    admin.run('REVOKE DROP USER ON DBMS FROM r');
    expect(admin.run('SHOW ROLE r PRIVILEGES').rows).toEqual([]);
    expectFailure(ann(), 'DROP USER victim', FORBIDDEN, notGranted('DROP USER'));
  });

  it('PUBLIC gives a privilege to every user', () => {
    const { admin, ann } = setup();
    admin.run('GRANT SHOW USER ON DBMS TO PUBLIC');
    expect(ann().run('SHOW USERS YIELD user').rows).toHaveLength(3);
  });

  it('a suspended user holds no privileges', () => {
    const { admin } = setup();
    admin.run('GRANT SHOW USER ON DBMS TO r');
    admin.run('ALTER USER ann SET STATUS SUSPENDED');
    expectFailure(admin.db.session({ user: 'ann' }), 'SHOW USERS', FORBIDDEN, notGranted('SHOW USER'));
  });

  it('names every missing privilege, sorted', () => {
    const { ann } = setup();
    expectFailure(
      ann(),
      "ALTER USER victim ADD TAGS 'q' SET STATUS ACTIVE SET PASSWORD 'new-password-1'",
      FORBIDDEN,
      notGranted('SET PASSWORDS and/or SET USER METADATA and/or SET USER STATUS'),
    );
  });

  it('CREATE OR REPLACE also needs DROP USER', () => {
    const { admin, ann } = setup();
    admin.run('GRANT CREATE USER ON DBMS TO r');
    expectFailure(ann(), "CREATE OR REPLACE USER victim SET PASSWORD 'abcd1234'", FORBIDDEN, notGranted('DROP USER'));
  });

  it('needs nothing for your own password, your own row and your own privileges', () => {
    const { ann } = setup();
    const session = ann();
    expect(session.run('SHOW CURRENT USER YIELD user').rows).toEqual([['ann']]);
    expect(session.run('SHOW USER PRIVILEGES AS COMMANDS').rows.length).toBeGreaterThan(0);
    expect(session.run('SHOW USER ann PRIVILEGES AS COMMANDS').rows.length).toBeGreaterThan(0);
    session.run("ALTER CURRENT USER SET PASSWORD FROM 'ann-password' TO 'ann-password-2'");
    expectFailure(session, 'SHOW USER victim PRIVILEGES', FORBIDDEN, notGranted('SHOW PRIVILEGE and/or SHOW USER'));
  });

  it('tag values need SHOW USER METADATA: without it the column is null', () => {
    const { admin, ann } = setup();
    admin.run('GRANT SHOW USER ON DBMS TO r');
    expect(ann().run("SHOW USERS YIELD user, tags WHERE user = 'victim'").rows).toEqual([['victim', null]]);
    admin.run('GRANT SHOW USER METADATA ON DBMS TO r');
    expect(ann().run("SHOW USERS YIELD user, tags WHERE user = 'victim'").rows).toEqual([['victim', ['x']]]);
  });

  it('admin passes only because it holds ALL DBMS PRIVILEGES', () => {
    const admin = freshSession();
    admin.run('REVOKE GRANT ALL DBMS PRIVILEGES ON DBMS FROM admin');
    expectFailure(admin, 'SHOW USERS', FORBIDDEN, notGranted('SHOW USER'));
  });

  it('with authentication disabled everything is allowed', () => {
    const session = SystemDatabase.create().session({ user: null });
    expect(session.run('SHOW USERS YIELD user').rows).toEqual([['neo4j']]);
  });
});

describe('granting, denying and showing privileges', () => {
  it("lists a role's privileges as Neo4j's manual shows them", () => {
    const { admin } = setup();
    admin.run('CREATE ROLE passwordModifier');
    admin.run('GRANT SET PASSWORDS ON DBMS TO passwordModifier');
    expect(admin.run('SHOW ROLE passwordModifier PRIVILEGES AS COMMANDS;')).toEqual({
      columns: ['command'],
      rows: [['GRANT SET PASSWORD ON DBMS TO `passwordModifier`']],
    });
    admin.run('CREATE ROLE homeDbModifier');
    admin.run('GRANT SET USER HOME DATABASE ON DBMS TO homeDbModifier');
    admin.run('GRANT SET USER STATUS ON DBMS TO homeDbModifier');
    expect(admin.run('SHOW ROLE homeDbModifier PRIVILEGES AS COMMANDS').rows).toEqual([
      ['GRANT SET USER HOME DATABASE ON DBMS TO `homeDbModifier`'],
      ['GRANT SET USER STATUS ON DBMS TO `homeDbModifier`'],
    ]);
  });

  it("in Neo4j's columns, grants and denials side by side", () => {
    const { admin } = setup();
    admin.run('GRANT CREATE USER ON DBMS TO r');
    admin.run('GRANT CREATE USER ON DBMS TO r'); // twice changes nothing
    admin.run('DENY ALL DBMS PRIVILEGES ON DBMS TO r');
    expect(admin.run('SHOW ROLE r PRIVILEGES')).toEqual({
      columns: ['access', 'action', 'resource', 'graph', 'segment', 'role', 'immutable'],
      rows: [
        ['GRANTED', 'create_user', 'database', '*', 'database', 'r', false],
        ['DENIED', 'dbms_actions', 'database', '*', 'database', 'r', false],
      ],
    });
    expect(admin.run('SHOW ROLE r PRIVILEGES AS REVOKE COMMANDS').rows).toEqual([
      ['REVOKE DENY ALL DBMS PRIVILEGES ON DBMS FROM `r`'],
      ['REVOKE GRANT CREATE USER ON DBMS FROM `r`'],
    ]);
  });

  it('SHOW PRIVILEGES lists every role, built-in ones with their defaults', () => {
    const { admin } = setup();
    const all = admin.run('SHOW PRIVILEGES AS COMMANDS').rows.map((r) => r[0]);
    expect(all).toContain('GRANT ALL DBMS PRIVILEGES ON DBMS TO `admin`');
    expect(all).toContain('GRANT ACCESS ON HOME DATABASE TO `PUBLIC`');
    expect(admin.run("SHOW PRIVILEGES YIELD role, action WHERE role = 'reader' RETURN collect(action) AS actions").rows).toEqual([
      [['match', 'match', 'access', 'show_constraint', 'show_index']],
    ]);
  });

  it('refuses a role that does not exist, and IMMUTABLE privileges', () => {
    const { admin } = setup();
    expectFailure(
      admin,
      'GRANT CREATE ROLE ON DBMS TO nobody',
      'Neo.ClientError.General.InvalidArguments',
      "Failed to grant create_role privilege to role 'nobody': Role 'nobody' does not exist.",
    );
    expectFailure(
      admin,
      'DENY CREATE ROLE ON DBMS TO nobody',
      'Neo.ClientError.General.InvalidArguments',
      "Failed to deny create_role privilege to role 'nobody': Role 'nobody' does not exist.",
    );
    expectFailure(
      admin,
      'REVOKE CREATE ROLE ON DBMS FROM nobody',
      'Neo.ClientError.General.InvalidArguments',
      "Failed to revoke create_role privilege from role 'nobody': Role 'nobody' does not exist.",
    );
    // Neo4j's AuthorizationViolationException texts, with authentication enabled.
    expectFailure(
      admin,
      'GRANT IMMUTABLE CREATE ROLE ON DBMS TO r',
      FORBIDDEN,
      'Immutable privileges cannot be granted. Try granting the privilege without the IMMUTABLE keyword.',
    );
    expectFailure(
      admin,
      'DENY IMMUTABLE CREATE ROLE ON DBMS TO r',
      FORBIDDEN,
      'Immutable privileges cannot be denied. Try denying the privilege without the IMMUTABLE keyword.',
    );
    // With authentication disabled they are kept: test/exec/immutable.test.ts.
  });

  it('reads ROLE MANAGEMENT as a privilege and `ROLE management` as a role', async () => {
    const { parse, format } = await import('../../src/index.js');
    const privilege = parse('GRANT ROLE MANAGEMENT ON DBMS TO r').statements[0]!;
    expect(privilege).toMatchObject({ kind: 'grant-privilege', action: 'role_management' });
    const role = parse('GRANT ROLE management TO ann').statements[0]!;
    expect(role).toMatchObject({ kind: 'grant-roles', roles: [{ value: 'management' }] });
    expect(format(parse('revoke deny set passwords on dbms from a, b').statements[0]!)).toBe('REVOKE DENY SET PASSWORD ON DBMS FROM a, b');
  });
});
