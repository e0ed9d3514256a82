/**
 * db.dump(): a script that recreates the database on a fresh DBMS, run there as neo4j. Each state
 * below is replayed and compared: diff(state, replay) is empty, and every statement runs. States
 * `neo4j` cannot recreate by itself are written as comments and reported.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planLines, SystemDatabase } from '../../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

function built(script: string, user: string | null = 'neo4j', params: Record<string, unknown> = {}): SystemDatabase {
  const run = SystemDatabase.create().runScript(script, { user, params });
  expect(run.statements.filter((s) => s.error).map((s) => `${s.query}: ${s.error?.message}`)).toEqual([]);
  return run.db;
}

export function replayed(db: SystemDatabase) {
  const notes: string[] = [];
  const script = db.dump({ onNote: (n) => notes.push(n) });
  // A dump with IMMUTABLE says to run it with authentication disabled, as Neo4j requires.
  const user = script.includes('dbms.security.auth_enabled=false') ? null : 'neo4j';
  const replay = SystemDatabase.create().runScript(script, { onError: 'continue', user });
  return {
    script,
    notes,
    errors: replay.statements.filter((s) => s.error).map((s) => `${s.query}: ${s.error?.message}`),
    changes: planLines(db.diff(replay.db)),
  };
}

describe('the dump of a database recreates it on a fresh DBMS', () => {
  const CASES: readonly { what: string; script: string; user?: null }[] = [
    { what: 'a fresh DBMS', script: '' },
    { what: 'the onboarding fixture', script: fixture('onboarding.cypher').replace('$jakePassword', "'jake-Secret-1'") },
    { what: 'the access-rules fixture', script: fixture('access-rules.cypher').replace('$samPassword', "'sam-Secret-1'") },
    {
      what: 'every user setting',
      script: `CREATE USER jake SET PASSWORD 'jake-secret-1' CHANGE NOT REQUIRED SET STATUS SUSPENDED SET HOME DATABASE \`sales.eu\`
                 SET TAGS ['a', "it's"] SET AUTH 'oidc' {SET ID 'j-1'} SET AUTH 'ldap' {SET ID 'cn=jake,dc=x'};
               CREATE USER \`odd.name\` SET AUTH 'oidc' {SET ID 'o'}`,
    },
    {
      what: 'copies of built-in roles with DBMS privileges added and taken away',
      script: `CREATE ROLE boss AS COPY OF admin; REVOKE ALL DBMS PRIVILEGES ON DBMS FROM boss; GRANT SHOW USER ON DBMS TO boss;
               CREATE ROLE viewer AS COPY OF reader; CREATE ROLE empty; CREATE ROLE copy2 AS COPY OF viewer; DENY DROP USER ON DBMS TO copy2;
               CREATE ROLE pub AS COPY OF PUBLIC`,
    },
    {
      what: 'built-in roles dropped, re-created empty and swapped',
      script: `DROP ROLE architect; DROP ROLE publisher; CREATE ROLE publisher;
               CREATE ROLE t AS COPY OF reader; DROP ROLE reader; CREATE ROLE reader AS COPY OF editor;
               DROP ROLE editor; CREATE ROLE editor AS COPY OF t; DROP ROLE t; GRANT ROLE reader TO neo4j`,
    },
    {
      what: 'a DENY to PUBLIC that would stop neo4j creating users',
      script: "CREATE USER mia SET PASSWORD 'mia-secret-1'; DENY CREATE USER ON DBMS TO PUBLIC",
    },
    {
      what: 'admin without ALL DBMS PRIVILEGES, neo4j left with a role of its own',
      script: `CREATE ROLE ops; GRANT USER MANAGEMENT ON DBMS TO ops; GRANT ROLE ops TO neo4j;
               CREATE USER mia SET PASSWORD 'mia-secret-1'; GRANT ROLE admin TO mia;
               DENY SHOW USER METADATA ON DBMS TO admin; REVOKE ALL DBMS PRIVILEGES ON DBMS FROM admin`,
    },
    { what: 'neo4j without admin', script: 'CREATE ROLE boss AS COPY OF admin; GRANT ROLE boss TO neo4j; REVOKE ROLE admin FROM neo4j' },
    {
      what: 'admin dropped, then re-created empty for another user',
      script: `CREATE ROLE boss AS COPY OF admin; GRANT ROLE boss TO neo4j; CREATE USER mia SET PASSWORD 'mia-secret-1';
               DROP ROLE admin; CREATE ROLE admin; GRANT ROLE admin TO mia; GRANT SHOW ROLE ON DBMS TO admin`,
    },
    { what: 'admin dropped', script: 'CREATE ROLE boss AS COPY OF admin; GRANT ROLE boss TO neo4j; DROP ROLE admin' },
    {
      what: 'neo4j with tags, a home, external auth only and no password change required',
      script: "ALTER USER neo4j REMOVE AUTH 'native' SET AUTH 'oidc' {SET ID 'root'} SET TAGS ['ops'] SET HOME DATABASE system",
    },
    {
      what: 'neo4j renamed',
      script: "CREATE USER mia SET PASSWORD 'mia-secret-1'; ALTER USER neo4j SET TAGS 'x'; RENAME USER neo4j TO root",
    },
    {
      what: 'neo4j dropped, another administrator left (auth disabled): neo4j becomes it',
      script:
        "CREATE USER ann SET PASSWORD 'ann-secret-1'; CREATE USER mia SET PASSWORD 'mia-secret-1'; GRANT ROLE admin TO mia; DROP USER neo4j",
      user: null,
    },
    {
      what: 'immutable roles and privileges, on built-in and custom roles, and privileges made immutable in place',
      script: `CREATE IMMUTABLE ROLE analyst; GRANT IMMUTABLE MATCH {*} ON GRAPH * ELEMENTS * TO analyst; GRANT ROLE analyst TO neo4j;
               DENY IMMUTABLE DATABASE MANAGEMENT ON DBMS TO PUBLIC; CREATE ROLE ops AS COPY OF reader; GRANT IMMUTABLE SHOW USER ON DBMS TO ops;
               REVOKE GRANT ACCESS ON DATABASE * FROM reader; GRANT IMMUTABLE ACCESS ON DATABASE * TO reader;
               CREATE OR REPLACE IMMUTABLE ROLE editor; GRANT IMMUTABLE WRITE ON GRAPH * TO editor;
               REVOKE ACCESS ON HOME DATABASE FROM PUBLIC; GRANT IMMUTABLE ACCESS ON HOME DATABASE TO PUBLIC;
               REVOKE LOAD ON ALL DATA FROM admin; GRANT IMMUTABLE LOAD ON ALL DATA TO admin`,
      user: null,
    },
  ];

  it.each(CASES)('$what', ({ script, user }) => {
    const db = built(script, user === undefined ? 'neo4j' : user);
    expect(replayed(db)).toMatchObject({ notes: [], errors: [], changes: [] });
  });
});

describe('what neo4j cannot do on a fresh DBMS is a comment, and reported', () => {
  it('neo4j suspended: Neo4j does not let a user change its own status', () => {
    const { script, notes, errors, changes } = replayed(built('ALTER USER neo4j SET STATUS SUSPENDED', null));
    expect(notes).toEqual([
      'neo4j may not change its own status: run this as another administrator: ALTER USER neo4j SET STATUS SUSPENDED',
    ]);
    expect(script).toContain(
      '\n// Not replayed: neo4j may not change its own status: run this as another administrator.\n// ALTER USER neo4j SET STATUS SUSPENDED;\n',
    );
    expect({ errors, changes }).toEqual({ errors: [], changes: ['~ user neo4j  suspended: TRUE -> FALSE'] });
  });

  it('neo4j dropped and no user left to become', () => {
    const { notes, changes } = replayed(built('DROP USER neo4j', null));
    expect(notes).toEqual(['neo4j may not drop itself: run this as another administrator: DROP USER neo4j']);
    expect(changes).toEqual(['+ user neo4j']);
  });

  it('privileges that were taken from neo4j before a later statement needed them', () => {
    // No order runs both: the DENY needs ASSIGN PRIVILEGE, which the REVOKE takes, and the REVOKE needs REMOVE PRIVILEGE, which the DENY takes.
    const { notes, errors } = replayed(
      built('DENY REMOVE PRIVILEGE ON DBMS TO admin; REVOKE ALL DBMS PRIVILEGES ON DBMS FROM admin', null),
    );
    expect(errors).toEqual([]);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatch(/^they would take from neo4j a privilege the statements before them need: /);
  });

  it('privileges no command gives back (an edited snapshot) and no built-in role holds together', () => {
    const snapshot = built('CREATE ROLE viewer AS COPY OF PUBLIC').toJSON();
    const viewer = snapshot.roles.find((r) => r.name === 'viewer');
    // EXECUTE on one graph: no command gives that row.
    const odd = (p: (typeof snapshot.roles)[number]['privileges'][number]) => (p.action === 'execute' ? { ...p, graph: 'neo4j' } : p);
    const edited = {
      ...snapshot,
      roles: snapshot.roles.map((r) => (r === viewer ? { ...r, privileges: r.privileges.slice(0, 2).map(odd) } : r)),
    };
    const { script, notes, changes } = replayed(SystemDatabase.fromJSON(edited));
    expect(script).toContain('\nCREATE ROLE viewer;\n');
    expect(notes).toEqual([
      'role viewer holds privileges that no command gives back and no built-in role holds together: GRANT EXECUTE FUNCTION * ON DBMS TO `viewer`; GRANT EXECUTE PROCEDURE * ON DBMS TO `viewer`',
    ]);
    expect(changes).toHaveLength(2);
  });
});

describe('database and graph privileges are replayed by their commands', () => {
  it("a role holding only some of a built-in role's rows is CREATE ROLE and its GRANT/DENY lines", () => {
    const snapshot = built('CREATE ROLE viewer AS COPY OF reader').toJSON();
    const viewer = snapshot.roles.find((r) => r.name === 'viewer');
    const edited = { ...snapshot, roles: snapshot.roles.map((r) => (r === viewer ? { ...r, privileges: r.privileges.slice(0, 2) } : r)) };
    const { script, notes, errors, changes } = replayed(SystemDatabase.fromJSON(edited));
    expect(script).toContain(
      '\nCREATE ROLE viewer;\nGRANT MATCH {*} ON GRAPH * NODE * TO `viewer`;\nGRANT MATCH {*} ON GRAPH * RELATIONSHIP * TO `viewer`;\n',
    );
    expect({ notes, errors, changes }).toEqual({ notes: [], errors: [], changes: [] });
  });

  it.each([
    `CREATE ROLE g; GRANT TRAVERSE ON GRAPH * NODES A, \`b c\` TO g; DENY READ {secret} ON GRAPH sales RELATIONSHIP T TO g;
     GRANT WRITE ON HOME GRAPH TO g; GRANT SET LABEL * ON GRAPH sales TO g; GRANT MERGE {*} ON GRAPHS a, b ELEMENTS E TO g;
     GRANT ALL GRAPH PRIVILEGES ON GRAPH x TO g; GRANT ACCESS ON DATABASES a, b TO g; GRANT IMPERSONATE (ann) ON DBMS TO g`,
    'REVOKE MATCH {*} ON GRAPH * FROM reader; GRANT MATCH {name} ON GRAPH * NODES Person TO reader; DENY WRITE ON GRAPH * TO editor',
    'DENY ACCESS ON HOME DATABASE TO PUBLIC; REVOKE ACCESS ON HOME DATABASE FROM PUBLIC; GRANT TRAVERSE ON GRAPH * TO PUBLIC',
    `REVOKE EXECUTE PROCEDURE * ON DBMS FROM PUBLIC; GRANT EXECUTE PROCEDURE db.* ON DBMS TO PUBLIC; REVOKE LOAD ON ALL DATA FROM admin;
     CREATE ROLE etl AS COPY OF PUBLIC; DENY LOAD ON CIDR '192.168.0.0/16' TO etl; GRANT SHOW SETTING dbms.* ON DBMS TO etl`,
  ])('%s', (script) => {
    expect(replayed(built(script))).toMatchObject({ notes: [], errors: [], changes: [] });
  });
});

describe('the script', () => {
  it('reads as a migration: roles, their privileges, users, neo4j; passwords as hashes only', () => {
    const db = built(`CREATE ROLE analyst AS COPY OF reader; GRANT SHOW USER ON DBMS TO analyst;
      CREATE USER jake SET PASSWORD 'jake-secret-1' SET TAGS 'finance'; GRANT ROLE analyst TO jake;
      ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'neo4j-secret'`);
    const hash = (user: string) => db.toJSON().users.find((u) => u.name === user)?.auth[0];
    const credential = (user: string) => (hash(user) as { credential: string }).credential;
    expect(db.dump()).toBe(
      [
        '// Recreates a cypher-sysdb system database on a fresh DBMS: run it there as neo4j.',
        '',
        '// Roles and their privileges',
        'CREATE ROLE analyst;',
        'GRANT MATCH {*} ON GRAPH * NODE * TO `analyst`;',
        'GRANT MATCH {*} ON GRAPH * RELATIONSHIP * TO `analyst`;',
        'GRANT ACCESS ON DATABASE * TO `analyst`;',
        'GRANT SHOW CONSTRAINT ON DATABASE * TO `analyst`;',
        'GRANT SHOW INDEX ON DATABASE * TO `analyst`;',
        'GRANT SHOW USER ON DBMS TO `analyst`;',
        '',
        '// Users and their roles',
        `CREATE USER jake SET ENCRYPTED PASSWORD '${credential('jake')}' CHANGE REQUIRED SET TAGS ['finance'];`,
        'GRANT ROLE analyst TO jake;',
        '',
        '// The initial user, neo4j',
        `ALTER USER neo4j SET ENCRYPTED PASSWORD '${credential('neo4j')}' CHANGE NOT REQUIRED;`,
        '',
      ].join('\n'),
    );
    expect(db.dump()).not.toMatch(/jake-secret|neo4j-secret/);
  });

  it('keeps what takes privileges from neo4j for the end', () => {
    const script = built("CREATE USER mia SET PASSWORD 'mia-secret-1'; DENY CREATE USER ON DBMS TO PUBLIC").dump();
    expect(script.endsWith('\n// Last: what takes privileges from neo4j\nDENY CREATE USER ON DBMS TO `PUBLIC`;\n')).toBe(true);
  });
});

describe('immutable roles and privileges', () => {
  it('are dumped with IMMUTABLE, for a DBMS with authentication disabled', () => {
    const db = built(
      'CREATE IMMUTABLE ROLE analyst; GRANT IMMUTABLE SHOW USER ON DBMS TO analyst; DENY IMMUTABLE DROP ROLE ON DBMS TO reader',
      null,
    );
    // Then neo4j, with its random salt.
    expect(db.dump().split('// The initial user')[0]).toBe(
      [
        '// Recreates a cypher-sysdb system database on a fresh DBMS. It holds immutable roles or privileges, which Neo4j',
        '// creates only with authentication disabled: run it there with dbms.security.auth_enabled=false.',
        '',
        '// Roles and their privileges',
        'CREATE IMMUTABLE ROLE analyst;',
        'DENY IMMUTABLE DROP ROLE ON DBMS TO `reader`;',
        'GRANT IMMUTABLE SHOW USER ON DBMS TO `analyst`;',
        '',
        '',
      ].join('\n'),
    );
  });
});
