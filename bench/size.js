// Download budget for the browser: the core (reader, checks, executor: what a page imports from
// cypher-sysdb) minified and gzipped, what takes the space, and the whole playground page.
import { CORE_BUDGET_KB, coreSize, LINTER_BUDGET_KB, LINTER_EXPORTS } from '../scripts/core-size.mjs';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const core = await coreSize();
console.log(
  `core bundle (src/index.ts: reader, checks, executor, tools): ${kb(core.minified)} minified, ${kb(core.gzipped)} gzipped (budget ${CORE_BUDGET_KB} KB: test/bundle-budget.test.ts; issue 16's target 60 KB)`,
);
for (const [owner, bytes] of [...core.byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
  console.log(`  ${owner.padEnd(28)} ${kb(bytes).padStart(9)} minified (${((100 * bytes) / core.minified).toFixed(0)}%)`);
}

const linter = await coreSize({ only: LINTER_EXPORTS });
console.log(
  `a page importing only ${LINTER_EXPORTS.join(' and ')}: ${kb(linter.minified)} minified, ${kb(linter.gzipped)} gzipped (budget ${LINTER_BUDGET_KB} KB)`,
);
// `npm run bench` builds first, so the package is there.
const packaged = await coreSize({ only: LINTER_EXPORTS, fromPackage: true });
console.log(`  the same page from the built package (dist/lib): ${kb(packaged.gzipped)} gzipped (the same budget)`);

// The whole page, as `npm run build:playground` writes it.
const { build: viteBuild } = await import('vite');
const outDir = join(root, 'bench/out/playground');
await viteBuild({ configFile: join(root, 'playground/vite.config.ts'), build: { outDir, emptyOutDir: true }, logLevel: 'error' });
const files = (dir) => readdirSync(dir).flatMap((f) => (statSync(join(dir, f)).isDirectory() ? files(join(dir, f)) : [join(dir, f)]));
let raw = 0;
let zipped = 0;
for (const file of files(outDir)) {
  const bytes = readFileSync(file);
  raw += bytes.length;
  zipped += gzipSync(bytes, { level: 9 }).length;
}
console.log(`playground page (HTML, JS incl. CodeMirror and the lint worker, CSS): ${kb(raw)}, ${kb(zipped)} gzipped`);
