/** The `sysdb` command line as a user sees it: output, exit status, and no password in sight. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';

describe('sysdb lint', () => {
  it('prints file:line:column, the Neo4j message, a code frame and a spelling hint', () => {
    const run = runCli(['lint', 'a.cypher'], { 'a.cypher': "DROP USER bob;\nCREATE USR jake SET PASSWORD 'abcd1234';\n" });
    expect(run.stdout).toBe(
      [
        "a.cypher:2:8: error: Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))",
        '  |',
        "2 | CREATE USR jake SET PASSWORD '******';",
        '  |        ^^^',
        "  = help: Did you mean 'USER'?",
        '',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toBe('1 error in 1 file\n');
    expect(run.status).toBe(1);
  });

  it('prints JSON in the documented shape', () => {
    const run = runCli(['lint', '--format', 'json', 'a.cypher'], { 'a.cypher': 'CREATE USER foo' });
    expect(JSON.parse(run.stdout)).toEqual({
      files: [
        {
          file: 'a.cypher',
          diagnostics: [
            {
              severity: 'error',
              code: 'Neo.ClientError.Statement.SyntaxError',
              message: "Invalid input '': expected 'IF NOT EXISTS' or 'SET' (line 1, column 16 (offset: 15))",
              line: 1,
              column: 16,
              offset: 15,
              endLine: 1,
              endColumn: 16,
            },
          ],
        },
      ],
    });
    expect(run.status).toBe(1);
  });

  it('keeps JSON to the documented keys, even for a diagnostic with a spelling hint', () => {
    const run = runCli(['lint', '--format', 'json', 'a.cypher'], { 'a.cypher': "CREATE USR jake SET PASSWORD 'abcd1234'" });
    const [diagnostic] = JSON.parse(run.stdout).files[0].diagnostics;
    expect(Object.keys(diagnostic)).toEqual(['severity', 'code', 'message', 'line', 'column', 'offset', 'endLine', 'endColumn']);
  });

  it('exits 0 on clean files, with warnings allowed, and prints nothing for clean ones', () => {
    expect(runCli(['lint', 'ok.cypher'], { 'ok.cypher': "CREATE USER jake SET PASSWORD 'abcd1234';" })).toMatchObject({
      status: 0,
      stdout: '',
      stderr: 'no problems in 1 file\n',
    });
    const warned = runCli(['lint', 'w.cypher'], { 'w.cypher': ':begin\nDROP USER jake;\n:commit' });
    expect(warned.status).toBe(0);
    expect(warned.stderr).toBe('2 warnings in 1 file\n');
  });

  it('searches directories for .cypher files and reads stdin for -', () => {
    const files = { 'scripts/b.cypher': 'DROP USER;', 'scripts/a.cypher': 'DROP USER a;', 'scripts/notes.txt': 'DROP' };
    const run = runCli(['lint', '--format=json', 'scripts', '-'], files, 'SHOW USERS YIELD nope');
    expect(JSON.parse(run.stdout).files.map((f: { file: string; diagnostics: unknown[] }) => [f.file, f.diagnostics.length])).toEqual([
      ['scripts/a.cypher', 0],
      ['scripts/b.cypher', 1],
      ['<stdin>', 1],
    ]);
  });

  it('masks password literals in code frames and messages, even in broken statements', () => {
    const script =
      "CREATE USER jake SET PASSWORD 'hunter22' SET PASSWORD 'hunter33';\nALTER CURRENT USER SET PASSWORD FROM 'hunter44' 'hunter55';\nCREATE USER x SET PASSWORD 'hunter66\n:param pw => 'hunter77'\n:bogus 'hunter88'";
    for (const format of ['text', 'json']) {
      const run = runCli(['lint', '--format', format, 'p.cypher'], { 'p.cypher': script });
      for (const secret of ['hunter22', 'hunter33', 'hunter44', 'hunter55', 'hunter66']) {
        expect(run.stdout + run.stderr).not.toContain(secret);
      }
    }
  });

  it('exits 2 with a one-line message for a missing file, an unknown option or no input', () => {
    expect(runCli(['lint', 'missing.cypher'])).toMatchObject({
      status: 2,
      stdout: '',
      stderr: "sysdb: cannot read 'missing.cypher': no such file or directory\n",
    });
    const badOption = runCli(['lint', '--colour', 'a.cypher'], { 'a.cypher': '' });
    expect(badOption.status).toBe(2);
    expect(badOption.stderr.split('\n')[0]).toBe("sysdb lint: unknown option '--colour'");
    expect(runCli(['lint', '--format', 'xml', 'a.cypher'], { 'a.cypher': '' }).stderr.split('\n')[0]).toBe(
      "sysdb lint: option '--format' must be one of text, json, github",
    );
    expect(runCli(['lint']).stderr.split('\n')[0]).toBe('sysdb lint: no input files (give files, directories, or - for stdin)');
  });

  it('takes the minimum password length as an option', () => {
    const files = { 'a.cypher': "CREATE USER jake SET PASSWORD 'abcd1234';" };
    expect(runCli(['lint', '--min-password-length', '12', 'a.cypher'], files).stdout).toContain(
      'A password must be at least 12 characters.',
    );
    expect(runCli(['lint', '--min-password-length', '4', 'a.cypher'], files).status).toBe(0);
  });
});

describe('sysdb lint --format github', () => {
  it('prints one GitHub Actions annotation per diagnostic, escaped as the runner expects', () => {
    const files = { 'ci/a,b.cypher': 'CREATE USR jake;\nALTER USER jake;\nGRANT TRAVERSE ON GRAPH neo4j FOR (n:Secret) TO r;' };
    const run = runCli(['lint', '--format', 'github', 'ci/a,b.cypher'], files);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(
      [
        "::error file=ci/a%2Cb.cypher,line=1,col=8,endLine=1,endColumn=11,title=Neo.ClientError.Statement.SyntaxError::Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))",
        '::error file=ci/a%2Cb.cypher,line=2,col=1,endLine=2,endColumn=16,title=Neo.ClientError.Statement.SyntaxError::`ALTER USER` requires at least one clause. (line 1, column 1 (offset: 0))',
        '::warning file=ci/a%2Cb.cypher,line=3,col=1,endLine=3,endColumn=6,title=CypherSysdb.NotSupported::Property-based access control (FOR ... WHERE) in graph privileges is not supported by cypher-sysdb: this statement is not checked.',
        '',
      ].join('\n'),
    );
  });

  it('masks a password literal that Neo4j would quote as the invalid input', () => {
    const run = runCli(['lint', '--format', 'github', 'p.cypher'], {
      'p.cypher': "CREATE USER jake SET PASSWORD 'pw-one-secret' 'hunter2-secret';",
    });
    expect(run.stdout).toBe(
      "::error file=p.cypher,line=1,col=47,endLine=1,endColumn=63,title=Neo.ClientError.Statement.SyntaxError::Invalid input ''******'': expected 'CHANGE', 'SET' or <EOF> (line 1, column 47 (offset: 46))\n",
    );
  });
});

describe('sysdb lint --max-diagnostics', () => {
  // Two errors, a warning, then two errors.
  const files = { 'a.cypher': 'CREATE USR a;\nDROP USER;\nMATCH (n) RETURN n;\nCREATE USR b;\nCREATE USR c;', 'b.cypher': 'DROP USER;' };

  it('shows the first N diagnostics of each file and counts the rest, by severity', () => {
    const run = runCli(['lint', '--max-diagnostics', '1', 'a.cypher', 'b.cypher'], files);
    expect(run.status).toBe(1);
    expect(run.stdout.split('\n').filter((line) => /^[ab]\.cypher:/.test(line))).toEqual([
      "a.cypher:1:8: error: Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))",
      'a.cypher: 3 errors and 1 warning not shown (--max-diagnostics 0 shows them all)',
      "b.cypher:1:10: error: Invalid input '': expected a parameter or an identifier (line 1, column 10 (offset: 9))",
    ]);
    expect(run.stderr).toBe('5 errors and 1 warning in 2 files\n');
  });

  it('counts only errors under --quiet', () => {
    const run = runCli(['lint', '--quiet', '--max-diagnostics', '2', 'a.cypher'], files);
    expect(run.stdout).toContain('a.cypher: 2 errors not shown (--max-diagnostics 0 shows them all)\n');
    expect(run.stderr).toBe('4 errors in 1 file\n');
  });

  it('shows everything with 0, and says nothing of a cap it did not reach', () => {
    const all = runCli(['lint', '--max-diagnostics', '0', 'a.cypher'], files);
    expect(all.stdout.split('\n').filter((line) => line.startsWith('a.cypher:'))).toHaveLength(5);
    expect(all.stdout).not.toContain('not shown');
    expect(runCli(['lint', '--max-diagnostics', '5', 'a.cypher'], files).stdout).toBe(all.stdout);
  });

  it('puts the count of the rest in JSON as omitted, and in GitHub annotations as a notice', () => {
    const json = JSON.parse(runCli(['lint', '--format', 'json', '--max-diagnostics', '2', 'a.cypher', 'b.cypher'], files).stdout);
    expect(
      json.files.map((f: { file: string; omitted?: number; diagnostics: unknown[] }) => [f.file, f.omitted, f.diagnostics.length]),
    ).toEqual([
      ['a.cypher', 3, 2],
      ['b.cypher', undefined, 1],
    ]);
    expect(runCli(['lint', '--format', 'github', '--max-diagnostics', '4', 'a.cypher'], files).stdout.split('\n').at(-2)).toBe(
      '::notice file=a.cypher::1 error not shown (--max-diagnostics 0 shows them all)',
    );
  });

  it('refuses a value that is not a count', () => {
    const run = runCli(['lint', '--max-diagnostics', 'all', 'a.cypher'], files);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe("sysdb lint: option '--max-diagnostics' must be a non-negative integer");
  });
});

describe('sysdb lint --quiet', () => {
  it('reports errors only', () => {
    const files = { 'a.cypher': 'GRANT TRAVERSE ON GRAPH neo4j FOR (n:Secret) TO reader;\n:begin\nCREATE USER;' };
    expect(runCli(['lint', 'a.cypher'], files).stderr).toBe('1 error and 2 warnings in 1 file\n');
    const quiet = runCli(['lint', '--quiet', 'a.cypher'], files);
    expect(quiet.status).toBe(1);
    // After CREATE USER Neo4j's list names a graph pattern too (CreateUserAdministrationCommandParserTest).
    expect(quiet.stdout).toBe(
      "a.cypher:3:12: error: Invalid input '': expected a graph pattern, a parameter or an identifier (line 1, column 12 (offset: 11))\n  |\n3 | CREATE USER;\n  |            ^\n\n",
    );
    expect(quiet.stderr).toBe('1 error in 1 file\n');
    expect(runCli(['lint', '--quiet', 'b.cypher'], { 'b.cypher': 'MATCH (n) RETURN n' })).toMatchObject({
      status: 0,
      stdout: '',
      stderr: 'no problems in 1 file\n',
    });
  });
});

describe('sysdb fmt', () => {
  const messy = "create user jake set password 'abcd1234' set tags 'a', 'b';\n// gone\nshow users where user = \"jake\"";
  const canonical = "CREATE USER jake SET PASSWORD 'abcd1234' SET TAGS ['a', 'b'];\nSHOW USERS WHERE user = 'jake';\n";

  it('prints the canonical form, keeping the passwords of the user’s own script', () => {
    expect(runCli(['fmt', 'a.cypher'], { 'a.cypher': messy })).toMatchObject({ status: 0, stdout: canonical });
  });

  it('--check lists files that are not canonical and never prints their content', () => {
    const run = runCli(['fmt', '--check', 'a.cypher', 'b.cypher'], { 'a.cypher': messy, 'b.cypher': canonical });
    expect(run).toMatchObject({ status: 1, stdout: '', stderr: 'would reformat a.cypher\n' });
  });

  it('--write rewrites files in place', () => {
    expect(runCli(['fmt', '--write', 'a.cypher'], { 'a.cypher': messy }).written).toEqual(new Map([['a.cypher', canonical]]));
  });

  it('keeps statements of families it does not model exactly as written (they are not errors)', () => {
    const script =
      'create role r;\nGRANT  TRAVERSE ON GRAPH neo4j FOR (n:Secret) TO r;\nmatch (n) return n;\ncypher  25 /* version */ show users';
    expect(runCli(['fmt', 'a.cypher'], { 'a.cypher': script })).toMatchObject({
      status: 0,
      stdout: 'CREATE ROLE r;\nGRANT  TRAVERSE ON GRAPH neo4j FOR (n:Secret) TO r;\nmatch (n) return n;\nCYPHER 25 SHOW USERS;\n',
    });
  });

  it('refuses to format a file with syntax errors', () => {
    const run = runCli(['fmt', 'a.cypher'], { 'a.cypher': 'DROP USER;' });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain("sysdb: 'a.cypher' has syntax errors; not formatted");
    expect(run.stdout).toContain("a.cypher:1:10: error: Invalid input ''");
  });
});

