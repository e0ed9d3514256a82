/**
 * A soak: 50 neo4j-driver sessions at once, each running 20 administration operations (auto-commit
 * statements, explicit transactions that commit or roll back, statements that fail on purpose, and
 * managed transactions that the driver retries on `Transaction.Outdated`) against one server.
 *
 * What must hold afterwards: the server's database is exactly what running the committed work one
 * unit at a time, in commit order, on a fresh copy of the starting database gives (serialisability);
 * every unit a client was told committed is in it and nothing else is (nothing lost, nothing extra);
 * and every connection the driver opened was closed once it closed (nothing leaked).
 *
 * How the commit order is known: the Dbms commits synchronously, one at a time, and calls its
 * onCommit listeners with each new database, so the list those calls build is the commit order.
 * Each session works only on users and roles named after it (`u7_3`, `r7_3`, `x7_3` for session 7),
 * and runs one operation at a time; so the users and roles a commit changed name the session that
 * made it, and it is that session's next acknowledged unit. Replaying unit by unit, each step must
 * give exactly the database the server had after that commit.
 *
 * Why the comparison can be exact: password hashes are salted. Both the server's database and the
 * replay's are made with `randomBytes` giving zeros, so a hash depends on the password alone, and
 * `toJSON()` (users with their credentials, roles, privileges, the creation sequence) compares whole.
 * Rolled-back and failed work draws salts too; with a constant salt that cannot shift later hashes.
 */
import neo4j, { type Driver, type ManagedTransaction, type Session } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';
import { startServer, type BoltServer } from '../../src/server/index.js';
import { collectingLog, type CollectedLog } from '../support/server.js';

const SESSIONS = 50;
const OPERATIONS = 20;
const ADMIN_PASSWORD = 'soak-admin-secret';

/** The same salt every time: hashes then depend on the password only (see the comment at the top). */
const zeroSalt = (length: number) => new Uint8Array(length);

interface Statement {
  readonly query: string;
  readonly params: Readonly<Record<string, string>>;
}

/** What one commit applied: one auto-commit statement, or a transaction's statements. */
interface Unit {
  readonly user: string | null;
  readonly statements: readonly Statement[];
}

const statement = (query: string, params: Record<string, string> = {}): Statement => ({ query, params });

/** A small deterministic generator (xorshift32), one per session, so that every run has the same mix. */
function generator(seed: number): (n: number) => number {
  let x = (seed * 2654435761) >>> 0 || 1;
  return (n) => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x % n;
  };
}

/** What a session knows of its own users and roles: nobody else touches them, so it knows exactly. */
class Model {
  readonly users = new Map<string, { suspended: boolean }>();
  readonly roles = new Set<string>();
  /** `role user` pairs granted. */
  readonly grants = new Set<string>();

  ungranted(pick: (n: number) => number): { role: string; user: string } | null {
    const pairs: { role: string; user: string }[] = [];
    for (const role of this.roles)
      for (const user of this.users.keys()) if (!this.grants.has(`${role} ${user}`)) pairs.push({ role, user });
    return pairs.length === 0 ? null : (pairs[pick(pairs.length)] ?? null);
  }
}

function any<T>(items: Iterable<T>, pick: (n: number) => number): T | undefined {
  const list = [...items];
  return list.length === 0 ? undefined : list[pick(list.length)];
}

interface Tally {
  autoCommits: number;
  transactionsCommitted: number;
  rolledBack: number;
  failedOnPurpose: number;
  outdatedCommits: number;
  managed: number;
  managedRetries: number;
  managedGaveUp: number;
  reads: number;
}

const code = (error: unknown) => (error as { code?: string }).code;

async function expectCode(promise: Promise<unknown>, expected: string): Promise<void> {
  try {
    await promise;
  } catch (error) {
    if (code(error) === expected) return;
    throw error;
  }
  throw new Error(`expected ${expected}`);
}

/**
 * One session's 20 operations. `committed` gets each unit the server acknowledged, in this session's
 * order (which is its commit order: it waits for each before the next).
 */
