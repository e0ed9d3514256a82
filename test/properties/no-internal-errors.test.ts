/**
 * Any statement the grammar can produce, run against a database: it either succeeds or fails with a
 * Neo4j error (status code and message), never with an internal error. This property would have
 * caught aggregation in WHERE, which used to reach the evaluator and crash it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { format, formatExpression, Neo4jError, parse, SystemDatabase } from '../../src/index.js';
import { arbitraryExpression, arbitraryStatement } from '../support/arbitraries.js';

const PARAMS = { p: 'password-1', u: 'neo4j', r: 'reader', n: 1, list: ['a'] };

describe('no internal errors', () => {
  it('for generated statements, in the checks and when run (as the initial user and with auth disabled)', () => {
    const db = SystemDatabase.create();
    fc.assert(
      fc.property(arbitraryStatement, fc.boolean(), (statement, authDisabled) => {
        const text = format(statement, { revealPasswords: true });
        for (const d of parse(text).diagnostics) expect(d.message).not.toMatch(/^Internal error/);
        try {
          db.execute(text, PARAMS, authDisabled ? { user: null } : {});
        } catch (error) {
          expect(error).toBeInstanceOf(Neo4jError);
          expect((error as Neo4jError).message).not.toMatch(/^Internal error/);
        }
      }),
      { numRuns: 1500 },
    );
  });

  // cypher-shell's `:param` values are expressions too: they crashed runScript (regression).
  it('for :param values, in the checks and when a script sets them', () => {
    const db = SystemDatabase.create();
    fc.assert(
      fc.property(arbitraryExpression, (value) => {
        const script = `:param x => ${formatExpression(value)}\nSHOW CURRENT USER YIELD user`;
        for (const d of parse(script).diagnostics) expect(d.message).not.toMatch(/^Internal error/);
        for (const run of db.runScript(script, { params: PARAMS, onError: 'continue' }).statements) {
          expect(run.error?.code).not.toBe('CypherSysdb.InternalError');
        }
      }),
      { numRuns: 1000 },
    );
  });
});
