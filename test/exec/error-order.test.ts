/**
 * Errors Neo4j finds when a command runs come in the order it meets them, not the order our
 * front-end check lists them. Neo4j's CREATE OR REPLACE USER drops the user before it creates one
 * (community/cypher/front-end/.../AdministrationCommand.scala: CreateUser with IfExistsReplace; the
 * system graph's replace first deletes), so replacing yourself fails before the new password is judged.
 */
import { describe, expect, it } from 'vitest';
import { ARGUMENT_ERROR, expectFailure, freshSession, neo4jFailure } from '../support/db.js';

describe('execution-time errors in Neo4j order', () => {
  it('reports replacing yourself before a password that is too short', () => {
    expectFailure(
      freshSession(),
      "CREATE OR REPLACE USER neo4j SET PASSWORD 'wrong'",
      ARGUMENT_ERROR,
      "Failed to replace the specified user 'neo4j': Deleting yourself is not allowed.",
    );
  });

  it('still reports the short password when the user is someone else', () => {
    expectFailure(
      freshSession(),
      "CREATE OR REPLACE USER jake SET PASSWORD 'wrong'",
      ARGUMENT_ERROR,
      'A password must be at least 8 characters.',
    );
  });

  it('keeps the front-end check as a guard: its error stands even where the executor would not fail', () => {
    // IF NOT EXISTS on an existing user writes nothing in the executor; the check's error is what the user sees.
    const session = freshSession();
    expect(neo4jFailure(() => session.run("CREATE USER neo4j IF NOT EXISTS SET PASSWORD 'wrong'"))).toEqual({
      code: ARGUMENT_ERROR,
      message: 'A password must be at least 8 characters.',
    });
  });
});
