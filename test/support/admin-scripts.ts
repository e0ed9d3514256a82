/**
 * Random admin scripts over a few names, for properties about whole databases (dump round trips,
 * change reports): users with every setting, roles copied from built-in and custom ones, built-in
 * roles dropped and re-created, memberships, and DBMS, database and graph privileges granted, denied
 * and revoked, to admin and PUBLIC too, IMMUTABLE ones among them. Many statements fail (a user that does not exist, a privilege neo4j lost):
 * a failure changes nothing, so the script still builds a database.
 */
import fc from 'fast-check';

const USERS = ['ann', 'bob', 'cyd', 'neo4j', '`d.e`'];
const ROLES = ['ops', 'dev', 'copy1', 'reader', 'editor', 'admin', 'PUBLIC'];
const BUILT_IN = ['reader', 'editor', 'publisher', 'architect', 'admin', 'PUBLIC'];
const PRIVILEGES = [
  'SHOW USER',
  'CREATE USER',
  'DROP USER',
  'USER MANAGEMENT',
  'SET PASSWORDS',
  'ROLE MANAGEMENT',
  'SHOW ROLE',
  'ASSIGN ROLE',
  'SET USER METADATA',
].map((p) => `${p} ON DBMS`);
/** Database, graph and IMPERSONATE privileges, including some the built-in roles hold (MATCH, WRITE, ACCESS). */
const DATA_PRIVILEGES = [
  'TRAVERSE ON GRAPH * NODES A',
  'READ {p} ON GRAPH * RELATIONSHIPS T',
  'MATCH {*} ON GRAPH *',
  'MATCH {*} ON GRAPH * NODE *',
  'WRITE ON GRAPH *',
  'SET LABEL L, `M n` ON HOME GRAPH',
  'MERGE {a, b} ON GRAPH sales ELEMENTS E',
  'ALL GRAPH PRIVILEGES ON GRAPHS sales, `x y`',
  'ACCESS ON DATABASE *',
  'ACCESS ON HOME DATABASE',
  'SHOW INDEX ON DATABASE *',
  'TRANSACTION MANAGEMENT (ann) ON DATABASE neo4j',
  'IMPERSONATE (bob) ON DBMS',
  'EXECUTE PROCEDURE * ON DBMS',
  'EXECUTE BOOSTED FUNCTION apoc.*, db.x ON DBMS',
  'SHOW SETTING dbms.* ON DBMS',
  'LOAD ON ALL DATA',
  "LOAD ON CIDR '10.0.0.0/8'",
  'DATABASE MANAGEMENT ON DBMS',
  'CREATE ALIAS ON DBMS',
];

const user = fc.constantFrom(...USERS);
const role = fc.constantFrom(...ROLES);
const tags = fc.subarray(['t1', 't2', "it's"], { minLength: 1 }).map((t) => `[${t.map((x) => `'${x.replace("'", "\\'")}'`).join(', ')}]`);

/** A statement and the password it sets, if any (`$pw` in the statement). */
export interface AdminStatement {
  readonly query: string;
  readonly password: string | null;
}

const plain = (query: string): AdminStatement => ({ query, password: null });

