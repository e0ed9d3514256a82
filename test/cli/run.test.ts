/** `sysdb run`, in-process over an in-memory file system: exact output, exit codes, state files. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';
import { RUN_HELP } from '../../src/cli/run.js';
import { runCli } from '../support/cli.js';

const SCRIPT = `CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED SET TAGS 'finance';
SHOW USERS YIELD user, roles, tags;
`;

describe('sysdb run', () => {
  it('prints result tables the way cypher-shell does (write commands print nothing)', () => {
    const run = runCli(['run', 'script.cypher'], { 'script.cypher': SCRIPT });
    expect(run.status).toBe(0);
    expect(run.stderr).toBe('');
    expect(run.stdout).toBe(
      [
        '+---------------------------------------------+',
        '| user    | roles               | tags        |',
        '+---------------------------------------------+',
        '| "jake"  | ["PUBLIC"]          | ["finance"] |',
        '| "neo4j" | ["admin", "PUBLIC"] | []          |',
        '+---------------------------------------------+',
        '',
        '2 rows',
        '',
        '',
      ].join('\n'),
    );
  });

  it('prints JSON: one entry per statement, password literals masked in the echoed query', () => {
    const run = runCli(['run', 'script.cypher', '--format', 'json'], { 'script.cypher': SCRIPT });
    expect(JSON.parse(run.stdout)).toEqual({
      statements: [
        { query: "CREATE USER jake SET PASSWORD '******' CHANGE NOT REQUIRED SET TAGS 'finance'", columns: [], rows: [], error: null },
        {
          query: 'SHOW USERS YIELD user, roles, tags',
          columns: ['user', 'roles', 'tags'],
          rows: [
            ['jake', ['PUBLIC'], ['finance']],
            ['neo4j', ['admin', 'PUBLIC'], []],
          ],
          error: null,
        },
      ],
    });
    expect(run.stdout).not.toContain('abcd1234');
  });

  const FAILING =
    "CREATE USER jake SET PASSWORD 'abcd1234';\nCREATE USER jake SET PASSWORD 'abcd1234';\nCREATE USER x SET PASSWORD;\nSHOW USERS YIELD user;\n";

  it('stops at the first failure and exits 1', () => {
    const run = runCli(['run', 's.cypher', '--format', 'json'], { 's.cypher': FAILING });
    expect(run.status).toBe(1);
    const { statements } = JSON.parse(run.stdout);
    expect(statements.map((s: { error: unknown }) => s.error)).toEqual([
      null,
      { code: 'Neo.ClientError.Statement.ArgumentError', message: "Failed to create the specified user 'jake': User already exists." },
    ]);
  });

  it('goes on after failures, syntax errors included, with --continue-on-error', () => {
    const run = runCli(['run', 's.cypher', '--format', 'json', '--continue-on-error'], { 's.cypher': FAILING });
    expect(run.status).toBe(1);
    const { statements } = JSON.parse(run.stdout);
    expect(statements).toHaveLength(4);
    expect(statements[2]).toEqual({
      query: 'CREATE USER x SET PASSWORD',
      columns: [],
      rows: [],
      error: {
        code: 'Neo.ClientError.Statement.SyntaxError',
        message: "Invalid input '': expected a parameter, a string or 'CHANGE' (line 1, column 27 (offset: 26))",
      },
    });
    expect(statements[3].rows).toEqual([['jake'], ['neo4j']]);
  });

  it('reports failures on stderr as file:line in table format', () => {
    const run = runCli(['run', 's.cypher'], { 's.cypher': FAILING });
    expect(run.stderr).toBe(
      "s.cypher:2: error: Failed to create the specified user 'jake': User already exists. (Neo.ClientError.Statement.ArgumentError)\n",
    );
  });

  it('takes parameters from --params and from :param lines', () => {
    const files = {
      's.cypher':
        ":param tags => ['a', 'b']\nCREATE USER $name SET PASSWORD $pw SET TAGS $tags;\nSHOW USERS YIELD user, tags WHERE user = $name;\n",
      'p.json': '{"name": "ann", "pw": "abcd1234"}',
    };
    const run = runCli(['run', 's.cypher', '--params', 'p.json', '--format', 'json'], files);
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).statements[1].rows).toEqual([['ann', ['a', 'b']]]);
  });

  it('saves the database with --save (hashes only) and starts from it with --state', () => {
    const first = runCli(['run', 'a.cypher', '--save', 'state.json'], { 'a.cypher': "CREATE USER jake SET PASSWORD 'abcd1234';" });
    expect(first.status).toBe(0);
    const saved = first.written.get('state.json')!;
    expect(saved).not.toContain('abcd1234');
    expect(JSON.parse(saved).users.map((u: { name: string }) => u.name)).toEqual(['jake', 'neo4j']);
    const second = runCli(['run', 'b.cypher', '--state', 'state.json', '--format', 'json'], {
      'b.cypher': 'SHOW USERS YIELD user',
      'state.json': saved,
    });
    expect(JSON.parse(second.stdout).statements[0].rows).toEqual([['jake'], ['neo4j']]);
  });

  it('runs statements as another user with --as', () => {
    const files = { 's.cypher': "CREATE USER jake SET PASSWORD 'abcd1234';\n", 't.cypher': 'SHOW CURRENT USER YIELD user' };
    const saved = runCli(['run', 's.cypher', '--save', 'db.json'], files).written.get('db.json')!;
    const run = runCli(['run', 't.cypher', '--state', 'db.json', '--as', 'jake', '--format', 'json'], { ...files, 'db.json': saved });
    expect(JSON.parse(run.stdout).statements[0].rows).toEqual([['jake']]);
  });

  it('enforces the privileges of the --as user', () => {
    const files = { 's.cypher': "CREATE USER jake SET PASSWORD 'abcd1234';\n", 't.cypher': 'SHOW USERS' };
    const saved = runCli(['run', 's.cypher', '--save', 'db.json'], files).written.get('db.json')!;
    const run = runCli(['run', 't.cypher', '--state', 'db.json', '--as', 'jake'], { ...files, 'db.json': saved });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      't.cypher:1: error: Permission has not been granted for SHOW USER. Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. ' +
        'In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted. ' +
        '(Neo.ClientError.Security.Forbidden)\n',
    );
  });

  it.each([
    [['run'], 'sysdb run: expects exactly one script (or - for standard input)'],
    [['run', 'a.cypher', 'b.cypher'], 'sysdb run: expects exactly one script (or - for standard input)'],
    [['run', 'a.cypher', '--format', 'xml'], "sysdb run: option '--format' must be one of table, json"],
    [['run', 'a.cypher', '--params', 'bad.json'], 'sysdb run: --params bad.json is not valid JSON'],
    [['run', 'a.cypher', '--params', 'list.json'], 'sysdb run: --params list.json must hold a JSON object'],
    [
      ['run', 'a.cypher', '--state', 'list.json'],
      'sysdb run: --state list.json: Not a cypher-sysdb snapshot: the snapshot must be an object',
    ],
    [['run', 'missing.cypher'], "sysdb: cannot read 'missing.cypher': no such file or directory"],
    [
      ['run', 'a.cypher', '--state', 'db.json', '--databases', 'sales'],
      'sysdb run: --databases and --auth-providers configure a fresh DBMS; the database in --state keeps its own configuration',
    ],
    [['run', 'a.cypher', '--databases'], "sysdb run: option '--databases' needs a value"],
  ])('exits 2 on bad usage: %j', (argv, message) => {
    const db = JSON.stringify(SystemDatabase.create().toJSON());
    const run = runCli(argv, { 'a.cypher': 'SHOW USERS', 'b.cypher': '', 'bad.json': '{', 'list.json': '[]', 'db.json': db });
    expect(run.status).toBe(2);
    expect(run.stderr.startsWith(message)).toBe(true);
    expect(run.stdout).toBe('');
  });

  it('refuses a --state file whose users hold a role that does not exist, naming where (exit 2)', () => {
    const snapshot = JSON.parse(JSON.stringify(SystemDatabase.create().toJSON()));
    snapshot.users[0].roles = ['admin', 'ghost'];
    const run = runCli(['run', 'a.cypher', '--state', 'db.json'], {
      'a.cypher': 'SHOW USERS',
      'db.json': JSON.stringify(snapshot, null, 2),
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(
      `sysdb run: --state db.json: Not a cypher-sysdb snapshot: users[0].roles[1]: role 'ghost' does not exist\n${RUN_HELP}`,
    );
  });

  describe('--notifications', () => {
    const script =
      "CREATE USER jake SET PASSWORD 'abcd1234' SET HOME DATABASE sales;\nGRANT ROLE reader TO jake;\nGRANT ROLE reader TO jake;\n";
    const granted = '`GRANT ROLE reader TO jake` has no effect.';

    it('are silent by default, as in cypher-shell', () => {
      expect(runCli(['run', 's.cypher'], { 's.cypher': script })).toMatchObject({ status: 0, stdout: '', stderr: '' });
    });

    it('go to stderr as file:line: info: title description (code)', () => {
      const run = runCli(['run', 's.cypher', '--notifications'], { 's.cypher': script });
      expect(run.status).toBe(0);
      expect(run.stderr).toBe(
        's.cypher:1: info: The request referred to a home database that does not exist. The home database provided does not currently exist in the DBMS. ' +
          'This command will not take effect until this database is created. (HOME DATABASE: `sales`) (Neo.ClientNotification.Database.HomeDatabaseNotFound)\n' +
          `s.cypher:3: info: ${granted} The user already has the role. See Status Codes documentation for more information. (Neo.ClientNotification.Security.CommandHasNoEffect)\n`,
      );
    });

    it('appear in the JSON of each statement, only when asked for', () => {
      const plain = JSON.parse(runCli(['run', 's.cypher', '--format', 'json'], { 's.cypher': script }).stdout);
      expect(Object.keys(plain.statements[2])).toEqual(['query', 'columns', 'rows', 'error']);
      const run = runCli(['run', 's.cypher', '--format', 'json', '--notifications', '--databases', 'neo4j,sales'], { 's.cypher': script });
      const statements = JSON.parse(run.stdout).statements;
      expect(statements.map((s: { notifications: { title: string }[] }) => s.notifications.map((n) => n.title))).toEqual([
        [],
        [],
        [granted],
      ]);
    });
  });

  it('runs the access-rules fixture, whose rules then hold for its help-desk user', () => {
    const read = (name: string) => readFileSync(new URL(`../../fixtures/${name}`, import.meta.url), 'utf8');
    const files: Record<string, string> = { 'rules.cypher': read('access-rules.cypher'), 'p.json': read('access-rules.params.json') };
    const setup = runCli(['run', 'rules.cypher', '--params', 'p.json', '--save', 'db.json'], files);
    expect(setup.status).toBe(0);
    files['db.json'] = setup.written.get('db.json')!;
    files['sam.cypher'] =
      "SHOW USERS YIELD user, tags WHERE user = 'sam';\nALTER USER neo4j SET PASSWORD CHANGE REQUIRED;\nCREATE ROLE sneaky;\n";
    const asSam = runCli(['run', 'sam.cypher', '--state', 'db.json', '--as', 'sam', '--continue-on-error', '--format', 'json'], files);
    const statements = JSON.parse(asSam.stdout).statements;
    expect(statements[0]).toMatchObject({ rows: [['sam', null]], error: null }); // tags are hidden from the help desk
    expect(statements[1].error).toBeNull(); // SET PASSWORDS covers CHANGE REQUIRED
    expect(statements[2].error).toEqual({
      code: 'Neo.ClientError.Security.Forbidden',
      message:
        'Permission has not been granted for CREATE ROLE. Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. ' +
        'In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted.',
    });
  });

  it('shows progress on stderr only when it is a terminal', () => {
    const script = Array.from({ length: 250 }, (_, i) => `CREATE USER u${i} SET PASSWORD 'abcd1234'`).join(';\n');
    expect(runCli(['run', 's.cypher'], { 's.cypher': script }).stderr).toBe('');
    const onTerminal = runCli(['run', 's.cypher'], { 's.cypher': script }, '', true);
    expect(onTerminal.stderr).toContain('201/249 statements');
  }, 60_000);
});
