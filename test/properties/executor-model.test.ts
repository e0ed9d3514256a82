/**
 * Random sequences of user and role commands against a small reference model of Neo4j's rules: the
 * executor agrees with the model on every statement (success or failure) and on the final SHOW USERS;
 * a failing statement leaves the database deep-equal to before; no generated plaintext password ever
 * shows up in a result, an error or a snapshot; and a database restored from its snapshot behaves
 * like the original.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Neo4jError, SystemDatabase } from '../../src/index.js';

interface ModelUser {
  roles: Set<string>;
  suspended: boolean;
  tags: string[];
  native: boolean;
  /** The id under the 'oidc' provider: Neo4j keeps (provider, id) unique across users. */
  oidc: string | null;
}

interface Model {
  users: Map<string, ModelUser>;
  roles: Set<string>;
}

const NAMES = ['ann', 'bob', 'cyd'];
const ROLES = ['reader', 'editor', 'ops', 'dev'];
const TAGS = ['t1', 't2', 't3'];

type Command = { readonly query: string; readonly params: Record<string, unknown>; readonly apply: (m: Model) => boolean };

const password = fc.stringMatching(/^[A-Za-z0-9]{12}$/).map((s) => `pw-${s}`);
const name = fc.constantFrom(...NAMES);
const role = fc.constantFrom(...ROLES);
const tags = fc.subarray(TAGS, { minLength: 1 });
const list = (values: readonly string[]) => `[${values.map((v) => `'${v}'`).join(', ')}]`;

const commands: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ n: name, pw: password, ifNotExists: fc.boolean(), suspended: fc.boolean() }).map(({ n, pw, ifNotExists, suspended }) => ({
    query: `CREATE USER ${n}${ifNotExists ? ' IF NOT EXISTS' : ''} SET PASSWORD $pw SET STATUS ${suspended ? 'SUSPENDED' : 'ACTIVE'}`,
    params: { pw },
    apply: (m: Model) => {
      if (m.users.has(n)) return ifNotExists;
      m.users.set(n, { roles: new Set(), suspended, tags: [], native: true, oidc: null });
      return true;
    },
  })),
  fc.record({ n: name, id: fc.constantFrom('a', 'b') }).map(({ n, id }) => ({
    query: `CREATE OR REPLACE USER ${n} SET AUTH 'oidc' {SET ID '${n}-${id}'}`,
    params: {},
    apply: (m: Model) => {
      const taken = [...m.users].some(([other, u]) => other !== n && u.oidc === `${n}-${id}`);
      if (taken) return false;
      m.users.set(n, { roles: new Set(), suspended: false, tags: [], native: false, oidc: `${n}-${id}` });
      return true;
    },
  })),
  fc.record({ n: name, t: tags, op: fc.constantFrom('SET', 'ADD', 'REMOVE') }).map(({ n, t, op }) => ({
    query: `ALTER USER ${n} ${op} TAGS ${list(t)}`,
    params: {},
    apply: (m: Model) => {
      const user = m.users.get(n);
      if (!user) return false;
      if (op === 'SET') user.tags = [...t];
      if (op === 'ADD') user.tags = [...new Set([...user.tags, ...t])];
      if (op === 'REMOVE') user.tags = user.tags.filter((x) => !t.includes(x));
      return true;
    },
  })),
  fc.record({ n: name, suspended: fc.boolean(), ifExists: fc.boolean() }).map(({ n, suspended, ifExists }) => ({
    query: `ALTER USER ${n}${ifExists ? ' IF EXISTS' : ''} SET STATUS ${suspended ? 'SUSPENDED' : 'ACTIVE'}`,
    params: {},
    apply: (m: Model) => {
      const user = m.users.get(n);
      if (!user) return ifExists;
      user.suspended = suspended;
      return true;
    },
  })),
  fc.record({ n: name, pw: password }).map(({ n, pw }) => ({
    query: `ALTER USER ${n} SET PASSWORD $pw CHANGE NOT REQUIRED`,
    params: { pw },
    apply: (m: Model) => {
      const user = m.users.get(n);
      if (!user) return false;
      user.native = true;
      return true;
    },
  })),
  fc.record({ from: name, to: name }).map(({ from, to }) => ({
    query: `RENAME USER ${from} TO ${to}`,
    params: {},
    apply: (m: Model) => {
      const user = m.users.get(from);
      if (!user || m.users.has(to)) return false;
      m.users.delete(from);
      m.users.set(to, user);
      return true;
    },
  })),
  fc.record({ n: name, ifExists: fc.boolean() }).map(({ n, ifExists }) => ({
    query: `DROP USER ${n}${ifExists ? ' IF EXISTS' : ''}`,
    params: {},
    apply: (m: Model) => m.users.delete(n) || ifExists,
  })),
  role.map((r) => ({
    query: `CREATE ROLE ${r}`,
    params: {},
    apply: (m: Model) => !m.roles.has(r) && Boolean(m.roles.add(r)),
  })),
  role.map((r) => ({
    query: `DROP ROLE ${r}`,
    params: {},
    apply: (m: Model) => {
      if (!m.roles.delete(r)) return false;
      for (const user of m.users.values()) user.roles.delete(r);
      return true;
    },
  })),
  fc.record({ r: role, n: name, grant: fc.boolean() }).map(({ r, n, grant }) => ({
    query: grant ? `GRANT ROLE ${r} TO ${n}` : `REVOKE ROLE ${r} FROM ${n}`,
    params: {},
    apply: (m: Model) => {
      const user = m.users.get(n);
      if (!m.roles.has(r) || !user) return false;
      if (grant) user.roles.add(r);
      else user.roles.delete(r);
      return true;
    },
  })),
);

