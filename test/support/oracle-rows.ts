/**
 * Rows of statements and the errors Neo4j's front end reports for them, as a user of cypher-sysdb must
 * see them: each row's errors are asserted on our side (message with its position, offset, code), and
 * one more test asks the front end again (@neo4j-cypher/language-support's analyzeQuery, Cypher 25),
 * so that no row can drift from Neo4j.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, StatusCode } from '../../src/index.js';
import { FrontEnd } from './neo4j-front-end.js';

/** A statement and each error of it as `@offset message`, in the order we report them. */
export type OracleRow = readonly [statement: string, ...errors: string[]];

/** An error of `statement` as a user sees it: Neo4j's message with its position, at that offset, with Neo4j's code. */
function seen(statement: string, error: string) {
  const [, offset, message] = /^@(\d+) (.*)$/s.exec(error) ?? [];
  const at = Number(offset);
  const before = statement.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  return { message: `${message} (line ${line}, column ${column} (offset: ${at}))`, offset: at, code: StatusCode.SyntaxError };
}

export function oracleRows(title: string, rows: readonly OracleRow[]): void {
  describe(title, () => {
    it.each(rows)('%s', (statement, ...errors) => {
      const reported = parse(statement).diagnostics.map((d) => ({ message: d.message, offset: d.span.start.offset, code: d.code }));
      expect(reported).toEqual(errors.map((e) => seen(statement, e)));
    });

    describe("and as Neo4j's front end reports them", () => {
      let frontEnd: FrontEnd;
      beforeAll(async () => {
        frontEnd = await FrontEnd.start();
      });
      afterAll(() => frontEnd.close());

      it('gives every row its errors (in any order: its order varies from run to run)', async () => {
        const results = await frontEnd.analyze(
          rows.map(([statement]) => statement),
          'CYPHER 25',
        );
        const given = results.map((r, i) => [rows[i]?.[0], ...r.errors.map((e) => `@${e.offset} ${e.message}`).sort()]);
        expect(given).toEqual(rows.map(([statement, ...errors]) => [statement, ...[...errors].sort()]));
      }, 120_000);
    });
  });
}
