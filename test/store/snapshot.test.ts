/** toJSON / fromJSON: deterministic, hashes only, and a clear error for anything that is not a snapshot. */
import { describe, expect, it, vi } from 'vitest';
import { SnapshotError, SystemDatabase, type Snapshot } from '../../src/index.js';
import { setFreezeStored, ShardedMap } from '../../src/store/sharded.js';

const fixedSalt = (length: number) => new Uint8Array(length).fill(7);

describe('snapshots', () => {
  it('are deterministic: users sorted by name, whatever the order they were created in', () => {
    const a = SystemDatabase.create({ randomBytes: fixedSalt }).runScript(
      "CREATE USER b SET PASSWORD 'abcd1234'; CREATE USER a SET PASSWORD 'abcd1234';",
    ).db;
    const b = SystemDatabase.create({ randomBytes: fixedSalt }).runScript(
      "CREATE USER a SET PASSWORD 'abcd1234'; CREATE USER b SET PASSWORD 'abcd1234';",
    ).db;
    expect(a.toJSON().users.map((u) => u.name)).toEqual(['a', 'b', 'neo4j']);
    expect(JSON.stringify(a.toJSON().users.map(({ created: _, ...u }) => u))).toBe(
      JSON.stringify(b.toJSON().users.map(({ created: _, ...u }) => u)),
    );
  });

  it("hold a user's password as Neo4j's hash, never as text", () => {
    const db = SystemDatabase.create({ randomBytes: fixedSalt }).execute(
      "CREATE USER jake SET PASSWORD 'abcd1234' SET AUTH 'oidc' {SET ID 'j'}",
    ).db;
    const json = JSON.stringify(db.toJSON());
    expect(json).not.toContain('abcd1234');
    expect(db.toJSON().users.find((u) => u.name === 'jake')).toEqual({
      name: 'jake',
      auth: [
        { provider: 'native', credential: expect.stringMatching(/^1,[0-9a-f]{64},(07){32}$/), changeRequired: true },
        { provider: 'oidc', id: 'j' },
      ],
      suspended: false,
      home: null,
      tags: [],
      roles: [],
      created: 7,
    });
  });

  it('restore to a database that keeps verifying passwords', () => {
    const saved = JSON.stringify(SystemDatabase.create().execute("CREATE USER jake SET PASSWORD 'abcd1234'").db.toJSON());
    const session = SystemDatabase.fromJSON(saved).session({ user: 'jake' });
    session.run("ALTER CURRENT USER SET PASSWORD FROM 'abcd1234' TO 'efgh5678'");
    expect(session.run('SHOW CURRENT USER YIELD passwordChangeRequired').rows).toEqual([[false]]);
  });

  it('regression: a snapshot holding an EXECUTE BOOSTED privilege could not be loaded back', () => {
    // Their rows say `execute_boosted` (SHOW PRIVILEGES' action), which the loader did not know.
    const commands = [
      'GRANT EXECUTE BOOSTED PROCEDURE apoc.* ON DBMS TO `r`',
      'DENY EXECUTE BOOSTED FUNCTION db.x ON DBMS TO `r`',
      'GRANT EXECUTE PROCEDURE db.* ON DBMS TO `r`',
      'GRANT EXECUTE FUNCTION * ON DBMS TO `r`',
      'GRANT EXECUTE ADMIN PROCEDURES ON DBMS TO `r`',
      'GRANT SHOW SETTING dbms.* ON DBMS TO `r`',
    ];
    const db = SystemDatabase.create().runScript(['CREATE ROLE r', ...commands].join(';\n')).db;
    const restored = SystemDatabase.fromJSON(JSON.stringify(db.toJSON()));
    const shown = (d: SystemDatabase) => d.execute('SHOW ROLE r PRIVILEGES AS COMMANDS').result.rows.map(([command]) => command);
    expect(shown(restored).sort()).toEqual([...commands].sort());
    expect(restored.toJSON()).toEqual(db.toJSON());
  });

  it.each([
    ['[]', 'Not a cypher-sysdb snapshot: the snapshot must be an object'],
    ['{}', 'Not a cypher-sysdb snapshot: expected "format": "cypher-sysdb/system-database@1"'],
  ])('refuse %s', (json, message) => {
    expect(() => SystemDatabase.fromJSON(json)).toThrow(new SnapshotError(message.replace('Not a cypher-sysdb snapshot: ', '')));
  });

  it('refuse a plaintext where a credential belongs', () => {
    const snapshot = SystemDatabase.create().toJSON();
    const tampered = {
      ...snapshot,
      users: [{ ...snapshot.users[0]!, auth: [{ provider: 'native', credential: 'neo4j', changeRequired: true }] }],
    };
    expect(() => SystemDatabase.fromJSON(JSON.stringify(tampered))).toThrow(
      "Not a cypher-sysdb snapshot: users[0].auth[0].credential must be '<version>,<hash>,<salt>'",
    );
  });
});