describe('sysdb', () => {
  it('prints help and version', () => {
    expect(runCli(['--help']).stdout).toContain('lint [files|dirs|-]');
    expect(runCli(['lint', '--help']).stdout).toContain('Usage: sysdb lint');
    const version = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')).version;
    expect(runCli(['--version']).stdout).toBe(`${version}\n`);
  });

  it('rejects unknown commands with exit status 2', () => {
    expect(runCli(['frobnicate'])).toMatchObject({ status: 2 });
  });
});

const built = existsSync(new URL('../../dist/sysdb.cjs', import.meta.url));

describe.skipIf(!built)('the installed binary (bin/sysdb.js over the bundle)', () => {
  const sysdb = (...args: string[]) =>
    spawnSync(process.execPath, ['bin/sysdb.js', ...args], { cwd: new URL('../..', import.meta.url), encoding: 'utf8' });

  it('lints the bundled fixtures', () => {
    expect(sysdb('lint', 'fixtures/onboarding.cypher')).toMatchObject({ status: 0, stdout: '' });
    const broken = sysdb('lint', 'fixtures/broken');
    expect(broken.status).toBe(1);
    expect(broken.stdout).toContain("fixtures/broken/misspelled-keyword.cypher:1:8: error: Invalid input 'USR'");
  });

  it('reports an unreadable file without a stack trace', () => {
    const run = sysdb('lint', 'no/such/file.cypher');
    expect(run.status).toBe(2);
    expect(run.stderr).toBe("sysdb: cannot read 'no/such/file.cypher': no such file or directory\n");
  });
});
