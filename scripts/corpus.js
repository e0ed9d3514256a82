// A seeded generator of realistic admin statements: the same corpus on every run and every machine.
// The build warms the CLI's code cache on it, and bench/run.js measures parsing on it.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TAGS = ['finance', 'auditor', 'on-call', 'engineering', 'sales', 'emea', 'apac', 'contractor'];
const ROLES = ['reader', 'editor', 'publisher', 'analyst', 'auditor', 'ops'];
const DATABASES = ['neo4j', 'analytics', 'sales', 'hr'];

export function generateStatements(count, seed = 42) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const user = () => `user${Math.floor(random() * 5000)}`;
  const password = () => `'pw-${Math.floor(random() * 1e9).toString(36)}-secret'`;
  const tags = () => `[${[...new Set([pick(TAGS), pick(TAGS)])].map((t) => `'${t}'`).join(', ')}]`;
  const makers = [
    () =>
      `CREATE USER ${user()} SET PASSWORD ${password()} CHANGE REQUIRED SET STATUS ${pick(['ACTIVE', 'SUSPENDED'])} SET HOME DATABASE ${pick(DATABASES)}`,
    () => `CREATE USER ${user()} IF NOT EXISTS SET PASSWORD ${password()} SET TAGS ${tags()}`,
    () =>
      `CREATE OR REPLACE USER ${user()} SET AUTH 'oidc-${pick(['a', 'b'])}' {SET ID '${Math.floor(random() * 1e9)}'} SET PASSWORD ${password()} CHANGE NOT REQUIRED`,
    () => `ALTER USER ${user()} SET PASSWORD ${password()} SET STATUS ACTIVE`,
    () => `ALTER USER ${user()} IF EXISTS REMOVE HOME DATABASE SET STATUS SUSPENDED`,
    () => `ALTER USER ${user()} REMOVE TAGS ${tags()} ADD TAGS ${tags()}`,
    () => `ALTER USER ${user()} SET TAGS ${tags()}`,
    () => `ALTER USER ${user()} REMOVE AUTH 'oidc-a' SET AUTH 'oidc-b' {SET ID '${Math.floor(random() * 1e9)}'}`,
    () => `ALTER USERS ${user()}, ${user()} IF EXISTS ADD TAGS ${tags()}`,
    () => `RENAME USER ${user()} IF EXISTS TO ${user()}`,
    () => `DROP USER ${user()} IF EXISTS`,
    () => `CREATE ROLE ${pick(ROLES)}${Math.floor(random() * 100)} IF NOT EXISTS AS COPY OF ${pick(ROLES)}`,
    () => `GRANT ROLE ${pick(ROLES)} TO ${user()}`,
    () => `REVOKE ROLE ${pick(ROLES)} FROM ${user()}`,
    () => `SHOW USERS YIELD user, roles, suspended WHERE '${pick(ROLES)}' IN roles AND NOT suspended RETURN user ORDER BY user LIMIT 10`,
    () => `SHOW USERS WITH AUTH WHERE provider = 'oidc-a'`,
    () => `SHOW ROLES YIELD role WHERE role STARTS WITH '${pick(['a', 'e', 'r'])}'`,
    () => `ALTER CURRENT USER SET PASSWORD FROM ${password()} TO ${password()}`,
  ];
  const statements = [];
  for (let i = 0; i < count; i++) statements.push(pick(makers)());
  return statements;
}

// Graph privileges on some elements of a graph, and on whole graphs.
const ELEMENT_PRIVILEGES = ['TRAVERSE', 'READ {*}', 'MATCH {name, email}', 'CREATE', 'DELETE', 'SET PROPERTY {status}'];
const GRAPH_PRIVILEGES = [...ELEMENT_PRIVILEGES, 'WRITE', 'SET LABEL Active', 'REMOVE LABEL *'];
const DBMS_PRIVILEGES = [
  'CREATE USER',
  'DROP ROLE',
  'ROLE MANAGEMENT',
  'USER MANAGEMENT',
  'SHOW PRIVILEGE',
  'SET PASSWORDS',
  'SET USER STATUS',
  'IMPERSONATE (app)',
  'EXECUTE PROCEDURE db.*',
  'EXECUTE BOOSTED FUNCTION apoc.text.*',
  'ALL DBMS PRIVILEGES',
];

/** A seeded corpus of privilege commands, as a role set-up script grants, denies and revokes them. */
export function generatePrivilegeStatements(count, seed = 7) {
  const random = mulberry32(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const role = () => `${pick(ROLES)}${Math.floor(random() * 100)}`;
  const makers = [
    () => `GRANT ${pick(DBMS_PRIVILEGES)} ON DBMS TO ${role()}`,
    () => `DENY ${pick(DBMS_PRIVILEGES)} ON DBMS TO ${role()}`,
    () => `REVOKE GRANT ${pick(DBMS_PRIVILEGES)} ON DBMS FROM ${role()}`,
    () =>
      `GRANT ${pick(ELEMENT_PRIVILEGES)} ON GRAPH ${pick(DATABASES)} ${pick(['NODES *', 'RELATIONSHIPS KNOWS', 'NODES Person, Company'])} TO ${role()}`,
    () =>
      `GRANT ${pick(['ACCESS', 'START', 'INDEX MANAGEMENT', 'TRANSACTION MANAGEMENT (*)'])} ON DATABASE ${pick(DATABASES)} TO ${role()}`,
    () => `DENY ${pick(GRAPH_PRIVILEGES)} ON GRAPH * TO ${role()}`,
    () => `GRANT ROLE ${pick(ROLES)} TO user${Math.floor(random() * 5000)}`,
    () => `SHOW ROLES YIELD role WHERE role STARTS WITH '${pick(['a', 'e', 'r'])}'`,
  ];
  const statements = [];
  for (let i = 0; i < count; i++) statements.push(pick(makers)());
  return statements;
}

/** The corpus as one script; a comment every so often, as real scripts have. */
export function corpusText(statements) {
  return statements.map((s, i) => (i % 25 === 0 ? `// batch ${i / 25}\n${s};\n` : `${s};\n`)).join('');
}
