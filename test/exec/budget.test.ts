/**
 * A statement's work budget. Texts: neo4j/neo4j Status.java (Transaction.TransactionTimedOut's
 * description) behind TransactionTerminatedException's fixed lead-in, as drivers show it; and
 * MemoryLimitExceededException ("The allocation of an extra ... threshold reached"), whose
 * per-transaction form names db.memory.transaction.max with Status.General.TransactionMemoryLimit.
 */
import { describe, expect, it } from 'vitest';
import { SystemDatabase, type SystemDatabaseOptions } from '../../src/index.js';
import { neo4jFailure } from '../support/db.js';

const TIMED_OUT = {
  code: 'Neo.ClientError.Transaction.TransactionTimedOut',
  message:
    'The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. ' +
    'The transaction has not completed within the specified timeout (db.transaction.timeout). You may want to retry with a longer timeout. ',
};
const MEMORY = 'Neo.TransientError.General.TransactionMemoryLimit';

function failure(query: string, options: SystemDatabaseOptions = {}): { code: string; message: string } {
  return neo4jFailure(() => SystemDatabase.create(options).execute(query), query);
}

const rows = (query: string, options: SystemDatabaseOptions = {}) => SystemDatabase.create(options).execute(query).result.rows;

describe('the step budget (db.transaction.timeout)', () => {
  it('stops nested comprehensions over range() (82 bytes that took over 60 s and 4.3 GB)', () => {
    const query = 'SHOW USERS YIELD user RETURN size([a IN range(1,3000) | [b IN range(1,3000) | [c IN range(1,3000) | c]]]) AS n';
    expect(failure(query)).toEqual(TIMED_OUT);
  });

  it('stops `IN` over a long list inside a comprehension (each comparison is a step)', () => {
    expect(
      failure('SHOW USERS YIELD user RETURN size([x IN range(1, 3000) WHERE x IN range(1, 3000)]) AS n', { maxSteps: 1_000_000 }),
    ).toEqual(TIMED_OUT);
  });

  it('stops nested reduces over range() (each step of each is counted)', () => {
    const query = 'SHOW USERS YIELD user RETURN reduce(s = 0, a IN range(1, 3000) | reduce(t = s, b IN range(1, 3000) | t + b)) AS n';
    expect(failure(query)).toEqual(TIMED_OUT);
  });

  it('is configurable: a statement within the default fails under a smaller one', () => {
    const query = 'SHOW USERS YIELD user RETURN size([x IN range(1, 100) | x + 1]) AS n';
    expect(rows(query)).toEqual([[100]]);
    expect(failure(query, { maxSteps: 150 })).toEqual(TIMED_OUT);
  });
});

describe('the memory budget (db.memory.transaction.max)', () => {
  it('refuses a huge range() before building it', () => {
    expect(failure('SHOW USERS YIELD user RETURN size(range(1, 9223372036854775807)) AS n')).toEqual({
      code: MEMORY,
      message:
        'The allocation of an extra 64.0 EiB would use more than the limit 64.0 MiB. Currently using 0 B. db.memory.transaction.max threshold reached',
    });
  });

  it('stops eight nested replace() calls (1.4 GB before)', () => {
    const a100 = 'a'.repeat(100);
    let expression = `'${a100}'`;
    for (let i = 0; i < 8; i++) expression = `replace(${expression}, 'a', 'aaaaaaaaaa')`;
    expect(failure(`SHOW USERS YIELD user RETURN size(${expression}) AS n`).code).toBe(MEMORY);
  });

  it('stops list concatenation that doubles', () => {
    const query = 'SHOW USERS YIELD user RETURN size([x IN range(1, 40) | range(1, 100000) + range(1, 100000)]) AS n';
    expect(failure(query).code).toBe(MEMORY);
  });

  it('stops string concatenation that grows in a comprehension', () => {
    const query = `SHOW USERS YIELD user RETURN size([x IN range(1, 1000) | '${'a'.repeat(40000)}' + x]) AS n`;
    expect(failure(query).code).toBe(MEMORY);
  });

  it('stops a reduce whose accumulator doubles at each step', () => {
    const query = "SHOW USERS YIELD user RETURN size(reduce(s = 'ab', x IN range(1, 40) | s + s)) AS n";
    expect(failure(query).code).toBe(MEMORY);
  });

  it('charges collect() for the list it builds', () => {
    const session = SystemDatabase.create({ maxMemoryBytes: 20 }).session();
    session.run("CREATE USER u1 SET PASSWORD 'password1'");
    session.run("CREATE USER u2 SET PASSWORD 'password1'");
    // Three users: collect(user) builds a list of three (24 bytes as we count them).
    expect(() => session.run('SHOW USERS YIELD user RETURN collect(user) AS all')).toThrow(
      'The allocation of an extra 24 B would use more than the limit 20 B. Currently using 0 B. db.memory.transaction.max threshold reached',
    );
  });

  it('is configurable, and each statement has its own budget', () => {
    const db = SystemDatabase.create({ maxMemoryBytes: 1024 });
    const query = 'SHOW USERS YIELD user RETURN size(range(1, 100)) AS n';
    expect(db.execute(query).result.rows).toEqual([[100]]);
    expect(db.execute(query).result.rows).toEqual([[100]]);
    expect(() => db.execute('SHOW USERS YIELD user RETURN size(range(1, 200)) AS n')).toThrow(
      'The allocation of an extra 1.6 KiB would use more than the limit 1.0 KiB.',
    );
  });

  it('refuses a limit that is not a positive integer', () => {
    expect(() => SystemDatabase.create({ maxSteps: 0 })).toThrow('maxSteps must be a positive integer, got 0');
    expect(() => SystemDatabase.create({ maxMemoryBytes: 1.5 })).toThrow('maxMemoryBytes must be a positive integer, got 1.5');
  });
});

describe('a script goes on after a statement over budget', () => {
  it('reports the error for that statement alone', () => {
    const run = SystemDatabase.create({ maxSteps: 1000 }).runScript(
      'SHOW USERS YIELD user RETURN size([x IN range(1, 5000) | x]) AS n; SHOW USERS YIELD user RETURN size([x IN range(1, 5) | x]) AS n',
      { onError: 'continue' },
    );
    expect(run.statements.map((s) => s.error?.code ?? s.rows)).toEqual([TIMED_OUT.code, [[5]]]);
  });
});
