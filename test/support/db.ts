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

export const ARGUMENT_ERROR = 'Neo.ClientError.Statement.ArgumentError';
export const SYNTAX_ERROR = 'Neo.ClientError.Statement.SyntaxError';