/** roles: PUBLIC, admin, architect, editor, publisher, reader, auditor; users: ann (native + oidc 'a'), bob (oidc 'b', roles auditor and reader), neo4j. */
const BASE = JSON.stringify(
  SystemDatabase.create({ randomBytes: fixedSalt })
    .runScript(
      "CREATE ROLE auditor; CREATE USER ann SET PASSWORD 'abcd1234' SET AUTH 'oidc' {SET ID 'a'}; CREATE USER bob SET AUTH 'oidc' {SET ID 'b'} SET TAGS 'x'; GRANT ROLE auditor, reader TO bob;",
    )
    .db.toJSON(),
);

// A hand-edited file can hold anything: the tests write wrong types on purpose.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Editable = { -readonly [K in keyof Snapshot]: any };

/** The base snapshot after a hand edit, as fromJSON reads it from a file. */
function edited(edit: (snapshot: Editable) => void): string {
  const snapshot = JSON.parse(BASE) as Editable;
  edit(snapshot);
  return JSON.stringify(snapshot);
}

describe('what toJSON hands out', () => {
  // The store does not freeze its records for a library user; toJSON hands out the records themselves, so it freezes them.
  it('cannot change the database it came from, even though the store does not freeze its records', () => {
    setFreezeStored(false);
    try {
      const db = SystemDatabase.create().execute("CREATE USER jake SET PASSWORD 'abcd1234' SET TAGS ['a']").db;
      const before = JSON.stringify(db.toJSON());
      const jake = db.toJSON().users.find((u) => u.name === 'jake');
      expect(() => (jake?.tags as string[]).push('b')).toThrow(TypeError);
      expect(() => ((jake as { suspended: boolean }).suspended = true)).toThrow(TypeError);
      expect(JSON.stringify(db.toJSON())).toBe(before);
    } finally {
      setFreezeStored(true);
    }
  });
});

