// `npm run bench` (after bench/run.js): `sysdb lint` and `sysdb fmt` on hostile 100 KB scripts, each
// next to a plain 100 KB script measured in the same run, as a ratio (absolute times depend on the
// machine). Each shape once made the front end quadratic or its output errors times line length.
import { writeFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const bundlePath = join(here, '../dist/sysdb.cjs');
const cli = createRequire(import.meta.url)(bundlePath);

const SIZE = 100 * 1024;
const repeatTo = (unit) => unit.repeat(Math.ceil(SIZE / unit.length)).slice(0, SIZE);
const SHAPES = {
  plain: repeatTo("CREATE USER alice SET PASSWORD 'secret-password' CHANGE NOT REQUIRED;\n"),
  'x; on one line': repeatTo('x;'),
  'x; per line': repeatTo('x;\n'),
  "unterminated string of \\'": `CREATE USER a SET PASSWORD '${repeatTo("\\'")}`,
  ":param line of \\'": `:param x => '${repeatTo("\\'")}`,
  'unterminated /* comments': `SHOW USERS ${repeatTo('/*')}`,
  'errors 40-63 brackets deep': repeatTo(Array.from({ length: 24 }, (_, i) => `SHOW USERS WHERE ${'('.repeat(40 + i)}x x;\n`).join('')),
};

/** Median of 3 runs of `sysdb <command> -` on `text`, output discarded (its size is counted). */
function time(command, text) {
  const runs = [];
  let bytes = 0;
  for (let i = 0; i < 3; i++) {
    bytes = 0;
    const io = {
      stdout: (t) => void (bytes += t.length),
      stderr: (t) => void (bytes += t.length),
      stderrIsTTY: false,
      readStdin: () => text,
      readFile: () => text,
      writeFile() {},
      expand: (p) => [p],
    };
    const start = performance.now();
    cli.main([command, '-'], io);
    runs.push(performance.now() - start);
  }
  return { ms: runs.sort((a, b) => a - b)[1], outputBytes: bytes };
}

for (const command of ['lint', 'fmt']) time(command, SHAPES.plain); // warm-up
const results = {};
for (const command of ['lint', 'fmt']) {
  const plain = time(command, SHAPES.plain);
  results[command] = {};
  for (const [name, text] of Object.entries(SHAPES)) {
    const measured = name === 'plain' ? plain : time(command, text);
    results[command][name] = {
      ms: Math.round(measured.ms),
      outputBytes: measured.outputBytes,
      ratioToPlain: Number((measured.ms / plain.ms).toFixed(1)),
    };
  }
}
mkdirSync(join(here, 'out'), { recursive: true });
writeFileSync(join(here, 'out/hostile-results.json'), `${JSON.stringify(results, null, 2)}\n`);

console.log(`\nhostile 100 KB scripts, time as a ratio to a plain 100 KB script (median of 3):`);
const width = Math.max(...Object.keys(SHAPES).map((k) => k.length));
for (const command of ['lint', 'fmt']) {
  const rows = Object.entries(results[command]);
  const worst = rows.filter(([name]) => name !== 'plain').sort((a, b) => b[1].ratioToPlain - a[1].ratioToPlain)[0];
  for (const [name, r] of rows)
    console.log(
      `${command} ${name.padEnd(width)}  ${String(r.ms).padStart(6)} ms  ${String(r.ratioToPlain).padStart(6)}x  output ${r.outputBytes} bytes`,
    );
  console.log(`${command} worst: ${worst[0]}, ${worst[1].ratioToPlain}x the plain script\n`);
}
