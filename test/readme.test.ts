/** The README's examples are run, so they stay true. */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { format, parse, planLines, SystemDatabase } from '../src/index.js';
import { runCli } from './support/cli.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const fixture = (name: string) => readFileSync(new URL(`../${name}`, import.meta.url), 'utf8');

/** The database the onboarding fixture leaves, as `sysdb run --save onboarded.json` writes it. */
function onboarded(): string {
  const files = {
    'fixtures/onboarding.cypher': fixture('fixtures/onboarding.cypher'),
    'p.json': fixture('fixtures/onboarding.params.json'),
  };
  return runCli(['run', 'fixtures/onboarding.cypher', '--params', 'p.json', '--save', 'onboarded.json'], files).written.get(
    'onboarded.json',
  )!;
}

describe('README', () => {
  it('starts with the two commands, and the main one prints the table the README shows', () => {
    const firstBlock = readme.split('```sh\n')[1]!.split('```')[0]!;
    const main = 'npm ci && npx sysdb run fixtures/onboarding.cypher --params fixtures/onboarding.params.json';
    expect(firstBlock).toContain(main);
    expect(firstBlock).toContain('npm test');
    const files = {
      'fixtures/onboarding.cypher': fixture('fixtures/onboarding.cypher'),
      'fixtures/onboarding.params.json': fixture('fixtures/onboarding.params.json'),
    };
    const run = runCli(main.replace('npm ci && npx sysdb ', '').split(' '), files);
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(readme).toContain('```\n' + run.stdout.trimEnd() + '\n```');
  });

  it('says the bundled fixtures lint cleanly', () => {
    const fixtures = readdirSync(new URL('../fixtures', import.meta.url)).filter((f) => f.endsWith('.cypher'));
    const files = Object.fromEntries(fixtures.map((f) => [`fixtures/${f}`, fixture(`fixtures/${f}`)]));
    const run = runCli(['lint', ...Object.keys(files)], files);
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: `no problems in ${fixtures.length} files\n` });
    expect(readme).toContain(
      `\`npx sysdb lint fixtures/*.cypher\` checks the same scripts without running them ("no problems in ${fixtures.length} files")`,
    );
  });

  it('has a SystemDatabase example that returns the table its comment shows', async () => {
    const block = readme
      .split('```ts\n')
      .map((b) => b.split('```')[0]!)
      .find((b) => b.includes('SystemDatabase.create()'))!;
    const lines = block.split('\n');
    const shownAt = lines.findIndex((l) => l.startsWith('// { columns'));
    const expected: unknown = new Function(`return (${lines[shownAt]!.slice(3)});`)();
    const code = [...lines.slice(0, shownAt - 1), `return ${lines[shownAt - 1]!}`].filter((l) => !l.startsWith('import ')).join('\n');
    const result: unknown = new Function('SystemDatabase', code)(SystemDatabase);
    expect(result).toEqual(expected);
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
    expect(diagnostics.map((d) => [d.severity, d.code])).toEqual([['warning', 'CypherSysdb.UnbracketedTags']]);
    const shown = readme.match(/format\(statements\[0\]!\); \/\/ "(.*)"/)![1];
    expect(format(statements[0]!)).toBe(shown);
  });

  it('has shell commands that all run as documented, on the files they name', () => {
    const onboarding = fixture('fixtures/onboarding.cypher');
    const saved = runCli(['run', 'setup.cypher', '--save', 'db.json'], {
      'setup.cypher':
        "CREATE USER jake SET PASSWORD 'jake-password' CHANGE NOT REQUIRED; CREATE ROLE viewer; GRANT SHOW USER ON DBMS TO viewer; GRANT ROLE viewer TO jake;",
    });
    const broken = Object.fromEntries(
      readdirSync(new URL('../fixtures/broken', import.meta.url)).map((f) => [`fixtures/broken/${f}`, fixture(`fixtures/broken/${f}`)]),
    );
    const files: Record<string, string> = {
      ...broken,
      'fixtures/onboarding.cypher': onboarding,
      'migration.cypher': "CREATE USER jake SET PASSWORD 'jake-Secret-1' SET TAGS 'finance'; SHOW USERS;",
      'params.json': fixture('fixtures/onboarding.params.json'),
      'next.cypher': 'DROP USER jake',
      'check.cypher': 'SHOW USERS YIELD user',
      'db.json': saved.written.get('db.json')!,
      'scripts/a.cypher': onboarding,
      'fixtures/onboarding.params.json': fixture('fixtures/onboarding.params.json'),
      'fixtures/offboarding.cypher': fixture('fixtures/offboarding.cypher'),
      'fixtures/run-once.cypher': fixture('fixtures/run-once.cypher'),
      'onboarded.json': onboarded(),
    };
    const lines = readme
      .split('```sh\n')
      .slice(2)
      .flatMap((block) => block.split('```')[0]!.split('\n'))
      .filter((line) => line.startsWith('npx sysdb '))
      // `serve` runs until stopped and listens on fixed ports: test/cli/serve.test.ts runs it.
      .filter((line) => !line.startsWith('npx sysdb serve'));
    expect(lines.length).toBeGreaterThanOrEqual(9);
    for (const line of lines) {
      const command = line.split('#')[0]!.trim();
      const [argv, stdinFile] = command.replace('npx sysdb ', '').split(' < ') as [string, string | undefined];
      const run = runCli(argv.split(' '), files, stdinFile ? files[stdinFile] : '');
      // A command that finds problems says so in its comment: `(exit 1: ...)`.
      const expectedStatus = command.includes('broken') || line.includes('(exit 1') ? 1 : 0;
      expect({ command, status: run.status, stderr: expectedStatus === 0 ? run.stderr.replace(/^no problems in .*\n$/, '') : '' }).toEqual({
        command,
        status: expectedStatus,
        stderr: '',
      });
    }
  });

  it('shows the plan and the re-run report sysdb really prints', () => {
    const files = { 'onboarded.json': onboarded(), 'fixtures/offboarding.cypher': fixture('fixtures/offboarding.cypher') };
    const plan = runCli(['plan', 'fixtures/offboarding.cypher', '--state', 'onboarded.json'], files);
    expect(plan.status).toBe(0);
    expect(readme).toContain('```\n' + plan.stdout.trimEnd() + '\n```');
    const rerun = runCli(['plan', 'fixtures/run-once.cypher', '--rerun'], {
      'fixtures/run-once.cypher': fixture('fixtures/run-once.cypher'),
    });
    expect(readme).toContain('```\n' + rerun.stdout.split('\n').slice(0, 2).join('\n') + '\n```');
  });

  it('has a plan, rerun and dump example that returns what its comments show', () => {
    const block = readme
      .split('```ts\n')
      .map((b) => b.split('```')[0]!)
      .find((b) => b.includes('db.plan('))!;
    const code = block.split('\n').filter((l) => l !== '' && !l.startsWith('import '));
    const checks = code.map((line) => {
      const [expression, shown] = line.split(' // ') as [string, string | undefined];
      if (shown === undefined) return line;
      return `expect(${expression.replace(/;$/, '')}).toEqual(${shown});`;
    });
    new Function('SystemDatabase', 'planLines', 'expect', checks.join('\n'))(SystemDatabase, planLines, expect);
    expect(checks.filter((c) => c.startsWith('expect('))).toHaveLength(3);
  });

  it('has a privileges example that does what its comment says', () => {
    const block = readme.split('```cypher\n')[1]!.split('```')[0]!;
    const admin = SystemDatabase.create().session();
    admin.run("CREATE USER jake SET PASSWORD 'jake-password' CHANGE NOT REQUIRED SET TAGS 'finance'");
    admin.runScript(block);
    const jake = admin.db.session({ user: 'jake' });
    expect(jake.run('SHOW USERS YIELD user, tags WHERE user = $u', { u: 'jake' }).rows).toEqual([['jake', null]]);
    expect(admin.run('SHOW USERS YIELD user, tags WHERE user = $u', { u: 'jake' }).rows).toEqual([['jake', ['finance']]]);
  });
});
