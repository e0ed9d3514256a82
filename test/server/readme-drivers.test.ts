/** The README's "Use it from your driver" examples run against a real server, so they stay true. */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import neo4j from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type BoltServer } from '../../src/server/index.js';

const root = new URL('../..', import.meta.url).pathname;
const readme = readFileSync(join(root, 'README.md'), 'utf8');
const section = readme.split('### Use it from your driver')[1]?.split('\n## ')[0] ?? '';
const block = (language: string, index = 0) => section.split('```' + language + '\n')[index + 1]?.split('```')[0] ?? '';
const python = process.env['SYSDB_PYTHON'] ?? join(root, '.venv/bin/python');
const README_URL = 'bolt://127.0.0.1:7687';

const AsyncFunction = async function () {}.constructor as new (...args: string[]) => (...values: unknown[]) => Promise<unknown>;

describe('the README’s driver examples', () => {
  let server: BoltServer;
  beforeAll(async () => {
    server = await startServer({ bolt: '127.0.0.1:0', initialPassword: 'secret123' });
  });
  afterAll(() => server.close());

  it('JavaScript: logs what its comment shows', async () => {
    server.reset();
    const code = block('js');
    const shown = /console\.log\((.*)\); \/\/ (.*)$/m.exec(code);
    expect(shown).not.toBeNull();
    const logged: unknown[] = [];
    const body = code
      .replace(/^import .*$/m, '')
      .replace(README_URL, server.boltUrl)
      .replace(/console\.log\(/, 'log(');
    await new AsyncFunction('neo4j', 'log', body)(neo4j, (value: unknown) => logged.push(value));
    expect(logged).toEqual([JSON.parse((shown?.[2] ?? '').replaceAll("'", '"'))]);
  });

  it.runIf(existsSync(python))('Python: prints what its comment shows', async () => {
    server.reset();
    const code = block('python');
    const shown = /# (\[.*\])$/m.exec(code)?.[1] ?? '';
    const { stdout } = await promisify(execFile)(python, ['-c', code.replace(README_URL, server.boltUrl)], { timeout: 30_000 });
    expect(stdout.trim()).toBe(shown);
  });

  it('the vitest global set-up starts a server, provides its URL, and its teardown closes it', async () => {
    const code = block('ts');
    expect(code).toContain("import { startServer } from 'cypher-sysdb/server';");
    const body = code
      .replace(/^\/\/.*$/m, '')
      .replace(/^import .*$/m, '')
      .replace('export default async function setup', 'return async function setup');
    const setup = (await new AsyncFunction('startServer', body)(startServer)) as (ctx: {
      provide: (k: string, v: unknown) => void;
    }) => Promise<() => Promise<void>>;
    const provided = new Map<string, unknown>();
    const teardown = await setup({ provide: (key, value) => provided.set(key, value) });
    const url = String(provided.get('boltUrl'));
    const driver = neo4j.driver(url, neo4j.auth.basic('neo4j', 'secret123'));
    try {
      const { records } = await driver.executeQuery('SHOW CURRENT USER YIELD user', {}, { database: 'system' });
      expect(records.map((r) => r.get('user'))).toEqual(['neo4j']);
    } finally {
      await driver.close();
    }
    await teardown();
    const closed = neo4j.driver(url, neo4j.auth.basic('neo4j', 'secret123'));
    await expect(closed.verifyConnectivity()).rejects.toThrow();
    await closed.close();
  });
});
