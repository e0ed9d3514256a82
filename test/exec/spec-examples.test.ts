/**
 * Every example of Neo4j's "Manage users" page (Operations Manual, 2026.06; neo4j/docs-operations,
 * modules/ROOT/pages/authentication-authorization/manage-users.adoc), run end to end, with the result
 * tables the manual prints.
 *
 * Row order: Neo4j sorts SHOW USERS by `user` when the query does not order it
 * (AdministrationShowCommandUtils.generateReturnClause with default order `user`), as the manual's
 * RENAME and `YIELD *` examples show. Two of its tables (SHOW USERS, WITH AUTH) list `neo4j` before
 * `jake`/`jack` anyway; those were not produced by a server, so here they are in Neo4j's sorted order.
 */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';
import { freshSession } from '../support/db.js';

const DEFAULT_COLUMNS = ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'];
const NEO4J_ROW = ['neo4j', ['admin', 'PUBLIC'], false, false, null];

describe('showing users', () => {
  it('a fresh DBMS has the single user neo4j, whose password must be changed', () => {
    const session = SystemDatabase.create().session();
    expect(session.run('SHOW USERS')).toEqual({ columns: DEFAULT_COLUMNS, rows: [['neo4j', ['admin', 'PUBLIC'], true, false, null]] });
  });

  it('SHOW CURRENT USER lists the logged-in user', () => {
    const session = freshSession();
    session.run("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED");
    const asJake = session.db.session({ user: 'jake' });
    expect(asJake.run('SHOW CURRENT USER;')).toEqual({ columns: DEFAULT_COLUMNS, rows: [['jake', ['PUBLIC'], false, false, null]] });
  });

  it('SHOW CURRENT USER returns no rows when authentication is disabled', () => {
    const session = SystemDatabase.create().session({ user: null });
    expect(session.run('SHOW CURRENT USER')).toEqual({ columns: DEFAULT_COLUMNS, rows: [] });
  });

  describe('with neo4j and jake', () => {
    const session = freshSession();
    session.run("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED");

    it('SHOW USERS', () => {
      expect(session.run('SHOW USERS;')).toEqual({ columns: DEFAULT_COLUMNS, rows: [['jake', ['PUBLIC'], false, false, null], NEO4J_ROW] });
    });

    it('reorders columns with YIELD and filters with WHERE', () => {
      expect(session.run("SHOW USER YIELD user, suspended, passwordChangeRequired, roles, home\nWHERE user = 'jake';")).toEqual({
        columns: ['user', 'suspended', 'passwordChangeRequired', 'roles', 'home'],
        rows: [['jake', false, false, ['PUBLIC'], null]],
      });
    });

    it('shapes the output with RETURN', () => {
      expect(session.run("SHOW USERS YIELD roles, user\nWHERE 'admin' IN roles\nRETURN user AS adminUser;")).toEqual({
        columns: ['adminUser'],
        rows: [['neo4j']],
      });
    });

    it('shows tags only when yielded', () => {
      session.run("ALTER USER jake SET TAGS 'finance', 'auditor'");
      expect(session.run('SHOW USERS YIELD user, roles, tags;')).toEqual({
        columns: ['user', 'roles', 'tags'],
        rows: [
          ['jake', ['PUBLIC'], ['finance', 'auditor']],
          ['neo4j', ['admin', 'PUBLIC'], []],
        ],
      });
      expect(session.run('SHOW USERS').columns).toEqual(DEFAULT_COLUMNS);
    });
  });

  describe('WITH AUTH', () => {
    const session = freshSession();
    session.run("CREATE USER jack SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED SET AUTH 'oidc1' {SET ID 'jacksIdForOidc1'}");
    // The manual's table prints nine stars; Neo4j's source shows '***' (issue 15; shared reference section 3).
    const native = { password: '***', changeRequired: false };

    it('gives one row per user per auth provider', () => {
      expect(session.run('SHOW USERS WITH AUTH;')).toEqual({
        columns: [...DEFAULT_COLUMNS, 'provider', 'auth'],
        rows: [
          ['jack', ['PUBLIC'], false, false, null, 'native', native],
          ['jack', ['PUBLIC'], false, false, null, 'oidc1', { id: 'jacksIdForOidc1' }],
          [...NEO4J_ROW, 'native', native],
        ],
      });
    });

    it('filters on the provider', () => {
      expect(session.run("SHOW USERS WITH AUTH\nWHERE provider = 'oidc1';").rows).toEqual([
        ['jack', ['PUBLIC'], false, false, null, 'oidc1', { id: 'jacksIdForOidc1' }],
      ]);
    });
  });
});

