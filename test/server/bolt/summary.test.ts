/**
 * Each notification kind on the Bolt wire, with its position as Neo4j gives it. Neo4j's
 * `NotificationWrapping.asKernelNotification` (cypher frontend) creates CommandHasNoEffect,
 * AuthProviderNotDefined and ExternalAuthNotEnabled with `graphdb.InputPosition.empty`
 * (-1, -1, -1) and HomeDatabaseNotPresent with the compiler's `InputPosition.NONE` (0, 0, 0).
 * Bolt ≤5.4 (`AbstractLegacyMetadataHandler`) sends `position` unless it is empty; 5.6+
 * (`DefaultMetadataHandler`) leaves every default entry out of `diagnostic_record`, an empty
 * `_position` among them.
 */
import { describe, expect, it } from 'vitest';
import { Dbms } from '../../../src/index.js';
import { summaryMetadata } from '../../../src/server/bolt/summary.js';

const LEGACY = { major: 5, minor: 4 };
const GQL = { major: 5, minor: 6 };

function outcomeOf(statement: string, setup: readonly string[] = []) {
  const session = new Dbms().session({ user: null, typedParams: true });
  for (const s of setup) session.run(s, {}, { database: 'system' });
  return session.run(statement, {}, { database: 'system' });
}

const KINDS = [
  { name: 'CommandHasNoEffect 00N70', statement: 'GRANT ROLE admin TO neo4j', setup: [] },
  { name: 'CommandHasNoEffect 00N71', statement: 'REVOKE ROLE r FROM neo4j', setup: ['CREATE ROLE r'] },
  {
    name: 'CommandHasNoEffect 00N70 (privilege)',
    statement: 'GRANT CREATE USER ON DBMS TO r',
    setup: ['CREATE ROLE r', 'GRANT CREATE USER ON DBMS TO r'],
  },
  { name: 'CommandHasNoEffect 00N71 (privilege)', statement: 'REVOKE GRANT DROP USER ON DBMS FROM r', setup: ['CREATE ROLE r'] },
  {
    name: 'AuthProviderNotDefined 00N72 and ExternalAuthNotEnabled 01N71',
    statement: "CREATE USER foo SET AUTH 'sso' { SET ID 'x' }",
    setup: [],
  },
] as const;

describe('notifications without a position (InputPosition.empty)', () => {
  it.each(KINDS)('$name: no position before 5.6, no _position (nor any default entry) after', ({ statement, setup }) => {
    const outcome = outcomeOf(statement, setup);
    expect(outcome.summary.notifications.length).toBeGreaterThan(0);
    const legacy = summaryMetadata(outcome, LEGACY, null)['notifications'] as Record<string, unknown>[];
    for (const notification of legacy) expect(Object.keys(notification)).toEqual(['code', 'title', 'description', 'severity', 'category']);
    const statuses = summaryMetadata(outcome, GQL, null)['statuses'] as Record<string, unknown>[];
    expect(statuses.map((s) => s['diagnostic_record'])).toEqual([
      undefined,
      ...outcome.summary.notifications.map((n) => ({ _severity: n.severity, _classification: n.category })),
    ]);
  });
});

describe('HomeDatabaseNotFound (InputPosition.NONE)', () => {
  it('carries offset 0, line 0, column 0 on both wires, as INTEGERs', () => {
    const outcome = outcomeOf("CREATE USER bob SET PASSWORD 'bob-password' SET HOME DATABASE nope");
    expect(summaryMetadata(outcome, LEGACY, null)['notifications']).toEqual([
      {
        code: 'Neo.ClientNotification.Database.HomeDatabaseNotFound',
        title: 'The request referred to a home database that does not exist.',
        description:
          'The home database provided does not currently exist in the DBMS. This command will not take effect until this database is created. (HOME DATABASE: `nope`)',
        severity: 'INFORMATION',
        category: 'UNRECOGNIZED',
        position: { offset: 0n, line: 0n, column: 0n },
      },
    ]);
    expect(summaryMetadata(outcome, GQL, null)['statuses']).toEqual([
      { gql_status: '00001', status_description: 'note: successful completion - omitted result' },
      {
        gql_status: '00N50',
        status_description:
          'note: successful completion - home database not found. The database `nope` does not exist. Verify that the spelling is correct or create the database for the command to take effect.',
        neo4j_code: 'Neo.ClientNotification.Database.HomeDatabaseNotFound',
        title: 'The request referred to a home database that does not exist.',
        description:
          'The home database provided does not currently exist in the DBMS. This command will not take effect until this database is created. (HOME DATABASE: `nope`)',
        diagnostic_record: { _severity: 'INFORMATION', _classification: 'UNRECOGNIZED', _position: { offset: 0n, line: 0n, column: 0n } },
      },
    ]);
  });
});
