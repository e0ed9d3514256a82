/**
 * The README's "Serve the HTTP Query API" curl commands, run by bash with the real curl against a real
 * server: each command prints what the comment under it shows, and the generated passwords reach
 * neither the output nor the log.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { startHttp } from '../../support/http.js';

const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
const section = readme.split('## Serve the HTTP Query API')[1]?.split('\n## ')[0] ?? '';
const blocks = section
  .split('```sh\n')
  .slice(1)
  .map((b) => b.split('```')[0] ?? '');
const README_ADDRESS = '127.0.0.1:7474';

/** The tools the commands use; without them the test says why it does not run. */
const tools = ['bash', 'curl', 'openssl', 'jq'];
const missing = await Promise.all(
  tools.map((tool) =>
    promisify(execFile)('sh', ['-c', `command -v ${tool}`]).then(
      () => null,
      () => tool,
    ),
  ),
);
const absent = missing.filter((t) => t !== null);

describe('the README’s HTTP Query API examples', () => {
  it('starts the server as the first block says', () => {
    expect(blocks[0]).toContain(`NEO4J_AUTH=neo4j/secret123 npx sysdb serve --http ${README_ADDRESS}`);
    expect(blocks[0]).toContain(`# HTTP listening on http://${README_ADDRESS}`);
  });

  it.runIf(absent.length === 0)('runs the lifecycle commands, each printing what its comment shows', async () => {
    const { url, log } = await startHttp();
    const script = (blocks[1] ?? '').replaceAll(README_ADDRESS, new URL(url).host);
    const expected = script
      .split('\n')
      .filter((line) => /^# [{"]/.test(line))
      .map((line) => line.slice(2));
    expect(expected.length).toBeGreaterThan(10);
    const run = promisify(execFile)('bash', ['-e', '-o', 'pipefail', '-c', `${script}\necho "$PW" >&2`], { timeout: 30_000 });
    const { stdout, stderr } = await run;
    expect(stdout.trimEnd().split('\n')).toEqual(expected);
    // The last generated password went to the server, and is in neither the output nor the log.
    const password = stderr.trim();
    expect(password).toMatch(/^[0-9a-f]{32}$/);
    expect(stdout).not.toContain(password);
    expect(log.lines.join('\n')).not.toContain(password);
  });

  it.skipIf(absent.length === 0)(`is skipped: ${absent.join(', ')} not installed`, () => {});
});