function freshModel(): Model {
  return {
    users: new Map([['neo4j', { roles: new Set(['admin']), suspended: false, tags: [], native: true, oidc: null }]]),
    roles: new Set(['admin', 'architect', 'editor', 'publisher', 'reader']),
  };
}

function expectedUsers(model: Model) {
  return [...model.users.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([n, u]) => [n, [...[...u.roles].sort(), 'PUBLIC'], u.suspended, u.tags]);
}

/** Deterministic salts, so that two databases given the same statements hash identically. */
function counterBytes() {
  let counter = 0;
  return (length: number) => Uint8Array.from({ length }, () => counter++ & 0xff);
}

function run(db: SystemDatabase, command: Command): { db: SystemDatabase; output: string; ok: boolean } {
  try {
    const { db: next, result } = db.execute(command.query, command.params);
    return { db: next, output: JSON.stringify(result), ok: true };
  } catch (error) {
    if (!(error instanceof Neo4jError)) throw error;
    return { db, output: `${error.code} ${error.message}`, ok: false };
  }
}

const SHOW = 'SHOW USERS YIELD user, roles, suspended, tags';

describe('the executor against a reference model', () => {
  it('agrees on every statement and on the final users; failures change nothing; no plaintext leaks', () => {
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 25 }), (script) => {
        const model = freshModel();
        let db = SystemDatabase.create({ randomBytes: counterBytes() });
        const passwords = script.flatMap((c) => (typeof c.params['pw'] === 'string' ? [c.params['pw']] : []));
        const outputs: string[] = [];
        for (const command of script) {
          const before = db.toJSON();
          const expectedOk = command.apply(model);
          const step = run(db, command);
          expect(step.ok, `${command.query}: ${step.output}`).toBe(expectedOk);
          if (!step.ok) expect(step.db.toJSON()).toEqual(before);
          outputs.push(step.output);
          db = step.db;
        }
        expect(db.execute(SHOW).result.rows).toEqual(expectedUsers(model));
        outputs.push(JSON.stringify(db.toJSON()), JSON.stringify(db.execute('SHOW USERS WITH AUTH YIELD *').result));
        for (const pw of passwords) for (const output of outputs) expect(output.includes(pw), 'a plaintext password leaked').toBe(false);
      }),
      { numRuns: 200 },
    );
  });

  it('a database restored from its snapshot behaves like the original', () => {
    fc.assert(
      fc.property(fc.array(commands, { maxLength: 12 }), fc.array(commands, { maxLength: 12 }), (setup, then) => {
        const randomBytes = counterBytes();
        let original = SystemDatabase.create({ randomBytes });
        for (const command of setup) original = run(original, command).db;
        let restored = SystemDatabase.fromJSON(JSON.stringify(original.toJSON()), { randomBytes: counterBytes() });
        original = SystemDatabase.fromJSON(original.toJSON(), { randomBytes: counterBytes() });
        for (const command of then) {
          const a = run(original, command);
          const b = run(restored, command);
          expect(b.output).toEqual(a.output);
          original = a.db;
          restored = b.db;
        }
        expect(restored.toJSON()).toEqual(original.toJSON());
      }),
      { numRuns: 40 },
    );
  });
});
