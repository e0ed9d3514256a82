/** The README's examples are run, so they stay true. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format, parse } from '../src/index.js';
import { runCli } from './support/cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

describe('README', () => {
  it('starts with the two commands, and the main one lints the bundled fixtures cleanly', () => {
    const firstBlock = readme.split('```sh\n')[1]!.split('```')[0]!;
    expect(firstBlock).toContain('npm ci && npx sysdb lint fixtures/*.cypher');
    expect(firstBlock).toContain('npm test');
    const fixtures = readdirSync(new URL('../fixtures', import.meta.url)).filter((f) => f.endsWith('.cypher'));
    const files = Object.fromEntries(fixtures.map((f) => [`fixtures/${f}`, fixture(`fixtures/${f}`)]));
    const run = runCli(['lint', ...Object.keys(files)], files);
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: `no problems in ${fixtures.length} files\n` });
    expect(firstBlock).toContain(`"no problems in ${fixtures.length} files"`);
  });

  it('shows the output the linter really prints for a broken script', () => {
    const file = 'fixtures/broken/misspelled-keyword.cypher';
    const run = runCli(['lint', file], { [file]: fixture(file) });
    expect(run.status).toBe(1);
    expect(readme).toContain(run.stdout.trimEnd());
  });

  it('shows JSON output that the linter really produces', () => {
    const json = readme.split('```json\n')[1]!.split('```')[0]!.trim();
    expect(runCli(['lint', '--format', 'json', 'a.cypher'], { 'a.cypher': 'CREATE USER foo' }).stdout.trim()).toBe(json);
  });

  it('has a library example that does what its comments say', () => {
    const { statements, diagnostics } = parse("CREATE USER jake SET PASSWORD 'abcd1234' SET TAGS 'finance', 'auditor'");
    expect(statements[0]!.kind).toBe('create-user');
    expect(diagnostics).toEqual([]);
    const shown = readme.match(/format\(statements\[0\]!\); \/\/ "(.*)"/)![1];
    expect(format(statements[0]!)).toBe(shown);
  });
});