async function runSession(s: number, session: Session, server: BoltServer, committed: Unit[], tally: Tally): Promise<void> {
  const pick = generator(s + 1);
  const model = new Model();
  const password = (name: string) => `pw-${name}-secret`;
  const acknowledge = (...statements: Statement[]) => committed.push({ user: 'neo4j', statements });

  /** An auto-commit write: on success it committed exactly once. */
  const autoCommit = async (st: Statement, change: () => void) => {
    await session.run(st.query, st.params);
    acknowledge(st);
    change();
    tally.autoCommits++;
  };

  for (let k = 0; k < OPERATIONS; k++) {
    const user = `u${s}_${k}`;
    const role = `r${s}_${k}`;
    const kind =
      k < 2
        ? ['createUser', 'createRole'][k]
        : ['createUser', 'createRole', 'grant', 'status', 'rename', 'drop', 'commit', 'rollback', 'fail', 'failInTx', 'managed', 'read'][
            pick(12)
          ];
    switch (kind) {
      case 'createUser':
        await autoCommit(statement(`CREATE USER ${user} SET PASSWORD $p CHANGE NOT REQUIRED`, { p: password(user) }), () =>
          model.users.set(user, { suspended: false }),
        );
        break;
      case 'createRole':
        await autoCommit(statement(`CREATE ROLE ${role}`), () => model.roles.add(role));
        break;
      case 'grant': {
        const pair = model.ungranted(pick);
        if (pair === null) {
          await autoCommit(statement(`CREATE ROLE ${role}`), () => model.roles.add(role));
          break;
        }
        await autoCommit(statement(`GRANT ROLE ${pair.role} TO ${pair.user}`), () => model.grants.add(`${pair.role} ${pair.user}`));
        break;
      }
      case 'status': {
        const target = any(model.users.keys(), pick);
        if (target === undefined) {
          await autoCommit(statement(`CREATE USER ${user} SET PASSWORD $p`, { p: password(user) }), () =>
            model.users.set(user, { suspended: false }),
          );
          break;
        }
        const entry = model.users.get(target) ?? { suspended: false };
        const status = entry.suspended ? 'ACTIVE' : 'SUSPENDED';
        await autoCommit(statement(`ALTER USER ${target} SET STATUS ${status}`), () => (entry.suspended = !entry.suspended));
        break;
      }
      case 'rename': {
        const target = any(model.users.keys(), pick);
        if (target === undefined) {
          await autoCommit(statement(`CREATE ROLE ${role}`), () => model.roles.add(role));
          break;
        }
        await autoCommit(statement(`RENAME USER ${target} TO ${user}`), () => {
          model.users.set(user, model.users.get(target) ?? { suspended: false });
          model.users.delete(target);
          for (const grant of [...model.grants]) {
            const [r, u] = grant.split(' ');
            if (u === target) {
              model.grants.delete(grant);
              model.grants.add(`${r} ${user}`);
            }
          }
        });
        break;
      }
      case 'drop': {
        const dropRole = pick(2) === 0;
        const target = dropRole ? any(model.roles, pick) : any(model.users.keys(), pick);
        if (target === undefined) {
          await autoCommit(statement(`CREATE ROLE ${role}`), () => model.roles.add(role));
          break;
        }
        await autoCommit(statement(`DROP ${dropRole ? 'ROLE' : 'USER'} ${target}`), () => {
          if (dropRole) model.roles.delete(target);
          else model.users.delete(target);
          for (const grant of [...model.grants]) if (grant.split(' ')[dropRole ? 0 : 1] === target) model.grants.delete(grant);
        });
        break;
      }
      case 'commit': {
        // An explicit transaction of three statements: one commit, or none when another landed first.
        const statements = [
          statement(`CREATE USER ${user} SET PASSWORD $p`, { p: password(user) }),
          statement(`CREATE ROLE ${role}`),
          statement(`GRANT ROLE ${role} TO ${user}`),
        ];
        const tx = session.beginTransaction();
        for (const st of statements) await tx.run(st.query, st.params);
        try {
          await tx.commit();
        } catch (error) {
          if (code(error) !== 'Neo.TransientError.Transaction.Outdated') throw error;
          tally.outdatedCommits++;
          break;
        }
        acknowledge(...statements);
        model.users.set(user, { suspended: false });
        model.roles.add(role);
        model.grants.add(`${role} ${user}`);
        tally.transactionsCommitted++;
        break;
      }
      case 'rollback': {
        const tx = session.beginTransaction();
        await tx.run(`CREATE ROLE ${role}`);
        await tx.run(`CREATE USER ${user} SET PASSWORD $p`, { p: password(user) });
        await tx.rollback();
        tally.rolledBack++;
        break;
      }
      case 'fail': {
        // Each fails for its own reason, and commits nothing.
        const existing = any(model.roles, pick);
        if (existing !== undefined) await expectCode(session.run(`CREATE ROLE ${existing}`), 'Neo.ClientError.Statement.ArgumentError');
        else await expectCode(session.run(`DROP ROLE ${role}`), 'Neo.ClientError.Statement.ArgumentError');
        await expectCode(session.run(`CREATE USER ${user} SET PASSWORD 'short'`), 'Neo.ClientError.Statement.ArgumentError');
        await expectCode(session.run(`CREAT ROLE ${role}`), 'Neo.ClientError.Statement.SyntaxError');
        tally.failedOnPurpose += 3;
        break;
      }
      case 'failInTx': {
        // The failure rolls the whole transaction back, the role it had created with it.
        const tx = session.beginTransaction();
        await tx.run(`CREATE ROLE ${role}`);
        await expectCode(tx.run(`CREATE ROLE ${role}`), 'Neo.ClientError.Statement.ArgumentError');
        await tx.close();
        tally.failedOnPurpose++;
        break;
      }
      case 'managed': {
        // executeWrite retries on Outdated. Every third one is made to conflict once, so that retries
        // surely happen: between its RUN and its COMMIT another commit (this session's own) lands.
        const statements = [
          statement(`CREATE ROLE ${role}`),
          statement(`CREATE USER ${user} SET PASSWORD $p CHANGE NOT REQUIRED`, { p: password(user) }),
        ];
        const conflict = k % 3 === 0;
        let attempts = 0;
        const done = session.executeWrite(async (tx: ManagedTransaction) => {
          attempts++;
          // Pipelined, as an application would: the less time between BEGIN and COMMIT, the fewer conflicts.
          await Promise.all(statements.map((st) => tx.run(st.query, st.params)));
          if (conflict && attempts === 1) {
            const side = statement(`CREATE ROLE x${s}_${k}`);
            server.dbms.session({ user: null }).run(side.query);
            committed.push({ user: null, statements: [side] });
          }
        });
        try {
          await done;
        } catch (error) {
          // The driver gives up after maxTransactionRetryTime: then no attempt committed.
          if (code(error) !== 'Neo.TransientError.Transaction.Outdated') throw error;
          tally.managedGaveUp++;
          tally.managedRetries += attempts - 1;
          break;
        }
        acknowledge(...statements);
        model.roles.add(role);
        model.users.set(user, { suspended: false });
        tally.managed++;
        tally.managedRetries += attempts - 1;
        break;
      }
      case 'read': {
        // A read commits nothing, and sees exactly this session's users.
        const result = await session.run('SHOW USERS YIELD user WHERE user STARTS WITH $prefix RETURN user ORDER BY user', {
          prefix: `u${s}_`,
        });
        expect(result.records.map((r) => r.get('user') as string)).toEqual([...model.users.keys()].sort());
        tally.reads++;
        break;
      }
      default:
        throw new Error(`no such operation: ${kind}`);
    }
  }
}

