/**
 * Table-driven fidelity: each row is one expectation from Neo4j's own public tests (the source file
 * and test name are in the row), with Neo4j's exact message and position. A row cypher-sysdb does
 * not meet yet carries the reason as `deviation` and runs as `it.fails`: it stays counted, and it
 * turns red the day it starts passing so that the reason is removed. The summary reporter
 * (reporter.ts) prints how many rows there are and how many pass.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse.js';

export interface FidelityRow {
  readonly input: string;
  /** Neo4j's message, without its ` (line L, column C (offset: O))` suffix. */
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly offset: number;
  /** Neo4j's test source: file name under community/cypher/front-end/.../ddl/ and the test's name. */
  readonly source: string;
  /** Why cypher-sysdb differs today; the row then runs as a known deviation. */
  readonly deviation?: string;
}

/** Names rows so that the reporter can count them. */
export const ROW_PREFIX = 'row: ';

/** The first diagnostic as a user sees it: message and start position (1-based line/column, 0-based offset). */
function firstReported(input: string): { message: string; line: number; column: number; offset: number } | undefined {
  const [first] = parse(input).diagnostics;
  if (!first) return undefined;
  const { line, column, offset } = first.span.start;
  return { message: first.message, line, column, offset };
}

export function fidelityTable(family: string, rows: readonly FidelityRow[]): void {
  describe(`fidelity with Neo4j's parser tests: ${family}`, () => {
    for (const row of rows) {
      const run = row.deviation ? it.fails : it;
      run(`${ROW_PREFIX}${row.input}${row.deviation ? ` (known deviation: ${row.deviation})` : ''}`, () => {
        const suffix = ` (line ${row.line}, column ${row.column} (offset: ${row.offset}))`;
        expect(firstReported(row.input)).toEqual({
          message: `${row.message}${suffix}`,
          line: row.line,
          column: row.column,
          offset: row.offset,
        });
      });
    }
  });
}

/**
 * A row from a Neo4j test's expectation as the test writes it: the message with its position suffix.
 * `source` is `<Neo4j test file> / <test name>` (the test name is the input unless stated).
 */
export function neo4j(input: string, expected: string, source: string, deviation?: string): FidelityRow {
  const match = /^(.*) \(line (\d+), column (\d+) \(offset: (\d+)\)\)$/s.exec(expected);
  if (!match) throw new Error(`no position suffix in ${expected}`);
  const [, message = '', line = '', column = '', offset = ''] = match;
  return {
    input,
    message,
    line: Number(line),
    column: Number(column),
    offset: Number(offset),
    source,
    ...(deviation ? { deviation } : {}),
  };
}
