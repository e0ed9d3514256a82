/**
 * Syntax errors as Neo4j's front end words and places them, where ours once differed: so far, where the
 * end of input is. Each row is what the front end reports; the shared helper asks it again on every run.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/index.js';
import { oracleRows, type OracleRow } from '../support/oracle-rows.js';

const ROWS: readonly OracleRow[] = [
  // The end of input is the end of the text, after trailing spaces and comments (fixed: it was after the last token).
  ['CREATE USER   ', "@14 Invalid input '': expected a graph pattern, a parameter or an identifier"],
  ['CREATE USER // x', "@16 Invalid input '': expected a graph pattern, a parameter or an identifier"],
  ['CREATE USER /* x */', "@19 Invalid input '': expected a graph pattern, a parameter or an identifier"],
  ['DROP ROLE\n', "@10 Invalid input '': expected a parameter or an identifier"],
  ['SHOW USERS YIELD * RETURN user AS n, ', "@37 Invalid input '': expected an expression"],
];

oracleRows('syntax errors worded as Neo4j words them', ROWS);

describe('the end of input in a script', () => {
  it("is where cypher-shell's statement ends: at its `;`, after its trailing spaces and comments", () => {
    const [first, second] = parse('DROP ROLE  /* r */ ;\nDROP ROLE\n').diagnostics;
    expect(first).toMatchObject({
      message: "Invalid input '': expected a parameter or an identifier (line 1, column 20 (offset: 19))",
      span: { start: { offset: 19, line: 1, column: 20 }, end: { offset: 19 } },
    });
    // The last statement runs to the end of the script, its line break included.
    expect(second).toMatchObject({
      message: "Invalid input '': expected a parameter or an identifier (line 2, column 1 (offset: 10))",
      span: { start: { offset: 31, line: 3, column: 1 } },
    });
  });
});
