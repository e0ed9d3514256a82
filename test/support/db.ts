import { expect } from 'vitest';
import { Neo4jError, SystemDatabase, type Session } from '../../src/index.js';

/** A session on a fresh database where `neo4j` has changed its initial password, as in the manual's examples. */
export function freshSession(): Session {
  const session = SystemDatabase.create().session();
  session.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'secret-neo4j'");
  return session;
}

/** Asserts that a statement fails with Neo4j's code and message, and leaves the database as it was. */
export function expectFailure(session: Session, query: string, code: string, message: string, params: Record<string, unknown> = {}): void {
  const before = session.db.toJSON();
  let caught: unknown;
  try {
    session.run(query, params);
  } catch (error) {
    caught = error;
  }
  expect(caught, `expected '${query}' to fail`).toBeInstanceOf(Neo4jError);
  expect({ code: (caught as Neo4jError).code, message: (caught as Neo4jError).message }).toEqual({ code, message });
  expect(session.db.toJSON()).toEqual(before);
}

/** The code and message of the Neo4jError `run` throws (anything else, or no error, fails the test). */
export function neo4jFailure(run: () => unknown, what = 'the statement'): { code: string; message: string } {
  try {
    run();
  } catch (error) {
    if (error instanceof Neo4jError) return { code: error.code, message: error.message };
    throw error;
  }
  throw new Error(`${what} did not fail`);
}

export const ARGUMENT_ERROR = 'Neo.ClientError.Statement.ArgumentError';
export const SYNTAX_ERROR = 'Neo.ClientError.Statement.SyntaxError';