describe('a hand-edited snapshot', () => {
  it('loads when it keeps the rules', () => {
    expect(SystemDatabase.fromJSON(BASE).execute('SHOW USERS YIELD user, roles').result.rows).toEqual([
      ['ann', ['PUBLIC']],
      ['bob', ['auditor', 'reader', 'PUBLIC']],
      ['neo4j', ['admin', 'PUBLIC']],
    ]);
  });

  it.each<[string, (s: Editable) => void, string]>([
    [
      'a user holding a role that does not exist',
      (s) => (s.users[1].roles = ['auditor', 'ghost']),
      "users[1].roles[1]: role 'ghost' does not exist",
    ],
    ['a user listed twice', (s) => s.users.push({ ...s.users[0], created: 9 }), "users[3].name: user 'ann' appears twice (also users[0])"],
    [
      'a role listed twice',
      (s) => s.roles.push({ ...s.roles[5], created: 9 }),
      "roles[7].name: role 'reader' appears twice (also roles[5])",
    ],
    ['no PUBLIC role', (s) => s.roles.shift(), "roles: there is no role 'PUBLIC' (every DBMS has it)"],
    ['a user with two native auths', (s) => s.users[0].auth.push(s.users[2].auth[0]), "users[0].auth[2]: provider 'native' appears twice"],
    [
      'a user with two auths of one external provider',
      (s) => s.users[1].auth.push({ provider: 'oidc', id: 'c' }),
      "users[1].auth[1]: provider 'oidc' appears twice",
    ],
    [
      'a user without auth',
      (s) => (s.users[1].auth = []),
      'users[1].auth: a user needs at least one auth (Neo4j refuses a user without one)',
    ],
    [
      'an external id that another user has',
      (s) => (s.users[1].auth[0].id = 'a'),
      "users[1].auth[0]: provider 'oidc' and id 'a' already belong to user 'ann'",
    ],
    [
      'a user name Neo4j refuses',
      (s) => (s.users[1].name = 'bob smith'),
      "users[1].name: Username 'bob smith' contains illegal characters. Use ascii characters that are not ',', ':' or whitespaces.",
    ],
    ['an empty user name', (s) => (s.users[1].name = ''), 'users[1].name: The provided username is empty.'],
    [
      'a role name Neo4j refuses',
      (s) => (s.roles[6].name = 'audit-team'),
      "roles[6].name: Role name 'audit-team' contains illegal characters. Use simple ascii characters, numbers and underscores.",
    ],
    [
      'an unknown privilege action',
      (s) => (s.roles[0].privileges[1].action = 'fly'),
      "roles[0].privileges[1].action: unknown privilege action 'fly'",
    ],
    [
      'PUBLIC among the roles a user holds',
      (s) => (s.users[1].roles = ['PUBLIC', 'reader']),
      'users[1].roles[0]: every user has PUBLIC; it is never listed',
    ],
    ['a role a user holds twice', (s) => (s.users[1].roles = ['reader', 'reader']), "users[1].roles[1]: role 'reader' appears twice"],
    ['a tag a user has twice', (s) => (s.users[1].tags = ['x', 'y', 'x']), "users[1].tags[2]: tag 'x' appears twice"],
    ['a user created at or after nextSequence', (s) => (s.users[2].created = 10), 'users[2].created: 10 must be below nextSequence (10)'],
    ['a role created at or after nextSequence', (s) => (s.nextSequence = 7), 'roles[6].created: 7 must be below nextSequence (7)'],
    [
      'an immutable role with a mutable privilege',
      (s) => (s.roles[5].immutable = true),
      'roles[5].privileges[0]: an immutable role holds only immutable privileges (Neo4j refuses others)',
    ],
  ])('is refused with its first problem named: %s', (_, edit, message) => {
    expect(() => SystemDatabase.fromJSON(edited(edit))).toThrow(new SnapshotError(message));
  });

  it.each<[string, (s: Editable) => void, string]>([
    ['config', (s) => (s.config = []), 'config must be an object'],
    [
      'config.minimumPasswordLength',
      (s) => (s.config.minimumPasswordLength = '8'),
      'config.minimumPasswordLength must be a non-negative integer',
    ],
    ['config.databases[1]', (s) => (s.config.databases[1] = null), 'config.databases[1] must be a string'],
    ['config.enforcePasswordChange', (s) => (s.config.enforcePasswordChange = 'no'), 'config.enforcePasswordChange must be a boolean'],
    ['nextSequence', (s) => (s.nextSequence = 1.5), 'nextSequence must be a non-negative integer'],
    ['roles', (s) => (s.roles = {}), 'roles must be an array'],
    ['roles[2]', (s) => (s.roles[2] = 'architect'), 'roles[2] must be an object'],
    ['roles[2].name', (s) => (s.roles[2].name = 2), 'roles[2].name must be a string'],
    ['roles[2].privileges', (s) => delete s.roles[2].privileges, 'roles[2].privileges must be an array'],
    [
      'roles[2].privileges[0].access',
      (s) => (s.roles[2].privileges[0].access = 'ALLOWED'),
      'roles[2].privileges[0].access must be GRANTED or DENIED',
    ],
    ['roles[2].privileges[0].segment', (s) => (s.roles[2].privileges[0].segment = 1), 'roles[2].privileges[0].segment must be a string'],
    ['users', (s) => (s.users = null), 'users must be an array'],
    ['users[1].auth[0].id', (s) => delete s.users[1].auth[0].id, 'users[1].auth[0].id must be a string'],
    ['users[1].suspended', (s) => (s.users[1].suspended = 0), 'users[1].suspended must be a boolean'],
    ['users[1].home', (s) => (s.users[1].home = 7), 'users[1].home must be a string'],
    ['users[1].tags[0]', (s) => (s.users[1].tags = [1]), 'users[1].tags[0] must be a string'],
    ['users[1].created', (s) => (s.users[1].created = -1), 'users[1].created must be a non-negative integer'],
    ['roles[2].immutable', (s) => (s.roles[2].immutable = 'yes'), 'roles[2].immutable must be a boolean'],
    [
      'roles[2].privileges[0].immutable',
      (s) => (s.roles[2].privileges[0].immutable = 1),
      'roles[2].privileges[0].immutable must be a boolean',
    ],
  ])('is refused when %s has the wrong type', (_, edit, message) => {
    expect(() => SystemDatabase.fromJSON(edited(edit))).toThrow(new SnapshotError(message));
  });

  it('written before immutability was kept, reads every role and privilege as mutable', () => {
    const db = SystemDatabase.fromJSON(
      edited((s) => {
        for (const role of s.roles) {
          delete role.immutable;
          for (const p of role.privileges) delete p.immutable;
        }
      }),
    );
    expect(db.toJSON()).toEqual(SystemDatabase.fromJSON(edited(() => undefined)).toJSON());
    expect(db.session().run('SHOW PRIVILEGES WHERE immutable').rows).toEqual([]);
  });

  it("keeps a user's roles in the order the executor keeps them, whatever order the file has", () => {
    const db = SystemDatabase.fromJSON(edited((s) => (s.users[1].roles = ['reader', 'auditor'])));
    expect(db.toJSON().users[1]!.roles).toEqual(['auditor', 'reader']);
  });
});

describe('loading a snapshot', () => {
  it('builds the user map in one pass, with no insert (and no shard copy) per user', () => {
    const snapshot = JSON.parse(BASE) as Editable;
    snapshot.users = Array.from({ length: 2000 }, (_, i) => ({ ...snapshot.users[2], name: `user${i}`, created: 6 }));
    const set = vi.spyOn(ShardedMap.prototype, 'set');
    try {
      expect(SystemDatabase.fromJSON(snapshot as Snapshot).toJSON().users).toHaveLength(2000);
      expect(set).not.toHaveBeenCalled();
    } finally {
      set.mockRestore();
    }
  });
});