describe('creating users', () => {
  const jakeSuspended = ['jake', ['PUBLIC'], true, true, 'anotherdb'];

  it('with password, status and home database', () => {
    const session = freshSession();
    session.run("CREATE USER jake\nSET PASSWORD 'abcd1234' CHANGE REQUIRED\nSET STATUS SUSPENDED\nSET HOME DATABASE anotherDb;");
    expect(session.run("SHOW USERS WHERE user = 'jake'").rows).toEqual([jakeSuspended]);
  });

  it('the same with the auth providers syntax', () => {
    const session = freshSession();
    session.run(
      "CREATE USER jake\nSET STATUS SUSPENDED\nSET HOME DATABASE anotherDb\nSET AUTH 'native' {SET PASSWORD 'abcd1234' SET PASSWORD CHANGE REQUIRED};",
    );
    expect(session.run("SHOW USERS WHERE user = 'jake'").rows).toEqual([jakeSuspended]);
  });

  const encrypted =
    '1,6d57a5e0b3317055454e455f96c98c750c77fb371f3f0634a1b8ff2a55c5b825,190ae47c661e0668a0c8be8a21ff78a4a34cdf918cae3c407e907b73932bd16c';

  it('with an encrypted password from a backup, which verifies as Neo4j hashed it', () => {
    const session = freshSession();
    session.run(`CREATE USER Jake\nSET ENCRYPTED PASSWORD '${encrypted}' CHANGE NOT REQUIRED\nSET STATUS ACTIVE;`);
    expect(session.run("SHOW USERS WHERE user = 'Jake'").rows).toEqual([['Jake', ['PUBLIC'], false, false, null]]);
    // The manual's hash is Neo4j's own hash of 'neo4j': logging in with it proves the format matches.
    const asJake = session.db.session({ user: 'Jake' });
    asJake.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'a-new-password'");
    expect(() => session.db.session({ user: 'Jake' }).run("ALTER CURRENT USER SET PASSWORD FROM 'wrong-one' TO 'a-new-password'")).toThrow(
      "User 'Jake' failed to alter their own password: Invalid principal or credentials.",
    );
  });

  it('the same with the auth providers syntax', () => {
    const session = freshSession();
    session.run(
      `CREATE USER jake\nSET STATUS ACTIVE\nSET AUTH 'native' {\nSET ENCRYPTED PASSWORD '${encrypted}'\nSET PASSWORD CHANGE NOT REQUIRED\n};`,
    );
    expect(session.run('SHOW USERS YIELD * WHERE user = "jake"').rows).toEqual([['jake', ['PUBLIC'], false, false, null, []]]);
    expect(session.db.toJSON().users.find((u) => u.name === 'jake')!.auth).toEqual([
      { provider: 'native', credential: encrypted, changeRequired: false },
    ]);
  });

  it('IF NOT EXISTS does nothing when the user exists', () => {
    const session = freshSession();
    session.run("CREATE USER jake SET PASSWORD 'abcd1234' SET STATUS SUSPENDED");
    const before = session.db.toJSON();
    session.run("CREATE USER jake IF NOT EXISTS\nSET PLAINTEXT PASSWORD 'abcd1234';");
    session.run("CREATE USER jake IF NOT EXISTS\nSET AUTH 'native' {SET PLAINTEXT PASSWORD 'abcd1234'};");
    expect(session.db.toJSON()).toEqual(before);
  });

  it('CREATE OR REPLACE replaces the user (its roles go with it)', () => {
    const session = freshSession();
    session.run("CREATE USER jake SET PASSWORD 'abcd1234' SET STATUS SUSPENDED SET HOME DATABASE other");
    session.run('GRANT ROLE reader TO jake');
    session.run("CREATE OR REPLACE USER jake\nSET PLAINTEXT PASSWORD 'abcd1234';");
    expect(session.run("SHOW USERS WHERE user = 'jake'").rows).toEqual([['jake', ['PUBLIC'], true, false, null]]);
    session.run("CREATE OR REPLACE USER jake\nSET AUTH 'native' {SET PLAINTEXT PASSWORD 'abcd1234'};");
    expect(session.run("SHOW USERS WHERE user = 'jake'").rows).toEqual([['jake', ['PUBLIC'], true, false, null]]);
  });

  it('with tags', () => {
    const session = freshSession();
    session.run("CREATE USER jake\nSET PASSWORD 'abcd1234'\nSET TAGS 'finance', 'auditor';");
    expect(session.run("SHOW USERS YIELD user, tags WHERE user = 'jake'").rows).toEqual([['jake', ['finance', 'auditor']]]);
  });
});

