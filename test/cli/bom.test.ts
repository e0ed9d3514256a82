/**
 * Files saved with a UTF-8 byte order mark (Windows editors write one): scripts, --params and
 * --state read through the real file system, as a user runs `sysdb`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { SystemDatabase } from '../../src/index.js';

const BOM = '\uFEFF';
let folder: string;
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'sysdb-bom-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function file(name: string, text: string): string {
  const path = join(folder, name);
  writeFileSync(path, BOM + text);
  return path;
}

function sysdb(...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const status = main(argv, { ...nodeIO, stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), stderrIsTTY: false });
  return { status, stdout, stderr };
}

describe('a UTF-8 byte order mark', () => {
  it('is not part of a linted script: an error on line 1 is at the column an editor shows', () => {
    const script = file('s.cypher', 'CREATE USR x;\n');
    expect(sysdb('lint', script)).toEqual({
      status: 1,
      stdout: [
        `${script}:1:8: error: Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))`,
        '  |',
        '1 | CREATE USR x;',
        '  |        ^^^',
        "  = help: Did you mean 'USER'?",
        '',
        '',
      ].join('\n'),
      stderr: '1 error in 1 file\n',
    });
  });

  it('does not make a canonical script need formatting', () => {
    expect(sysdb('fmt', '--check', file('s.cypher', 'SHOW USERS;\n'))).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('is accepted at the start of a --params file', () => {
    const run = sysdb(
      'run',
      file('s.cypher', 'SHOW USERS YIELD user WHERE user = $name;'),
      '--params',
      file('p.json', '{"name": "neo4j"}'),
      '--format',
      'json',
    );
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).statements[0].rows).toEqual([['neo4j']]);
  });

  it('is accepted at the start of a --state file', () => {
    const state = file('db.json', JSON.stringify(SystemDatabase.create().execute('CREATE ROLE auditor').db.toJSON()));
    const run = sysdb('run', file('s.cypher', 'SHOW ROLES YIELD role WHERE role = "auditor";'), '--state', state, '--format', 'json');
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).statements[0].rows).toEqual([['auditor']]);
  });
});

const root = new URL('../..', import.meta.url).pathname;
describe.skipIf(!existsSync(join(root, 'dist/sysdb.cjs')))('a byte order mark on standard input', () => {
  it('is not part of the script', () => {
    const lint = spawnSync(process.execPath, ['bin/sysdb.js', 'lint', '-'], {
      cwd: root,
      encoding: 'utf8',
      input: `${BOM}CREATE USR x;\n`,
    });
    expect(lint.status).toBe(1);
    expect(lint.stdout.split('\n')[0]).toBe(
      "<stdin>:1:8: error: Invalid input 'USR': expected 'IMMUTABLE', 'OR', 'ROLE' or 'USER' (line 1, column 8 (offset: 7))",
    );
  });
});
