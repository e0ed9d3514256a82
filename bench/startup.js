// Start-up: how long a fresh process takes to import cypher-sysdb (what package.json exports: the
// bundled library) and run its first statement, and a whole `sysdb lint` of a small script (clean,
// and with two errors), each against a bare `node -e 0` started in the same run, runs interleaved
// (A B A B ...) so that the ratios hold while the shared machine's speed drifts. Targets (issue 16): import to the first
// execute under 100 ms; the CLI under 2x a bare Node start.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const out = join(here, 'out');
mkdirSync(out, { recursive: true });

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const script = join(out, 'startup.cypher');
writeFileSync(script, 'CREATE USER alice IF NOT EXISTS SET PASSWORD $p CHANGE NOT REQUIRED;\nGRANT ROLE reader TO alice;\nSHOW USERS;\n');
// The same with two errors (a syntax error and a refusal once read), as an editor lints a script being written.
const withErrors = join(out, 'startup-errors.cypher');
writeFileSync(
  withErrors,
  'CREATE USER alice IF NOT EXISTS SET PASSWORD $p CHANGE NOT REQUIRED;\nGRANT ROLE reader TOO alice;\nSHOW USERS WHERE a != b;\n',
);

// The package imports itself by name (its exports), as a user's code would.
const firstExecute = `const t0 = performance.now();
const { SystemDatabase } = await import('cypher-sysdb');
const imported = performance.now();
SystemDatabase.create().execute('SHOW USERS');
const done = performance.now();
console.log(JSON.stringify({ importMs: imported - t0, firstExecuteMs: done - imported, sinceStartMs: done }));`;

const commands = {
  bare: [process.execPath, ['-e', '0']],
  library: [process.execPath, ['--input-type=module', '-e', firstExecute]],
  cli: [process.execPath, [join(root, 'bin/sysdb.js'), 'lint', script]],
  cliErrors: [process.execPath, [join(root, 'bin/sysdb.js'), 'lint', withErrors]],
};
/** The exit status each command must end with: `sysdb lint` reports errors with 1. */
const EXPECTED_STATUS = { cliErrors: 1 };

/** Wall milliseconds of one whole process, and what it printed. */
function wall(name) {
  const [command, args] = commands[name];
  const start = performance.now();
  const result = spawnSync(command, args, { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== (EXPECTED_STATUS[name] ?? 0)) throw new Error(`${args.join(' ').slice(0, 80)} failed: ${result.stderr}`);
  return { ms, stdout: result.stdout };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
for (const name of Object.keys(commands)) wall(name); // warm the file cache
const samples = { bare: [], library: [], cli: [], cliErrors: [], importMs: [], firstExecuteMs: [], inProcessMs: [] };
for (let i = 0; i < RUNS; i++) {
  samples.bare.push(wall('bare').ms);
  const library = wall('library');
  samples.library.push(library.ms);
  const inside = JSON.parse(library.stdout);
  samples.importMs.push(inside.importMs);
  samples.firstExecuteMs.push(inside.firstExecuteMs);
  samples.inProcessMs.push(inside.importMs + inside.firstExecuteMs);
  samples.bare.push(wall('bare').ms);
  samples.cli.push(wall('cli').ms);
  samples.cliErrors.push(wall('cliErrors').ms);
}

const bareMs = median(samples.bare);
const results = {
  runs: RUNS,
  bareNodeWallMs: Math.round(bareMs),
  library: {
    importToFirstExecuteMs: Math.round(median(samples.inProcessMs)),
    importMs: Math.round(median(samples.importMs)),
    firstExecuteMs: Math.round(median(samples.firstExecuteMs)),
    wallMs: Math.round(median(samples.library)),
    wallVsBareNode: Number((median(samples.library) / bareMs).toFixed(2)),
  },
  cli: { lintSmallScriptWallMs: Math.round(median(samples.cli)), wallVsBareNode: Number((median(samples.cli) / bareMs).toFixed(2)) },
  cliErrors: {
    lintSmallScriptWallMs: Math.round(median(samples.cliErrors)),
    wallVsBareNode: Number((median(samples.cliErrors) / bareMs).toFixed(2)),
  },
};
writeFileSync(join(out, 'startup-results.json'), `${JSON.stringify(results, null, 2)}\n`);

const rows = [
  ['bare `node -e 0` (wall)', `${results.bareNodeWallMs} ms (median of ${2 * RUNS})`],
  [
    'import to the first execute',
    `${results.library.importToFirstExecuteMs} ms: import ${results.library.importMs} + create and SHOW USERS ${results.library.firstExecuteMs} (target < 100 ms)`,
  ],
  ['  whole process (wall)', `${results.library.wallMs} ms, ${results.library.wallVsBareNode.toFixed(2)}x a bare Node start`],
  [
    'sysdb lint of a 3-statement script (wall)',
    `${results.cli.lintSmallScriptWallMs} ms, ${results.cli.wallVsBareNode.toFixed(2)}x a bare Node start (target < 2x)`,
  ],
  [
    '  the same with two errors (wall)',
    `${results.cliErrors.lintSmallScriptWallMs} ms, ${results.cliErrors.wallVsBareNode.toFixed(2)}x a bare Node start`,
  ],
];
const width = Math.max(...rows.map(([k]) => k.length));
console.log(rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n'));