/** The session whose users and roles a commit changed; exactly one, or the test's premise is broken. */
function sessionOf(before: SystemDatabase, after: SystemDatabase): number {
  const entries = (db: SystemDatabase) => {
    const json = db.toJSON();
    return new Map([
      ...json.users.map((u) => [`user ${u.name}`, JSON.stringify(u)] as const),
      ...json.roles.map((r) => [`role ${r.name}`, JSON.stringify(r)] as const),
    ]);
  };
  const a = entries(before);
  const b = entries(after);
  const changed = [...new Set([...a.keys(), ...b.keys()])].filter((key) => a.get(key) !== b.get(key));
  const sessions = new Set(
    changed.map((key) => {
      const match = /^(?:user|role) [urx](\d+)_\d+$/.exec(key);
      if (!match) throw new Error(`a commit changed ${key}, which no session owns`);
      return Number(match[1]);
    }),
  );
  const [only, ...others] = sessions;
  if (only === undefined || others.length > 0) throw new Error(`a commit changed ${changed.join(', ')}: expected one session's entities`);
  return only;
}

function replay(db: SystemDatabase, unit: Unit): SystemDatabase {
  let next = db;
  for (const st of unit.statements) next = next.execute(st.query, st.params, { user: unit.user, typedParams: true }).db;
  return next;
}

