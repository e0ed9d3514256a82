/**
 * The official Python driver (`neo4j` 6.x) against `sysdb serve`. It needs a Python with the driver
 * installed: `.ci/run` makes one in `.venv` (from the machine's wheel mirror); SYSDB_PYTHON names another.
 * Without one the test is skipped, and says so.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type BoltServer } from '../../src/server/index.js';

const root = new URL('../..', import.meta.url).pathname;
const python = process.env['SYSDB_PYTHON'] ?? join(root, '.venv/bin/python');
const available = existsSync(python);
if (!available)
  console.warn(`Skipping the Python driver tests: no Python with the neo4j driver at ${python} (run .ci/run, or set SYSDB_PYTHON).`);

const PASSWORD = 'neo4j-secret';

describe.runIf(available)('the Python driver', () => {
  let server: BoltServer;
  beforeAll(async () => {
    server = await startServer({ bolt: '127.0.0.1:0', initialPassword: PASSWORD });
  });
  afterAll(() => server.close());

  it('connects, runs administration commands and reads errors as from Neo4j', async () => {
    const { stdout } = await promisify(execFile)(python, [join(root, 'test/server/python/scenario.py'), server.boltUrl, PASSWORD], {
      timeout: 30_000,
    });
    expect(JSON.parse(stdout)).toEqual({
      agent: 'Neo4j/2026.06.0',
      protocol: [6, 0],
      keys: ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'],
      users: [{ user: 'neo4j', roles: ['admin', 'PUBLIC'], passwordChangeRequired: false, suspended: false, home: null }],
      show_type: 'r',
      create_type: 's',
      system_updates: 1,
      types: ['int', '9007199254740993', 'float'],
      exists: [
        'ClientError',
        'Neo.ClientError.Statement.ArgumentError',
        "Failed to create the specified user 'alice': User already exists.",
        '22N04',
      ],
      unsupported: ['ClientError', 'Neo.ClientError.Statement.UnsupportedOperationError'],
      after_tx: ['alice', 'bob', 'neo4j'],
      write_in_read: [
        'Neo.ClientError.Statement.AccessMode',
        'Writing in read access mode not allowed. Attempted write to system',
        '08N03',
      ],
      impersonated: ['alice'],
      impersonated_write: ['Neo.ClientError.Security.Forbidden', 'Not allowed to run updating system commands when impersonating a user.'],
      wrong_password: ['AuthError', 'Neo.ClientError.Security.Unauthorized', 'The client is unauthorized due to authentication failure.'],
    });
  });
});
