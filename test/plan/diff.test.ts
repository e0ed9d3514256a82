/**
 * Change reports (db.plan, db.diff): each kind of change to users, roles and privileges, renames as
 * one change, what is left out on purpose (PUBLIC's members, the users of a dropped role), sorting,
 * and the text lines exactly.
 */
import { describe, expect, it } from 'vitest';
import { planLines, planSummary, SystemDatabase, type Change } from '../../src/index.js';

const SETUP = `
  CREATE ROLE analyst AS COPY OF reader;
  CREATE ROLE legacy;
  CREATE USER jake SET PASSWORD 'jake-secret-1' CHANGE NOT REQUIRED SET TAGS 'finance' SET HOME DATABASE analytics;
  CREATE USER old_bot SET AUTH 'oidc' {SET ID 'bot-1'};
  GRANT ROLES analyst, legacy TO jake;
  GRANT SHOW USER ON DBMS TO legacy;
`;

function base(): SystemDatabase {
  const run = SystemDatabase.create().runScript(SETUP);
  expect(run.statements.filter((s) => s.error)).toEqual([]);
  return run.db;
}

function plan(script: string, db = base()): Change[] {
  const { changes, statements } = db.plan(script);
  expect(statements.filter((s) => s.error)).toEqual([]);
  return [...changes];
}

const lines = planLines;

