// Download budget for the browser: the core (parser + executor, what a page imports from
// cypher-sysdb) minified and gzipped, what takes the space, and the whole playground page.
import { build } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;

const core = await build({
  entryPoints: [join(root, 'src/index.ts')],
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  write: false,
  metafile: true,
  logLevel: 'warning',
});
const code = core.outputFiles[0].contents;
const gzipped = gzipSync(code, { level: 9 }).length;
console.log(`core bundle (src/index.ts: parser + executor): ${kb(code.length)} minified, ${kb(gzipped)} gzipped (target < 100 KB gzipped)`);

// What takes the space, by package (bytes of minified output attributed to each input).
const byPackage = new Map();
for (const [path, { bytesInOutput }] of Object.entries(Object.values(core.metafile.outputs)[0].inputs)) {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  const owner = match ? match[1] : path.split('/').slice(0, 2).join('/');
  byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput);
}
for (const [owner, bytes] of [...byPackage].sort((a, b) => b[1] - a[1]).slice(0, 10)) {
  console.log(`  ${owner.padEnd(28)} ${kb(bytes).padStart(9)} minified (${((100 * bytes) / code.length).toFixed(0)}%)`);
}

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
