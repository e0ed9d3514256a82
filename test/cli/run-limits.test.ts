/** `sysdb run --max-steps / --max-memory`, and exact INTEGERs beyond 2^53 in its JSON. */
import { describe, expect, it } from 'vitest';
import { RUN_HELP } from '../../src/cli/run.js';
import { runCli } from '../support/cli.js';

const SCRIPT = 'SHOW USERS YIELD user RETURN size([x IN range(1, 100) | x]) AS n;\n';

describe('sysdb run budgets', () => {
  it("--max-steps makes a statement over it fail with Neo4j's timeout error", () => {
    expect(runCli(['run', 's.cypher'], { 's.cypher': SCRIPT }).status).toBe(0);
    const run = runCli(['run', 's.cypher', '--max-steps', '50'], { 's.cypher': SCRIPT });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      's.cypher:1: error: The transaction has been terminated. Retry your operation in a new transaction, and you should see a successful result. ' +
        'The transaction has not completed within the specified timeout (db.transaction.timeout). You may want to retry with a longer timeout.  ' +
        '(Neo.ClientError.Transaction.TransactionTimedOut)\n',
    );
  });

  it("--max-memory makes a statement over it fail with Neo4j's memory limit error", () => {
    const run = runCli(['run', 's.cypher', '--max-memory', '400'], { 's.cypher': SCRIPT });
    expect(run.stderr).toBe(
      's.cypher:1: error: The allocation of an extra 800 B would use more than the limit 400 B. Currently using 0 B. db.memory.transaction.max threshold reached ' +
        '(Neo.TransientError.General.TransactionMemoryLimit)\n',
    );
  });

  it('regression: --help gave 5000000 as the default of --max-steps, which is 2000000', () => {
    expect(RUN_HELP).toContain('--max-steps N          evaluation steps one statement may take (default 2000000); beyond, it');
    expect(RUN_HELP).toContain('(default 67108864,\n                         64 MiB)');
    // 1,500,000 list items take more than 2,000,000 steps: over the default, under 5,000,000.
    const big = { 's.cypher': 'SHOW USERS YIELD user RETURN size([x IN range(1, 1500000) WHERE x > 0]) AS n;\n' };
    expect(runCli(['run', 's.cypher'], big).stderr).toContain('(Neo.ClientError.Transaction.TransactionTimedOut)');
    expect(runCli(['run', 's.cypher', '--max-steps', '5000000'], big).status).toBe(0);
  });

  it('refuses a limit that is not a positive integer', () => {
    const run = runCli(['run', 's.cypher', '--max-steps', '1e3'], { 's.cypher': SCRIPT });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("option '--max-steps' needs a positive integer");
  });
});

describe('sysdb run --format json', () => {
  it('prints an INTEGER beyond 2^53 with its exact digits', () => {
    const run = runCli(['run', 's.cypher', '--format', 'json'], {
      's.cypher': 'SHOW USERS YIELD user RETURN 9223372036854775807 AS n, 1.5 AS f;\n',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      '{"statements":[{"query":"SHOW USERS YIELD user RETURN 9223372036854775807 AS n, 1.5 AS f","columns":["n","f"],"rows":[[9223372036854775807,1.5]],"error":null}]}\n',
    );
  });

  it('keeps a --params integer beyond 2^53 exact (JSON numbers have no size limit)', () => {
    const run = runCli(['run', 's.cypher', '--params', 'p.json', '--format', 'json'], {
      's.cypher': 'SHOW USERS YIELD user RETURN $n AS n LIMIT 1;\n',
      'p.json': '{"n": 9007199254740993}',
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('"rows":[[9007199254740993]]');
  });

  it('refuses a --params integer beyond the 64 bits of an INTEGER', () => {
    const run = runCli(['run', 's.cypher', '--params', 'p.json'], {
      's.cypher': 'SHOW USERS YIELD user RETURN $n AS n;\n',
      'p.json': '{"n": 9223372036854775808}',
    });
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe(
      'sysdb run: --params: The parameter value 9223372036854775808 is outside the range of INTEGER (64-bit).',
    );
  });
});