describe('each kind of change', () => {
  const CASES: readonly { what: string; script: string; lines: string[] }[] = [
    { what: 'a user created', script: "CREATE USER mia SET PASSWORD 'mia-secret-1'", lines: ['+ user mia'] },
    { what: 'a user dropped', script: 'DROP USER old_bot', lines: ['- user old_bot'] },
    {
      what: 'tags and the password',
      script: "ALTER USER jake SET TAGS 'on-call' SET PASSWORD 'jake-secret-2'",
      lines: ['~ user jake  tags: ["finance"] -> ["on-call"]; password changed'],
    },
    {
      what: 'status, home and change required',
      script: 'ALTER USER jake REMOVE HOME DATABASE SET STATUS SUSPENDED SET PASSWORD CHANGE REQUIRED',
      lines: ['~ user jake  passwordChangeRequired: FALSE -> TRUE; suspended: FALSE -> TRUE; home: "analytics" -> NULL'],
    },
    {
      what: 'an auth provider',
      script: "ALTER USER old_bot SET AUTH 'ldap' {SET ID 'cn=bot'}",
      lines: [
        '~ user old_bot  auth: [{provider: "oidc", id: "bot-1"}] -> [{provider: "ldap", id: "cn=bot"}, {provider: "oidc", id: "bot-1"}]',
      ],
    },
    {
      what: 'a role granted: the user and the role change',
      script: 'GRANT ROLE legacy TO old_bot',
      lines: ['~ user old_bot  roles: ["PUBLIC"] -> ["legacy", "PUBLIC"]', '~ role legacy  members: ["jake"] -> ["jake", "old_bot"]'],
    },
    // A new role (or user) carries its memberships in its record: the other side is not reported as changed.
    {
      what: 'a new role granted to a user',
      script: "CREATE ROLE ops; GRANT ROLE ops TO old_bot; CREATE USER mia SET PASSWORD 'mia-secret-1'; GRANT ROLE legacy TO mia",
      lines: ['+ user mia', '+ role ops'],
    },
    {
      what: 'a role revoked',
      script: 'REVOKE ROLE legacy FROM jake',
      lines: ['~ user jake  roles: ["analyst", "legacy", "PUBLIC"] -> ["analyst", "PUBLIC"]', '~ role legacy  members: ["jake"] -> []'],
    },
    { what: 'a user renamed', script: 'RENAME USER old_bot TO bot', lines: ['> user old_bot -> bot'] },
    {
      what: 'a user renamed and altered',
      script: "RENAME USER jake TO jacob; ALTER USER jacob ADD TAGS 'ops'",
      lines: ['> user jake -> jacob  tags: ["finance"] -> ["finance", "ops"]'],
    },
    // Its members' role lists and its privileges' names change with it, but only the role is reported.
    { what: 'a role renamed', script: 'RENAME ROLE legacy TO archived', lines: ['> role legacy -> archived'] },
    {
      what: 'a role dropped, with its privileges (its members are not reported)',
      script: 'DROP ROLE legacy',
      lines: ['- role legacy', '- privilege GRANT SHOW USER ON DBMS TO legacy'],
    },
    {
      what: 'a privilege granted',
      script: 'GRANT CREATE USER ON DBMS TO analyst',
      lines: ['+ privilege GRANT CREATE USER ON DBMS TO analyst'],
    },
    { what: 'a privilege denied', script: 'DENY SHOW USER ON DBMS TO PUBLIC', lines: ['+ privilege DENY SHOW USER ON DBMS TO PUBLIC'] },
    {
      what: 'a privilege revoked',
      script: 'REVOKE SHOW USER ON DBMS FROM legacy',
      lines: ['- privilege GRANT SHOW USER ON DBMS TO legacy'],
    },
    {
      what: 'graph and database privileges, named by their AS COMMANDS text (one per row)',
      script:
        'GRANT TRAVERSE ON GRAPH * NODES A, B TO analyst; DENY ACCESS ON HOME DATABASE TO analyst; REVOKE WRITE ON GRAPH * FROM editor',
      lines: [
        '+ privilege DENY ACCESS ON HOME DATABASE TO analyst',
        '+ privilege GRANT TRAVERSE ON GRAPH * NODE A TO analyst',
        '+ privilege GRANT TRAVERSE ON GRAPH * NODE B TO analyst',
        '- privilege GRANT WRITE ON GRAPH * TO editor',
        '- privilege GRANT WRITE ON GRAPH * TO editor',
      ],
    },
    {
      what: 'a role created as a copy, with the privileges it copied',
      script: 'CREATE ROLE viewer AS COPY OF legacy',
      lines: ['+ role viewer', '+ privilege GRANT SHOW USER ON DBMS TO viewer'],
    },
    {
      what: 'CREATE OR REPLACE: the same user, updated',
      script: "CREATE OR REPLACE USER jake SET PASSWORD 'jake-secret-1' CHANGE NOT REQUIRED",
      lines: [
        '~ user jake  roles: ["analyst", "legacy", "PUBLIC"] -> ["PUBLIC"]; home: "analytics" -> NULL; tags: ["finance"] -> []; password changed',
        '~ role analyst  members: ["jake"] -> []',
        '~ role legacy  members: ["jake"] -> []',
      ],
    },
    { what: 'nothing', script: "GRANT ROLE analyst TO jake; ALTER USER jake SET TAGS 'finance'; SHOW USERS", lines: [] },
  ];

  it.each(CASES)('$what', ({ script, lines: expected }) => {
    expect(lines(plan(script))).toEqual(expected);
  });
});

