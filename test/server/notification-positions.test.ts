/**
 * Notification positions as applications see them: through the real neo4j-driver over Bolt before
 * and after GQL statuses (5.4 `notifications`, 5.6+ `statuses`), and in the Query API's
 * notification objects (`position` null, or `{offset, line, column}`). Neo4j gives no
 * administration notification a position in the statement; only HomeDatabaseNotFound carries one,
 * (0, 0, 0) (`NotificationWrapping`: `InputPosition.NONE` there, `InputPosition.empty` for the rest).
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type BoltServer } from '../../src/server/index.js';
import { call, startHttp } from '../support/http.js';

const PASSWORD = 'neo4j-secret';
const HOME = "CREATE USER bob SET PASSWORD 'bob-password' SET HOME DATABASE nope";
const NO_EFFECT = 'GRANT ROLE admin TO neo4j';
const PROVIDER = "CREATE USER foo SET AUTH 'sso' { SET ID 'x' }";
const ZERO = { offset: 0, line: 0, column: 0 };

describe.each(['6.0', '5.6', '5.4'] as const)('neo4j-driver over Bolt %s', (version) => {
  let server: BoltServer;
  let driver: Driver;
  const gql = version !== '5.4';

  beforeAll(async () => {
    server = await startServer({ bolt: '127.0.0.1:0', initialPassword: PASSWORD, boltVersions: [version] });
    driver = neo4j.driver(server.boltUrl, neo4j.auth.basic('neo4j', PASSWORD));
  });

  afterAll(async () => {
    await driver.close();
    await server.close();
  });

  const run = async (statement: string) => (await driver.executeQuery(statement, {}, { database: 'system' })).summary;

  it('gives CommandHasNoEffect, AuthProviderNotDefined and ExternalAuthNotEnabled no position', async () => {
    server.reset();
    for (const statement of [NO_EFFECT, PROVIDER]) {
      const summary = await run(statement);
      expect(summary.notifications.length).toBeGreaterThan(0);
      // The driver's way of saying "none": an empty object.
      for (const n of summary.notifications) expect(n.position).toEqual({});
      const statuses = summary.gqlStatusObjects.filter((s) => s.isNotification);
      expect(statuses.map((s) => s.position)).toEqual(summary.notifications.map(() => undefined));
      // The driver fills in the default entries Neo4j leaves out; no _position among them.
      for (const status of statuses) {
        expect(status.diagnosticRecord).toEqual({
          OPERATION: '',
          OPERATION_CODE: '0',
          CURRENT_SCHEMA: '/',
          _severity: status.severity,
          _classification: status.classification,
        });
      }
    }
  });

  it('gives HomeDatabaseNotFound offset 0, line 0, column 0', async () => {
    server.reset();
    const summary = await run(HOME);
    expect(summary.notifications.map((n) => [n.code, n.position])).toEqual([
      ['Neo.ClientNotification.Database.HomeDatabaseNotFound', ZERO],
    ]);
    const [status] = summary.gqlStatusObjects.filter((s) => s.isNotification);
    expect(status?.gqlStatus).toBe(gql ? '00N50' : '03N42');
    expect(status?.position).toEqual(ZERO);
  });
});

describe('the Query API', () => {
  it('writes position null for the notifications without one, and HomeDatabaseNotFound’s (0, 0, 0)', async () => {
    const { url } = await startHttp();
    const positions = async (statement: string) => {
      const answer = await call(url, '/db/system/query/v2', { body: { statement } });
      return (answer.json as { notifications: { code: string; position: unknown }[] }).notifications.map((n) => [n.code, n.position]);
    };
    expect(await positions(NO_EFFECT)).toEqual([['Neo.ClientNotification.Security.CommandHasNoEffect', null]]);
    expect(await positions(PROVIDER)).toEqual([
      ['Neo.ClientNotification.Security.AuthProviderNotDefined', null],
      ['Neo.ClientNotification.Security.ExternalAuthNotEnabled', null],
    ]);
    const provider = await call(url, '/db/system/query/v2', { body: { statement: "CREATE USER bar SET AUTH 'sso' { SET ID 'y' }" } });
    expect(provider.text).toBe(
      JSON.stringify({
        data: { fields: [], values: [] },
        notifications: [
          {
            code: 'Neo.ClientNotification.Security.AuthProviderNotDefined',
            description:
              'The auth provider `sso` is not defined in the configuration. Verify that the spelling is correct or define `sso` in the configuration.',
            severity: 'INFORMATION',
            title: 'The auth provider is not defined.',
            position: null,
            category: 'SECURITY',
          },
          {
            code: 'Neo.ClientNotification.Security.ExternalAuthNotEnabled',
            description: 'Use setting `dbms.security.require_local_user` to enable external auth.',
            severity: 'WARNING',
            title: 'External auth for user is not enabled.',
            position: null,
            category: 'SECURITY',
          },
        ],
        bookmarks: ['FB:sysdb:2'],
      }),
    );
    const home = await call(url, '/db/system/query/v2', { body: { statement: HOME } });
    // Key order as the embedded driver's InputPosition serialises: offset, line, column.
    expect(home.text).toContain('"position":{"offset":0,"line":0,"column":0},"category":"UNRECOGNIZED"');
    expect((home.json as { notifications: unknown[] }).notifications).toEqual([
      {
        code: 'Neo.ClientNotification.Database.HomeDatabaseNotFound',
        description:
          'The home database provided does not currently exist in the DBMS. This command will not take effect until this database is created. (HOME DATABASE: `nope`)',
        severity: 'INFORMATION',
        title: 'The request referred to a home database that does not exist.',
        position: ZERO,
        category: 'UNRECOGNIZED',
      },
    ]);
  });
});
