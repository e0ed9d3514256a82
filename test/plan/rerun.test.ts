/**
 * db.rerun(): a script run twice, the second time on its own result. Each statement that fails or
 * changes something the second time is a problem, with the form Neo4j has that may repeat.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
const params = (name: string) => JSON.parse(fixture(name)) as Record<string, unknown>;

describe('the problems of statements that do not repeat', () => {
  const SETUP = "CREATE USER old SET PASSWORD 'old-secret-1'; CREATE ROLE legacy";
  const CASES: readonly { script: string; reason: string; hint: string | null }[] = [
    {
      script: "CREATE USER mia SET PASSWORD 'mia-secret-1'",
      reason:
        "fails when run again: Failed to create the specified user 'mia': User already exists. (Neo.ClientError.Statement.ArgumentError)",
      hint: "CREATE USER mia IF NOT EXISTS SET PASSWORD '******' leaves an existing user as it is",
    },
    {
      script: 'CREATE ROLE ops',
      reason:
        "fails when run again: Failed to create the specified role 'ops': Role already exists. (Neo.ClientError.Statement.ArgumentError)",
      hint: 'CREATE ROLE ops IF NOT EXISTS leaves an existing role as it is',
    },
    {
      script: 'DROP USER old',
      reason:
        "fails when run again: Failed to delete the specified user 'old': User does not exist. (Neo.ClientError.Statement.ArgumentError)",
      hint: 'DROP USER old IF EXISTS does nothing when there is no such user',
    },
    {
      script: 'DROP ROLE legacy',
      reason:
        "fails when run again: Failed to delete the specified role 'legacy': Role does not exist. (Neo.ClientError.Statement.ArgumentError)",
      hint: 'DROP ROLE legacy IF EXISTS does nothing when there is no such role',
    },
    {
      script: 'RENAME USER old TO new',
      reason:
        "fails when run again: Failed to rename the specified user 'old' to 'new': The user 'old' does not exist. (Neo.ClientError.Statement.ArgumentError)",
      hint: 'RENAME USER old IF EXISTS TO new does nothing when there is no such user',
    },
    {
      script: 'RENAME ROLE legacy TO archived',
      reason:
        "fails when run again: Failed to rename the specified role 'legacy' to 'archived': The role 'legacy' does not exist. (Neo.ClientError.Statement.ArgumentError)",
      hint: 'RENAME ROLE legacy IF EXISTS TO archived does nothing when there is no such role',
    },
    {
      script: "ALTER USER old SET PASSWORD 'new-secret-1'",
      reason:
        "fails when run again: Failed to alter the specified user 'old': Old password and new password cannot be the same. (Neo.ClientError.Statement.ArgumentError)",
      hint: 'Neo4j refuses a password that is the current one: set it where the user is created (CREATE USER ... IF NOT EXISTS SET PASSWORD ...)',
    },
    {
      script: "CREATE OR REPLACE USER old SET PASSWORD 'old-secret-1' CHANGE NOT REQUIRED",
      reason: 'changes something when run again: ~ user old  password changed',
      hint: "CREATE USER old IF NOT EXISTS SET PASSWORD '******' CHANGE NOT REQUIRED leaves an existing user as it is",
    },
    {
      // Neo4j has no REVOKE ROLE ... IF EXISTS.
      script: 'REVOKE ROLE legacy FROM old; DROP ROLE legacy IF EXISTS',
      reason:
        "fails when run again: Failed to revoke role 'legacy' from user 'old': Role does not exist. (Neo.ClientError.Statement.ArgumentError)",
      hint: null,
    },
  ];

  it.each(CASES)('$script', ({ script, reason, hint }) => {
    const db = SystemDatabase.create().runScript(SETUP).db;
    const problems = db.rerun(script);
    expect(problems.at(-1)).toEqual({ line: 1, query: expect.any(String), reason, hint });
    expect(JSON.stringify(problems)).not.toMatch(/secret-1/);
  });

  it('statements that repeat are no problem', () => {
    const db = SystemDatabase.create().runScript(SETUP).db;
    const script = `CREATE USER mia IF NOT EXISTS SET PASSWORD 'mia-secret-1'; DROP USER old IF EXISTS; CREATE ROLE ops IF NOT EXISTS;
      GRANT ROLE ops TO mia; ALTER USER mia ADD TAGS 'b' SET HOME DATABASE sales; GRANT SHOW USER ON DBMS TO ops; DENY DROP ROLE ON DBMS TO ops;
      RENAME ROLE legacy IF EXISTS TO archived; REVOKE SHOW ROLE ON DBMS FROM ops; SHOW USERS`;
    expect(db.rerun(script)).toEqual([]);
  });

  it('a statement that fails the first time is reported, and the script is not run again', () => {
    expect(SystemDatabase.create().rerun('CREATE ROLE a;\nDROP USER nobody;\nCREATE ROLE b')).toEqual([
      {
        line: 2,
        query: 'DROP USER nobody',
        reason:
          "fails the first time: Failed to delete the specified user 'nobody': User does not exist. (Neo.ClientError.Statement.ArgumentError)",
        hint: null,
      },
    ]);
  });
});

describe('the bundled fixtures', () => {
  const onboarded = () => SystemDatabase.create().runScript(fixture('onboarding.cypher'), { params: params('onboarding.params.json') }).db;
  const CASES = [
    { name: 'onboarding.cypher', params: 'onboarding.params.json', db: () => SystemDatabase.create(), lines: [] },
    { name: 'access-rules.cypher', params: 'access-rules.params.json', db: () => SystemDatabase.create(), lines: [] },
    // OR REPLACE sets the password again (a new hash): on production it would undo a password jake changed since.
    { name: 'cypher-shell.cypher', params: null, db: () => SystemDatabase.create(), lines: [5] },
    // Run after onboarding: the second time, the auditor role it revokes from bob is gone.
    { name: 'offboarding.cypher', params: null, db: onboarded, lines: [3] },
    { name: 'run-once.cypher', params: null, db: () => SystemDatabase.create(), lines: [5, 6, 8, 9, 10, 13, 14] },
  ];

  it.each(CASES)('$name', ({ name, params: paramsFile, db, lines }) => {
    const problems = db().rerun(fixture(name), { params: paramsFile ? params(paramsFile) : {} });
    expect(problems.map((p) => p.line)).toEqual(lines);
  });
});
