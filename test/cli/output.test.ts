/** What `sysdb lint` prints for hostile scripts: bounded code frames and no raw control bytes. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CLOSED_PIPE_STATUS, nodeIO } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';
import { FRAME_WIDTH } from '../../src/cli/frame.js';
import { runCli } from '../support/cli.js';
import { spawnSysdb } from '../support/spawn-cli.js';

describe('code frames on long lines', () => {
  it('show a window around the error, elided with ..., with the caret under the offending token', () => {
    const script = `SHOW USERS WHERE ${Array(40).fill('true').join(' AND ')} AND x y AND ${Array(40).fill('true').join(' AND ')}`;
    expect(runCli(['lint', 'a.cypher'], { 'a.cypher': script }).stdout).toBe(
      [
        "a.cypher:1:380: error: Invalid input 'y': expected an expression or <EOF> (line 1, column 380 (offset: 379))",
        '  |',
        '1 | ... true AND true AND true AND x y AND true AND true AND true AND true AND true AND true AND true AND t...',
        '  |                                  ^',
        '',
        '',
      ].join('\n'),
    );
  });

  it('elide only the side that is cut', () => {
    const atStart = runCli(['lint', 'a.cypher'], { 'a.cypher': `x${' '.repeat(200)}` })
      .stdout.split('\n')
      .slice(2, 4);
    expect(atStart).toEqual([`1 | x${' '.repeat(99)}...`, '  | ^']);
    const atEnd = runCli(['lint', 'a.cypher'], { 'a.cypher': `DROP USER a${' '.repeat(200)}x` })
      .stdout.split('\n')
      .slice(2, 4);
    expect(atEnd).toEqual([`1 | ...${' '.repeat(99)}x`, `  | ${' '.repeat(102)}^`]);
  });

  it('keep the output of one long line with an error per statement proportional to the line', () => {
    // 10 KB on one line, 5,000 errors: each frame used to print the whole line (50 MB).
    const run = runCli(['lint', '--max-diagnostics', '0', '-'], {}, 'x;'.repeat(5000));
    expect(run.stderr).toBe('5000 errors in 1 file\n');
    const frameLines = run.stdout.split('\n').filter((line) => line.startsWith('1 | '));
    expect(frameLines).toHaveLength(5000);
    for (const line of frameLines) expect(line.length).toBeLessThanOrEqual('1 | '.length + FRAME_WIDTH + '......'.length);
    expect(run.stdout.length).toBeLessThan(5000 * 400);
  });

  it('regression: a script with an error every two bytes printed 160 times its size; 100 per file are shown by default, the rest counted', () => {
    const run = runCli(['lint', 'a.cypher'], { 'a.cypher': 'x;'.repeat(5000) });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('5000 errors in 1 file\n');
    const reported = run.stdout.split('\n').filter((line) => line.startsWith('a.cypher:1:'));
    expect(reported).toHaveLength(100);
    expect(reported.at(-1)).toMatch(/^a\.cypher:1:199: error: Invalid input 'x'/);
    expect(run.stdout.endsWith('\n\na.cypher: 4900 errors not shown (--max-diagnostics 0 shows them all)\n\n')).toBe(true);
    expect(run.stdout.length).toBeLessThan(100 * 400);
  });

  it('do not cut a surrogate pair in two', () => {
    const frame = runCli(['lint', 'a.cypher'], { 'a.cypher': `${'😀'.repeat(100)} x` }).stdout.split('\n')[2]!;
    expect(frame).toBe(`1 | ${'😀'.repeat(50)}...`);
  });
});

describe('terminal control bytes from a script', () => {
  const script = 'DROP USER \x1b[31mred;\n';

  it('are escaped in the message and the code frame of text output', () => {
    expect(runCli(['lint', 'a.cypher'], { 'a.cypher': script }).stdout).toBe(
      [
        "a.cypher:1:11: error: Invalid input '\\u001b': expected a parameter or an identifier (line 1, column 11 (offset: 10))",
        '  |',
        '1 | DROP USER \\u001b[31mred;',
        '  |           ^^^^^^',
        '',
        '',
      ].join('\n'),
    );
  });

  it('are escaped in GitHub annotations, C1 controls too', () => {
    expect(runCli(['lint', '--format', 'github', 'a.cypher'], { 'a.cypher': script }).stdout).toBe(
      "::error file=a.cypher,line=1,col=11,endLine=1,endColumn=12,title=Neo.ClientError.Statement.SyntaxError::Invalid input '\\u001b': expected a parameter or an identifier (line 1, column 11 (offset: 10))\n",
    );
    expect(runCli(['lint', '--format', 'github', 'a.cypher'], { 'a.cypher': 'DROP USER \u009b' }).stdout).toContain(
      "Invalid input '\\u009b'",
    );
  });
});

describe('an unexpected error', () => {
  it('is one line on stderr and exit status 2, without a stack trace', () => {
    const io = {
      ...nodeIO,
      stdout: () => undefined,
      stderr: (t: string) => void (stderr += t),
      readStdin: () => {
        throw new RangeError('Maximum call stack size exceeded\n    at lint (sysdb.cjs:1:2)');
      },
    };
    let stderr = '';
    expect(main(['lint', '-'], io)).toBe(2);
    expect(stderr).toBe('sysdb: internal error: Maximum call stack size exceeded (please report)\n');
  });

  // bin/sysdb.js runs the bundle: a preload makes loading it throw, or throws later from a timer.
  const bin = join(dirname(fileURLToPath(import.meta.url)), '../../bin/sysdb.js');
  const built = existsSync(join(dirname(bin), '../dist/sysdb.cjs'));
  it.skipIf(!built).each([
    [
      'while the CLI loads',
      '',
      "require('vm').Script.prototype.runInThisContext = () => { throw new RangeError('Maximum call stack size exceeded\\n    at x (sysdb.cjs:1:2)'); };",
    ],
    [
      'uncaught, after linting',
      'no problems in 1 file\n',
      "const t = setInterval(() => { if (process.listenerCount('uncaughtException') > 0) { clearInterval(t); throw new RangeError('Maximum call stack size exceeded\\n    at x (sysdb.cjs:1:2)'); } }, 1);",
    ],
  ])('is one line from bin/sysdb.js too, %s', (_when, before, preload) => {
    const preloadPath = join(mkdtempSync(join(tmpdir(), 'sysdb-')), 'preload.cjs');
    writeFileSync(preloadPath, preload);
    const run = spawnSync(process.execPath, ['--require', preloadPath, bin, 'lint', '-'], { input: 'SHOW USERS', encoding: 'utf8' });
    expect(run.stderr).toBe(`${before}sysdb: internal error: Maximum call stack size exceeded (please report)\n`);
    expect(run.status).toBe(2);
  });
});

describe('a reader that stops early', () => {
  // Regression: `sysdb lint big.cypher | head` ended with "sysdb: internal error: write EPIPE (please report)".
  it('ends the CLI quietly with the status of a tool stopped by SIGPIPE', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sysdb-pipe-'));
    const file = join(dir, 'many.cypher');
    writeFileSync(file, 'x;\n'.repeat(20_000));
    const child = spawnSysdb(['lint', file]);
    await child.line(/^/);
    child.process.stdout.destroy();
    const { code } = await child.exited;
    expect(child.stderr()).not.toContain('internal error');
    expect(code).toBe(CLOSED_PIPE_STATUS);
  });
});
