/**
 * One user lifecycle run over Bolt (neo4j-driver) and over HTTP (plain JSON through fetch), each on a
 * fresh server: the same tables, the same system-update counts, the same errors.
 */
import neo4j from 'neo4j-driver';
import { describe, expect, it } from 'vitest';
import { call, PASSWORD, startHttp } from '../../support/http.js';

const SCENARIO: readonly (readonly [string, Record<string, unknown>])[] = [
  ['CREATE USER alice SET PASSWORD $password CHANGE REQUIRED', { password: 'generated-3f9a1c' }],
  ['CREATE ROLE analyst', {}],
  ['GRANT ROLE analyst TO alice', {}],
  ['GRANT ROLE analyst TO alice', {}],
  ['SHOW USERS YIELD user, roles, passwordChangeRequired, suspended ORDER BY user', {}],
  ['ALTER USER alice SET PASSWORD $password CHANGE REQUIRED', { password: 'generated-77e0b2' }],
  ['ALTER USER alice SET STATUS SUSPENDED', {}],
  ['SHOW USERS YIELD user, suspended WHERE user = $user', { user: 'alice' }],
  ['SHOW ROLES WITH USERS YIELD role, member WHERE role = "analyst"', {}],
  ['CREATE USER alice SET PASSWORD $password', { password: 'generated-000000' }],
  ['REVOKE ROLE analyst FROM alice', {}],
  ['DROP USER alice', {}],
  ['SHOW USERS YIELD user RETURN count(*) AS users', {}],
];

interface Step {
  readonly fields?: readonly string[];
  readonly values?: readonly unknown[][];
  readonly systemUpdates?: number;
  readonly notifications?: readonly string[];
  readonly error?: { readonly code: string; readonly message: string };
}

async function overBolt(url: string): Promise<Step[]> {
  const driver = neo4j.driver(url, neo4j.auth.basic('neo4j', PASSWORD), { disableLosslessIntegers: true });
  const steps: Step[] = [];
  try {
    for (const [statement, parameters] of SCENARIO) {
      try {
        const { records, keys, summary } = await driver.executeQuery(statement, parameters, { database: 'system' });
        steps.push({
          fields: keys as string[],
          values: records.map((r) => keys.map((k) => r.get(k) as unknown)),
          systemUpdates: summary.counters.systemUpdates(),
          notifications: summary.notifications.map((n) => n.code),
        });
      } catch (error) {
        const { code, message } = error as { code: string; message: string };
        steps.push({ error: { code, message } });
      }
    }
  } finally {
    await driver.close();
  }
  return steps;
}

async function overHttp(url: string): Promise<Step[]> {
  const steps: Step[] = [];
  for (const [statement, parameters] of SCENARIO) {
    const answer = await call(url, '/db/system/query/v2', { body: { statement, parameters, includeCounters: true } });
    const body = answer.json as {
      data?: { fields: string[]; values: unknown[][] };
      counters?: { systemUpdates: number };
      notifications?: { code: string }[];
      errors?: { code: string; message: string }[];
    };
    const error = body.errors?.[0];
    if (error !== undefined) {
      steps.push({ error: { code: error.code, message: error.message } });
      continue;
    }
    steps.push({
      fields: body.data?.fields ?? [],
      values: body.data?.values ?? [],
      systemUpdates: body.counters?.systemUpdates ?? -1,
      notifications: (body.notifications ?? []).map((n) => n.code),
    });
  }
  return steps;
}

describe('the same lifecycle over Bolt and over HTTP', () => {
  it('gives the same tables, counters, notifications and errors', async () => {
    const bolt = await startHttp();
    const http = await startHttp();
    const [viaBolt, viaHttp] = await Promise.all([overBolt(bolt.server.boltUrl), overHttp(http.url)]);
    expect(viaHttp).toEqual(viaBolt);
    // And the scenario did what it says: a table with rows, a notification, an error, a count.
    expect(viaHttp[4]?.values).toEqual([
      ['alice', ['analyst', 'PUBLIC'], true, false],
      ['neo4j', ['admin', 'PUBLIC'], false, false],
    ]);
    expect(viaHttp[3]?.notifications).toEqual(['Neo.ClientNotification.Security.CommandHasNoEffect']);
    expect(viaHttp[9]?.error?.code).toBe('Neo.ClientError.Statement.ArgumentError');
    expect(viaHttp[12]?.values).toEqual([[1]]);
  });
});
