/**
 * In Cypher 25, revoking a role from a user fails when the role or the user does not exist
 * (neo4j/docs-status-codes, modules/ROOT/pages/errors/gql-errors/42NA8.adoc: "Revoke a role from a
 * user in Cypher 25, where either the role or the user does not exist"; Cypher 5 only notified).
 * Revoking a privilege from a missing role fails too (same page). The texts are cypher-sysdb's
 * GRANT-side wording; the GQLSTATUS chain Neo4j sends (42001 > 42NA8 > 42N09/42N10) is not modelled.
 */
import { describe, it } from 'vitest';
import { ARGUMENT_ERROR, expectFailure, freshSession } from '../support/db.js';

describe('REVOKE from what does not exist (Cypher 25)', () => {
  const session = freshSession();
  session.run('CREATE ROLE r');
  session.run("CREATE USER u SET PASSWORD 'abcdefgh'");

  it.each([
    ['REVOKE ROLE r FROM nobody', "Failed to revoke role 'r' from user 'nobody': User does not exist."],
    ['REVOKE ROLE nothere FROM u', "Failed to revoke role 'nothere' from user 'u': Role does not exist."],
  ])('%s fails', (query, message) => {
    expectFailure(session, query, ARGUMENT_ERROR, message);
  });

  it('a privilege revoked from a role that does not exist fails', () => {
    expectFailure(
      session,
      'REVOKE CREATE ROLE ON DBMS FROM nothere',
      'Neo.ClientError.General.InvalidArguments',
      "Failed to revoke create_role privilege from role 'nothere': Role 'nothere' does not exist.",
    );
  });
});