describe('renaming, altering and dropping users', () => {
  const session = freshSession();
  session.run("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED");

  it('RENAME USER', () => {
    session.run('RENAME USER jake TO bob;');
    expect(session.run('SHOW USERS;').rows).toEqual([['bob', ['PUBLIC'], false, false, null], NEO4J_ROW]);
  });

  it('sets a new password and status', () => {
    session.run('ALTER USER bob SET STATUS SUSPENDED');
    session.run("ALTER USER bob\nSET PASSWORD 'abcd5678' CHANGE NOT REQUIRED\nSET STATUS ACTIVE;");
    expect(session.run("SHOW USERS WHERE user = 'bob'").rows).toEqual([['bob', ['PUBLIC'], false, false, null]]);
    session.run("ALTER USER bob\nSET AUTH 'native' {SET PASSWORD 'abcd9999' SET PASSWORD CHANGE NOT REQUIRED}\nSET STATUS ACTIVE;");
    expect(session.db.session({ user: 'bob' }).run("ALTER CURRENT USER SET PASSWORD FROM 'abcd9999' TO 'abcd0000'")).toEqual({
      columns: [],
      rows: [],
    });
  });

  it('expires the password', () => {
    session.run('ALTER USER bob\nSET PASSWORD CHANGE REQUIRED;');
    expect(session.run("SHOW USERS WHERE user = 'bob'").rows[0]![2]).toBe(true);
    session.run('ALTER USER bob SET PASSWORD CHANGE NOT REQUIRED');
    session.run("ALTER USER bob\nSET AUTH 'native' {SET PASSWORD CHANGE REQUIRED};");
    expect(session.run("SHOW USERS WHERE user = 'bob'").rows[0]![2]).toBe(true);
  });

  it('moves to an external OIDC provider', () => {
    session.run("ALTER USER bob\nREMOVE AUTH 'native'\nSET AUTH 'oidc-mysso1' {SET ID 'bobsUniqueMySso1Id'};");
    expect(session.run("SHOW USERS WITH AUTH WHERE user = 'bob'").rows).toEqual([
      ['bob', ['PUBLIC'], null, false, null, 'oidc-mysso1', { id: 'bobsUniqueMySso1Id' }],
    ]);
  });

  it('replaces every provider with two OIDC ones', () => {
    session.run(
      "ALTER USER bob\nREMOVE ALL AUTH\nSET AUTH 'oidc-mysso1' {SET ID 'bobsUniqueMySso1Id'}\nSET AUTH 'oidc-mysso2' {SET ID 'bobsUniqueMySso2Id'};",
    );
    // WHERE after YIELD sees only what was yielded, so `user` is yielded too and dropped by RETURN.
    expect(session.run("SHOW USERS WITH AUTH YIELD user, provider, auth WHERE user = 'bob' RETURN provider, auth")).toEqual({
      columns: ['provider', 'auth'],
      rows: [
        ['oidc-mysso1', { id: 'bobsUniqueMySso1Id' }],
        ['oidc-mysso2', { id: 'bobsUniqueMySso2Id' }],
      ],
    });
  });

  it('sets and removes the home database (stored lower-case)', () => {
    session.run('ALTER USER bob\nSET HOME DATABASE anotherDbOrAlias;');
    expect(session.run("SHOW USERS YIELD user, home WHERE user = 'bob'").rows).toEqual([['bob', 'anotherdboralias']]);
    session.run('ALTER USER bob\nREMOVE HOME DATABASE\nSET STATUS SUSPENDED;');
    expect(session.run("SHOW USERS YIELD user, home, suspended WHERE user = 'bob'").rows).toEqual([['bob', null, true]]);
  });

  it('adds, removes and replaces tags', () => {
    session.run("ALTER USER bob SET TAGS 'finance', 'auditor'");
    session.run("ALTER USER bob\nREMOVE TAG 'auditor'\nADD TAG 'on-call';");
    expect(session.run("SHOW USERS YIELD user, tags WHERE user = 'bob'").rows).toEqual([['bob', ['finance', 'on-call']]]);
    session.run("ALTER USER bob\nSET TAGS 'finance', 'auditor';");
    expect(session.run('SHOW USERS YIELD *;')).toEqual({
      columns: [...DEFAULT_COLUMNS, 'tags'],
      rows: [
        ['bob', ['PUBLIC'], null, true, null, ['finance', 'auditor']],
        [...NEO4J_ROW, []],
      ],
    });
    session.run('ALTER USER bob REMOVE ALL TAGS');
    expect(session.run("SHOW USERS YIELD user, tags WHERE user = 'bob'").rows).toEqual([['bob', []]]);
  });

  it('IF EXISTS makes altering a missing user a no-op', () => {
    const before = session.db.toJSON();
    expect(session.run("ALTER USER nonExistingUser IF EXISTS SET PASSWORD 'abcd1234';")).toEqual({ columns: [], rows: [] });
    expect(session.db.toJSON()).toEqual(before);
  });

  it("ALTER USERS changes several users' tags", () => {
    session.run("CREATE USER carol SET PASSWORD 'abcd1234' SET TAGS 'x'");
    session.run("ALTER USERS bob, carol ADD TAGS 'team-a'");
    session.run("ALTER USERS bob, carol, nobody IF EXISTS REMOVE TAG 'x' ADD TAG 'team-b'");
    expect(session.run('SHOW USERS YIELD user, tags WHERE user IN ["bob", "carol"]').rows).toEqual([
      ['bob', ['team-a', 'team-b']],
      ['carol', ['team-a', 'team-b']],
    ]);
  });

  it('DROP USER', () => {
    session.run('DROP USER bob;');
    session.run('DROP USER carol;');
    expect(session.run('SHOW USERS;').rows).toEqual([NEO4J_ROW]);
  });
});

describe("changing the current user's password", () => {
  it('needs the old password and clears the change requirement', () => {
    const db = SystemDatabase.create({ initialPassword: 'password1' });
    const session = db.session();
    expect(session.run('SHOW CURRENT USER YIELD passwordChangeRequired').rows).toEqual([[true]]);
    session.run("ALTER CURRENT USER\nSET PASSWORD FROM 'password1' TO 'password2';");
    expect(session.run('SHOW CURRENT USER YIELD passwordChangeRequired').rows).toEqual([[false]]);
  });
});
