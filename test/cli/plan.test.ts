/** `sysdb plan`, `sysdb diff` and `sysdb dump`, in-process over an in-memory file system: exact output and exit codes. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';
import { DIFF_HELP } from '../../src/cli/diff.js';
import { DUMP_HELP } from '../../src/cli/dump.js';
import { PLAN_HELP } from '../../src/cli/plan.js';
import { runCli } from '../support/cli.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');

const SETUP = `CREATE ROLE legacy; CREATE USER jake SET PASSWORD 'jake-secret-1' SET TAGS 'finance';
  CREATE USER old_bot SET AUTH 'oidc' {SET ID 'bot'}; GRANT ROLE legacy TO jake;`;
const saved = JSON.stringify(SystemDatabase.create().runScript(SETUP).db.toJSON());
const MIGRATION = `CREATE USER mia SET PASSWORD 'mia-secret-1';
ALTER USER jake SET TAGS 'on-call' SET PASSWORD 'jake-secret-2';
DROP USER old_bot;
RENAME ROLE legacy TO archived;
GRANT CREATE USER ON DBMS TO archived;
`;
const files = { 'db.json': saved, 'm.cypher': MIGRATION };

describe('sysdb plan', () => {
  it('prints one line per change, terraform-like, then the counts; saves nothing', () => {
    const run = runCli(['plan', 'm.cypher', '--state', 'db.json'], files);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toBe(
      [
        '~ user jake  tags: ["finance"] -> ["on-call"]; password changed',
        '+ user mia',
        '- user old_bot',
        '> role legacy -> archived',
        '+ privilege GRANT CREATE USER ON DBMS TO archived',
        '',
        'Plan: 2 to add, 2 to change, 1 to delete.',
        '',
      ].join('\n'),
    );
    expect(run.written.size).toBe(0);
    expect(run.stdout).not.toContain('secret');
  });

  it('colours the lines only when stdout is a terminal that takes colour', () => {
    const coloured = runCli(['plan', 'm.cypher', '--state', 'db.json'], files, '', false, true).stdout.split('\n');
    expect(coloured.slice(0, 5)).toEqual([
      '\x1b[33m~ user jake  tags: ["finance"] -> ["on-call"]; password changed\x1b[0m',
      '\x1b[32m+ user mia\x1b[0m',
      '\x1b[31m- user old_bot\x1b[0m',
      '\x1b[33m> role legacy -> archived\x1b[0m',
      '\x1b[32m+ privilege GRANT CREATE USER ON DBMS TO archived\x1b[0m',
    ]);
    expect(runCli(['plan', 'm.cypher', '--state', 'db.json'], files, '', true).stdout).not.toContain('\x1b');
  });

  it('prints JSON: the changes and the statements as sysdb run --format json prints them', () => {
    const run = runCli(['plan', 'm.cypher', '--state', 'db.json', '--format', 'json'], files);
    const { changes, statements } = JSON.parse(run.stdout);
    expect(changes.map((c: { type: string; name: string; actions: string[] }) => [c.type, c.name, c.actions])).toEqual([
      ['user', 'jake', ['update']],
      ['user', 'mia', ['create']],
      ['user', 'old_bot', ['delete']],
      ['role', 'archived', ['rename']],
      ['privilege', 'GRANT CREATE USER ON DBMS TO `archived`', ['create']],
    ]);
    expect(changes[0].after.passwordChanged).toBe(true);
    expect(statements[0]).toEqual({ query: "CREATE USER mia SET PASSWORD '******'", columns: [], rows: [], error: null });
    expect(statements).toHaveLength(5);
    expect(run.stdout).not.toContain('secret');
  });

  it('reports failing statements as sysdb run does, and exits 1', () => {
    const run = runCli(['plan', 'm.cypher'], { 'm.cypher': 'CREATE ROLE ops;\nDROP USER nobody;\n' });
    expect(run).toEqual({
      status: 1,
      stdout: '+ role ops\n\nPlan: 1 to add, 0 to change, 0 to delete.\n',
      stderr:
        "m.cypher:2: error: Failed to delete the specified user 'nobody': User does not exist. (Neo.ClientError.Statement.ArgumentError)\n",
      written: new Map(),
    });
  });

  it('--check exits 1 when the plan is not empty, 0 when re-applying changes nothing', () => {
    const onboarding = { 'o.cypher': fixture('onboarding.cypher'), 'p.json': fixture('onboarding.params.json') };
    const first = runCli(['plan', 'o.cypher', '--params', 'p.json', '--check'], onboarding);
    expect(first.status).toBe(1);
    const db = runCli(['run', 'o.cypher', '--params', 'p.json', '--save', 'db.json'], onboarding).written.get('db.json') ?? '';
    const again = runCli(['plan', 'o.cypher', '--params', 'p.json', '--state', 'db.json', '--check'], { ...onboarding, 'db.json': db });
    expect(again).toMatchObject({ status: 0, stdout: 'Plan: 0 to add, 0 to change, 0 to delete.\n' });
  });

  it('--rerun prints each statement that fails or changes something the second time, with a hint', () => {
    const run = runCli(['plan', 'fixtures/run-once.cypher', '--rerun'], { 'fixtures/run-once.cypher': fixture('run-once.cypher') });
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').slice(0, 4)).toEqual([
      "fixtures/run-once.cypher:5: fails when run again: Failed to create the specified role 'support': Role already exists. (Neo.ClientError.Statement.ArgumentError)",
      '  = help: CREATE ROLE support IF NOT EXISTS leaves an existing role as it is',
      "fixtures/run-once.cypher:6: fails when run again: Failed to create the specified user 'mia': User already exists. (Neo.ClientError.Statement.ArgumentError)",
      "  = help: CREATE USER mia IF NOT EXISTS SET PASSWORD '******' CHANGE REQUIRED leaves an existing user as it is",
    ]);
    expect(run.stderr).toBe('7 statements fail or change something when run again\n');
    expect(run.stdout).not.toMatch(/Welcome-2026|Secret-2026/);
  });

  it('--rerun --format json prints the problems', () => {
    const run = runCli(['plan', 'r.cypher', '--rerun', '--format', 'json'], {
      'r.cypher': 'CREATE ROLE ops IF NOT EXISTS;\nDROP ROLE reader;\n',
    });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({
      problems: [
        {
          line: 2,
          query: 'DROP ROLE reader',
          reason:
            "fails when run again: Failed to delete the specified role 'reader': Role does not exist. (Neo.ClientError.Statement.ArgumentError)",
          hint: 'DROP ROLE reader IF EXISTS does nothing when there is no such role',
        },
      ],
    });
  });

  const FIXTURES = [
    { name: 'onboarding.cypher', argv: ['--params', 'fixtures/onboarding.params.json'], status: 0 },
    { name: 'access-rules.cypher', argv: ['--params', 'fixtures/access-rules.params.json'], status: 0 },
    { name: 'cypher-shell.cypher', argv: [], status: 1 },
    { name: 'offboarding.cypher', argv: ['--state', 'onboarded.json'], status: 1 },
    { name: 'run-once.cypher', argv: [], status: 1 },
  ];

  it.each(FIXTURES)('--rerun on fixtures/$name exits $status', ({ name, argv, status }) => {
    const all = Object.fromEntries(
      ['onboarding.params.json', 'access-rules.params.json', name, 'onboarding.cypher'].map((f) => [`fixtures/${f}`, fixture(f)]),
    );
    const onboarded = runCli(['run', 'fixtures/onboarding.cypher', ...FIXTURES[0]!.argv, '--save', 'onboarded.json'], all).written;
    const run = runCli(['plan', `fixtures/${name}`, '--rerun', ...argv], {
      ...all,
      'onboarded.json': onboarded.get('onboarded.json') ?? '',
    });
    expect(run.status, run.stdout + run.stderr).toBe(status);
    if (status === 0) expect(run).toMatchObject({ stdout: '', stderr: 'runs again without failing or changing anything\n' });
  });

  it('refuses --check with --rerun, and more than one script', () => {
    expect(runCli(['plan', 'm.cypher', '--check', '--rerun'], files)).toMatchObject({
      status: 2,
      stderr: expect.stringContaining('--check and --rerun'),
    });
    expect(runCli(['plan', 'm.cypher', 'm.cypher'], files)).toMatchObject({ status: 2 });
  });
});

describe('sysdb diff', () => {
  const after = JSON.stringify(SystemDatabase.fromJSON(saved).runScript(MIGRATION).db.toJSON());
  const both = { 'a.json': saved, 'b.json': after };

  it('prints the changes between two saved databases as plan does', () => {
    const plan = runCli(['plan', 'm.cypher', '--state', 'db.json'], files);
    expect(runCli(['diff', 'a.json', 'b.json'], both)).toMatchObject({ status: 0, stdout: plan.stdout, stderr: '' });
    const json = JSON.parse(runCli(['diff', 'a.json', 'b.json', '--format', 'json'], both).stdout);
    expect(json).toEqual({
      changes: JSON.parse(runCli(['plan', 'm.cypher', '--state', 'db.json', '--format', 'json'], files).stdout).changes,
    });
  });

  it('--check exits 1 when they differ', () => {
    expect(runCli(['diff', 'a.json', 'b.json', '--check'], both).status).toBe(1);
    expect(runCli(['diff', 'b.json', 'b.json', '--check'], both)).toMatchObject({
      status: 0,
      stdout: 'Plan: 0 to add, 0 to change, 0 to delete.\n',
    });
  });

  it('names a file that is not a snapshot, and wants two files', () => {
    const run = runCli(['diff', 'a.json', 'c.json'], { ...both, 'c.json': '{"format":"x"}' });
    expect(run).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/^sysdb diff: c\.json: Not a cypher-sysdb snapshot: expected "format"/),
    });
    expect(runCli(['diff', 'a.json'], both).status).toBe(2);
  });
});

describe('sysdb dump', () => {
  it('prints a script that recreates the saved database', () => {
    const run = runCli(['dump', '--state', 'db.json'], files);
    expect(run).toMatchObject({ status: 0, stderr: '' });
    expect(run.stdout).toMatch(/^\/\/ Recreates a cypher-sysdb system database on a fresh DBMS: run it there as neo4j\.\n/);
    expect(run.stdout).toContain("\nCREATE USER old_bot SET AUTH 'oidc' {SET ID 'bot'};\n");
    const replayed = runCli(['run', 'dump.cypher', '--save', 'replay.json'], { 'dump.cypher': run.stdout });
    expect(replayed.status).toBe(0);
    const diff = runCli(['diff', 'db.json', 'replay.json', '--check'], {
      'db.json': saved,
      'replay.json': replayed.written.get('replay.json') ?? '',
    });
    expect(diff).toMatchObject({ status: 0, stdout: 'Plan: 0 to add, 0 to change, 0 to delete.\n' });
  });

  it('dumps immutable roles and privileges for a DBMS with authentication disabled, which sysdb run --no-auth replays', () => {
    const commission = runCli(['run', 'commission.cypher', '--no-auth', '--save', 'db.json'], {
      'commission.cypher':
        'CREATE IMMUTABLE ROLE analyst; GRANT IMMUTABLE SHOW USER ON DBMS TO analyst; DENY IMMUTABLE DROP ROLE ON DBMS TO PUBLIC;',
    });
    expect(commission).toMatchObject({ status: 0, stderr: '' });
    const state = commission.written.get('db.json') ?? '';
    const run = runCli(['dump', '--state', 'db.json'], { 'db.json': state });
    expect(run.stdout).toMatch(
      /^\/\/ Recreates .*\n\/\/ creates only with authentication disabled: run it there with dbms\.security\.auth_enabled=false\.\n/,
    );
    expect(run.stdout).toContain('\nCREATE IMMUTABLE ROLE analyst;\nGRANT IMMUTABLE SHOW USER ON DBMS TO `analyst`;\n');
    expect(run.stdout).toContain('\n// Last: what takes privileges from neo4j\nDENY IMMUTABLE DROP ROLE ON DBMS TO `PUBLIC`;\n');
    // As neo4j, Neo4j refuses IMMUTABLE: the first such statement fails.
    expect(runCli(['run', 'dump.cypher'], { 'dump.cypher': run.stdout }).stderr).toContain(
      'error: Immutable roles cannot be created. Try creating the role without the IMMUTABLE keyword. (Neo.ClientError.Security.Forbidden)',
    );
    const replayed = runCli(['run', 'dump.cypher', '--no-auth', '--save', 'replay.json'], { 'dump.cypher': run.stdout });
    expect(replayed).toMatchObject({ status: 0, stderr: '' });
    const diff = runCli(['diff', 'db.json', 'replay.json', '--check'], {
      'db.json': state,
      'replay.json': replayed.written.get('replay.json') ?? '',
    });
    expect(diff).toMatchObject({ status: 0, stdout: 'Plan: 0 to add, 0 to change, 0 to delete.\n' });
  });

  it('runs as one user or with authentication disabled, not both', () => {
    for (const command of ['run', 'plan'])
      expect(runCli([command, 's.cypher', '--as', 'ann', '--no-auth'], { 's.cypher': '' })).toMatchObject({
        status: 2,
        stderr: expect.stringContaining('--as runs as a user and --no-auth as none: give one'),
      });
  });

  it('warns about what is only in comments, and exits 1', () => {
    const suspended = JSON.stringify(
      SystemDatabase.create().execute('ALTER USER neo4j SET STATUS SUSPENDED', {}, { user: null }).db.toJSON(),
    );
    const run = runCli(['dump', '--state', 's.json'], { 's.json': suspended });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('\n// ALTER USER neo4j SET STATUS SUSPENDED;\n');
    expect(run.stderr).toBe(
      'sysdb dump: warning: not replayed (a comment in the script): neo4j may not change its own status: run this as another administrator: ALTER USER neo4j SET STATUS SUSPENDED\n',
    );
  });

  it('takes no files', () => {
    expect(runCli(['dump', 'db.json'], files)).toMatchObject({ status: 2, stderr: expect.stringContaining('takes no files') });
  });
});

describe('help', () => {
  it.each([
    ['plan', PLAN_HELP],
    ['diff', DIFF_HELP],
    ['dump', DUMP_HELP],
  ])('sysdb help %s, and sysdb %s --help', (command, help) => {
    expect(runCli(['help', command]).stdout).toBe(help);
    expect(runCli([command, '--help']).stdout).toBe(help);
  });

  it('lists the commands', () => {
    const help = runCli(['help']).stdout;
    for (const command of ['plan <script>', 'diff <a> <b>', 'dump  ']) expect(help).toContain(`\n  ${command}`);
  });
});