describe('records', () => {
  it('a user as SHOW USERS WITH AUTH shows it, passwordChanged in after, never a password or a hash', () => {
    const [change] = plan("RENAME USER jake TO jacob; ALTER USER jacob SET PASSWORD 'jake-secret-2' SET AUTH 'oidc' {SET ID 'j'}");
    const user = {
      roles: ['analyst', 'legacy', 'PUBLIC'],
      passwordChangeRequired: false,
      suspended: false,
      home: 'analytics',
      tags: ['finance'],
    };
    expect(change).toEqual({
      type: 'user',
      name: 'jacob',
      actions: ['rename', 'update'],
      before: { user: 'jake', ...user, auth: [{ provider: 'native' }] },
      after: { user: 'jacob', ...user, auth: [{ provider: 'native' }, { provider: 'oidc', id: 'j' }], passwordChanged: true },
    });
    expect(JSON.stringify(change)).not.toMatch(/jake-secret|[0-9a-f]{64}/);
  });

  it('a role with its members, a privilege with SHOW PRIVILEGES columns and its AS COMMANDS name', () => {
    expect(
      plan('RENAME ROLE legacy TO `2026_archive`; GRANT ROLE `2026_archive` TO old_bot; GRANT DROP USER ON DBMS TO `2026_archive`'),
    ).toEqual([
      {
        type: 'user',
        name: 'old_bot',
        actions: ['update'],
        before: expect.objectContaining({ roles: ['PUBLIC'] }),
        after: expect.objectContaining({ roles: ['2026_archive', 'PUBLIC'] }),
      },
      {
        type: 'role',
        name: '2026_archive',
        actions: ['rename', 'update'],
        before: { name: 'legacy', members: ['jake'], immutable: false },
        after: { name: '2026_archive', members: ['jake', 'old_bot'], immutable: false },
      },
      {
        type: 'privilege',
        name: 'GRANT DROP USER ON DBMS TO `2026_archive`',
        actions: ['create'],
        before: null,
        after: {
          access: 'GRANTED',
          action: 'drop_user',
          resource: 'database',
          graph: '*',
          segment: 'database',
          role: '2026_archive',
          immutable: false,
        },
      },
    ]);
  });

  it('the text quotes names only where needed', () => {
    expect(lines(plan('RENAME ROLE legacy TO `2026_archive`; GRANT DROP USER ON DBMS TO `2026_archive`'))).toEqual([
      '> role legacy -> `2026_archive`',
      '+ privilege GRANT DROP USER ON DBMS TO `2026_archive`',
    ]);
  });
});

describe('order and summary', () => {
  const changes = plan(`
    CREATE USER zed SET PASSWORD 'zed-secret-1'; CREATE USER amy SET PASSWORD 'amy-secret-1';
    DROP USER old_bot; ALTER USER jake SET STATUS SUSPENDED;
    CREATE ROLE b_role; RENAME ROLE legacy TO a_role; GRANT CREATE ROLE ON DBMS TO b_role;
  `);

  it('sorts by type (users, roles, privileges), then name; a delete by its old name, a rename by its new one', () => {
    expect(lines(changes)).toEqual([
      '+ user amy',
      '~ user jake  suspended: FALSE -> TRUE', // its roles name a_role now, but that is the rename's change
      '- user old_bot',
      '+ user zed',
      '> role legacy -> a_role',
      '+ role b_role',
      '+ privilege GRANT CREATE ROLE ON DBMS TO b_role',
    ]);
  });

  it('counts adds, changes (renames included) and deletes', () => {
    expect(planSummary(changes)).toBe('Plan: 4 to add, 2 to change, 1 to delete.');
    expect(planSummary([])).toBe('Plan: 0 to add, 0 to change, 0 to delete.');
  });
});

describe('diff between saved databases', () => {
  it('is the plan of the script that led from one to the other', () => {
    const before = base();
    const script = "RENAME USER jake TO jacob; DROP ROLE legacy; CREATE USER mia SET PASSWORD 'mia-secret-1'";
    const after = before.runScript(script).db;
    const restored = SystemDatabase.fromJSON(JSON.stringify(after.toJSON()));
    expect(SystemDatabase.fromJSON(before.toJSON()).diff(restored)).toEqual(before.plan(script).changes);
  });

  it('does not take users of two unrelated databases for renames of each other', () => {
    const a = SystemDatabase.create().runScript("CREATE USER alice SET PASSWORD 'alice-secret'").db;
    const b = SystemDatabase.create().runScript("CREATE USER bob SET PASSWORD 'bob-secret-1'").db;
    expect(lines(a.diff(b))).toEqual(['- user alice', '+ user bob', '~ user neo4j  password changed']);
  });

  it('is empty from a database to itself', () => {
    const db = base();
    expect(db.diff(db)).toEqual([]);
  });
});