describe('soak: 50 concurrent driver sessions', () => {
  let server: BoltServer;
  let driver: Driver;
  let initial: SystemDatabase;
  let logged: CollectedLog;
  const commits: SystemDatabase[] = [];

  beforeAll(async () => {
    initial = SystemDatabase.create({ randomBytes: zeroSalt }).execute(
      `ALTER USER neo4j SET PASSWORD '${ADMIN_PASSWORD}' CHANGE NOT REQUIRED`,
    ).db;
    logged = collectingLog();
    server = await startServer({ bolt: '127.0.0.1:0', db: initial, log: logged.log });
    server.dbms.onCommit((db) => commits.push(db));
    driver = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', ADMIN_PASSWORD), {
      maxConnectionPoolSize: 64,
      // The driver waits 1 s, 2 s, 4 s... between attempts; a few seconds of retrying keeps the soak short.
      maxTransactionRetryTime: 3000,
    });
  });

  afterAll(async () => {
    await driver.close();
    await server.close();
  });

  it('commits serialisably, loses nothing, and leaks no connection', async () => {
    const committed: Unit[][] = Array.from({ length: SESSIONS }, () => []);
    const tally: Tally = {
      autoCommits: 0,
      transactionsCommitted: 0,
      rolledBack: 0,
      failedOnPurpose: 0,
      outdatedCommits: 0,
      managed: 0,
      managedRetries: 0,
      managedGaveUp: 0,
      reads: 0,
    };
    await Promise.all(
      committed.map(async (units, s) => {
        const session = driver.session({ database: 'system' });
        try {
          await runSession(s, session, server, units, tally);
        } finally {
          await session.close();
        }
      }),
    );

    // The mix happened: every kind of operation ran, and the driver did retry.
    expect(tally.autoCommits).toBeGreaterThan(100);
    expect(tally.transactionsCommitted + tally.outdatedCommits).toBeGreaterThan(10);
    expect(tally.rolledBack).toBeGreaterThan(10);
    expect(tally.failedOnPurpose).toBeGreaterThan(10);
    expect(tally.managed).toBeGreaterThan(10);
    expect(tally.managedRetries).toBeGreaterThan(0);
    expect(tally.reads).toBeGreaterThan(10);

    // Nothing lost, nothing extra: one commit per acknowledged unit.
    const acknowledged = committed.reduce((n, units) => n + units.length, 0);
    expect(commits.length).toBe(acknowledged);

    // Serialisable: the commits, replayed one unit at a time in their order, give each state in turn.
    const next = committed.map(() => 0);
    let replayed = initial;
    let before = initial;
    for (const [i, after] of commits.entries()) {
      const s = sessionOf(before, after);
      const index = next[s] ?? 0;
      next[s] = index + 1;
      const unit = committed[s]?.[index];
      if (unit === undefined) throw new Error(`commit ${i} is session ${s}'s, which acknowledged fewer`);
      replayed = replay(replayed, unit);
      // Compared as text first: a deep comparison of every step would take seconds.
      if (JSON.stringify(replayed.toJSON()) !== JSON.stringify(after.toJSON()))
        expect(replayed.toJSON(), `after commit ${i}`).toEqual(after.toJSON());
      before = after;
    }
    expect(next).toEqual(committed.map((units) => units.length));
    expect(server.snapshot().toJSON()).toEqual(replayed.toJSON());

    // No connection leaked: after driver.close(), every connection opened was closed.
    await driver.close();
    const opened = logged.lines.flatMap((line) => /^info: connection (\d+) from .* opened$/.exec(line)?.[1] ?? []);
    expect(opened.length).toBeGreaterThanOrEqual(SESSIONS / 2);
    expect(opened.length).toBeLessThanOrEqual(64);
    await Promise.all(opened.map((id) => logged.waitFor(`info: connection ${id} closed`)));
    expect(logged.lines.filter((line) => line.startsWith('warn:'))).toEqual([]);
  }, 60_000);
});