/** Passwords are `${marker}-${n}`: a test can look for the marker in any output. */
function adminStatement(marker: string): fc.Arbitrary<AdminStatement> {
  const password = fc.integer({ min: 0, max: 999 }).map((n) => `${marker}-${n}`);
  // External ids are unique across users: most are the user's own, a few are shared (and then refused).
  const settings = (u: string) =>
    fc
      .record({
        status: fc.constantFrom('', ' SET STATUS SUSPENDED', ' SET STATUS ACTIVE'),
        home: fc.constantFrom('', ' SET HOME DATABASE sales', ' SET HOME DATABASE `eu.sales`'),
        tags: fc.option(tags).map((t) => (t === null ? '' : ` SET TAGS ${t}`)),
        auth: fc.constantFrom(
          '',
          ` SET AUTH 'oidc' {SET ID '${u}-1'}`,
          ` SET AUTH 'ldap' {SET ID 'cn=${u}'}`,
          " SET AUTH 'oidc' {SET ID 'shared'}",
        ),
      })
      .map((s) => `${s.status}${s.home}${s.tags}${s.auth}`);
  const change = fc.constantFrom('', ' CHANGE REQUIRED', ' CHANGE NOT REQUIRED');
  return fc.oneof(
    {
      weight: 5,
      arbitrary: user.chain((u) =>
        fc.record({ pw: password, c: change, s: settings(u), ine: fc.boolean() }).map(({ pw, c, s, ine }) => ({
          query: `CREATE USER ${u}${ine ? ' IF NOT EXISTS' : ''} SET PASSWORD $pw${c}${s}`,
          password: pw,
        })),
      ),
    },
    fc
      .record({ u: user, id: fc.constantFrom('a', 'b') })
      .map(({ u, id }) => plain(`CREATE OR REPLACE USER ${u} SET AUTH 'oidc' {SET ID '${u}-${id}'}`)),
    fc
      .record({ u: user, pw: password })
      .map(({ u, pw }) => ({ query: `ALTER USER ${u} SET PASSWORD $pw CHANGE NOT REQUIRED`, password: pw })),
    user.chain((u) => settings(u).map((s) => plain(`ALTER USER ${u} REMOVE HOME DATABASE SET PASSWORD CHANGE REQUIRED${s}`))),
    fc.record({ u: user, t: tags }).map(({ u, t }) => plain(`ALTER USER ${u} ADD TAGS ${t}`)),
    fc.record({ u: user }).map(({ u }) => plain(`ALTER USER ${u} REMOVE AUTH 'native' SET AUTH 'oidc' {SET ID '${u}-n'}`)),
    fc.record({ from: user, to: user }).map(({ from, to }) => plain(`RENAME USER ${from} TO ${to}`)),
    user.map((u) => plain(`DROP USER ${u} IF EXISTS`)),
    {
      weight: 2,
      arbitrary: fc
        .record({ r: role, source: fc.option(fc.constantFrom(...BUILT_IN, 'ops', 'copy1')) })
        .map(({ r, source }) => plain(`CREATE ROLE ${r}${source === null ? '' : ` AS COPY OF ${source}`}`)),
    },
    fc
      .record({ r: role, source: fc.constantFrom(...BUILT_IN) })
      .map(({ r, source }) => plain(`CREATE OR REPLACE ROLE ${r} AS COPY OF ${source}`)),
    role.map((r) => plain(`DROP ROLE ${r}`)),
    fc.record({ from: role, to: role }).map(({ from, to }) => plain(`RENAME ROLE ${from} TO ${to}`)),
    {
      weight: 3,
      arbitrary: fc
        .record({ r: role, u: user, grant: fc.boolean() })
        .map(({ r, u, grant }) => plain(grant ? `GRANT ROLE ${r} TO ${u}` : `REVOKE ROLE ${r} FROM ${u}`)),
    },
    {
      weight: 2,
      arbitrary: fc
        .record({
          verb: fc.constantFrom('GRANT', 'GRANT', 'DENY', 'REVOKE', 'REVOKE GRANT'),
          p: fc.constantFrom(...PRIVILEGES, ...DATA_PRIVILEGES),
          r: role,
        })
        .map(({ verb, p, r }) => plain(`${verb} ${p} ${verb.startsWith('REVOKE') ? 'FROM' : 'TO'} ${r}`)),
    },
    fc.constantFrom(plain('REVOKE ALL DBMS PRIVILEGES ON DBMS FROM admin'), plain('GRANT ALL DBMS PRIVILEGES ON DBMS TO ops')),
    // IMMUTABLE runs only with authentication disabled (asRoot): roles, copies, grants, denies and revokes.
    fc
      .record({ r: role, replace: fc.boolean(), source: fc.option(fc.constantFrom('ops', 'copy1', 'reader')) })
      .map(({ r, replace, source }) =>
        plain(`CREATE ${replace ? 'OR REPLACE ' : ''}IMMUTABLE ROLE ${r}${source === null ? '' : ` AS COPY OF ${source}`}`),
      ),
    {
      weight: 2,
      arbitrary: fc
        .record({
          verb: fc.constantFrom('GRANT IMMUTABLE', 'DENY IMMUTABLE', 'REVOKE IMMUTABLE', 'REVOKE GRANT IMMUTABLE'),
          p: fc.constantFrom(...PRIVILEGES, ...DATA_PRIVILEGES),
          r: role,
        })
        .map(({ verb, p, r }) => plain(`${verb} ${p} ${verb.startsWith('REVOKE') ? 'FROM' : 'TO'} ${r}`)),
    },
  );
}

/** Statements, each run as neo4j or (one in five) with authentication disabled, which reaches what neo4j may not do to itself. */
export function adminScript(marker: string, maxLength = 25) {
  return fc.array(fc.record({ statement: adminStatement(marker), asRoot: fc.nat(4).map((n) => n === 0) }), { maxLength, size: 'large' });
}
