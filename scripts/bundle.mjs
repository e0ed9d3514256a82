// Bundles the library (dist/lib: the core and the server entry points, sharing one chunk) and the CLI
// (one CommonJS file and a V8 code cache for it).
// - The library as bundled ESM: importing tsc's tree made Node resolve and load some 250 modules of
//   ours, Chevrotain's and Immer's one by one (import to the first execute 130-240 ms; bundled 60-85).
// - One bundle: Node resolves the ~200 ESM files of our code and Chevrotain's one by one, slowly.
// - The code cache: bin/sysdb.js compiles the bundle with the bytecode V8 produced while linting a
//   sample here, so a cold `sysdb lint` skips most compilation (about 15% of linting 20,000
//   statements). V8 rejects a cache made by another Node version; the bundle then compiles as usual.
import { build } from 'esbuild';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileBundle } from '../bin/load-bundle.js';
import { bundlePlugins } from './bundle-plugins.mjs';
import { corpusText, generateStatements } from './corpus.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundlePath = join(root, 'dist/sysdb.cjs');

/**
 * `SYSDB_READABLE_BUNDLE=1` (set by `npm run bench -- --profile`): our functions keep their names, so
 * that a CPU profile names them; whitespace and syntax are still minified, and the code is the same.
 */
const minify = process.env.SYSDB_READABLE_BUNDLE === '1' ? { minifyWhitespace: true, minifySyntax: true } : { minify: true };

/**
 * The library keeps its line breaks: esbuild drops the `@__PURE__` and `@__NO_SIDE_EFFECTS__`
 * annotations when it minifies whitespace, and without them a bundler that takes only the linter from
 * the package keeps the executor's tables too (a lint-only page of 48 KB gzipped instead of 42).
 */
const libraryMinify = process.env.SYSDB_READABLE_BUNDLE === '1' ? { minifySyntax: true } : { minifySyntax: true, minifyIdentifiers: true };

/**
 * Immer makes its default instance at the top of its module (`new Immer()`, and `produce` read from it),
 * which a bundler must keep when it cannot tell that nothing reads them. Installed as a package, immer
 * says `sideEffects: false` and a page that never calls `produce` drops it whole; bundled into our
 * library, that is lost, so the two statements are marked pure here (1.4 KB of a lint-only page; the rest of immer's
 * top level still stays, 2.6 KB).
 */
const IMMER_INSTANCE = [
  ['var immer = new Immer2();', 'var immer = /* @__PURE__ */ new Immer2();'],
  // A read of a property may run a getter, so a bundler keeps it; a function that reads it later is pure.
  ['var produce = immer.produce;', 'var produce = (...args) => immer.produce(...args);'],
];
const immerInstancePure = {
  name: 'immer-instance-pure',
  setup(build) {
    build.onLoad({ filter: /node_modules\/immer\/dist\/immer\.mjs$/ }, ({ path }) => {
      let text = readFileSync(path, 'utf8');
      for (const [from, to] of IMMER_INSTANCE) {
        if (!text.includes(from))
          throw new Error(`immer's module no longer holds \`${from}\`: update IMMER_INSTANCE in scripts/bundle.mjs`);
        text = text.replace(from, to);
      }
      return { contents: text, loader: 'js' };
    });
  },
};

// package.json's exports point here; tsc writes only the types (dist/src/**/*.d.ts). Emptied first: each
// build names its shared chunk by its hash, and the chunks of earlier builds would otherwise be packed too.
rmSync(join(root, 'dist/lib'), { recursive: true, force: true });
await build({
  entryPoints: { index: join(root, 'src/index.ts'), server: join(root, 'src/server/index.ts') },
  outdir: join(root, 'dist/lib'),
  chunkNames: 'shared-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  ...libraryMinify,
  plugins: [...bundlePlugins, immerInstancePure],
  logLevel: 'warning',
});

await build({
  entryPoints: [join(root, 'src/cli/main.ts')],
  outfile: bundlePath,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  ...minify,
  plugins: bundlePlugins,
  logLevel: 'warning',
});

// Warm the bundle on a sample script so that the functions linting needs are compiled into the cache.
const { script, exports } = compileBundle(bundlePath, createRequire(bundlePath), null);
const sample = corpusText(generateStatements(3000, 7));
const silent = {
  stdout() {},
  stderr() {},
  stderrIsTTY: false,
  readStdin: () => sample,
  readFile: () => sample,
  writeFile() {},
  expand: (p) => [p],
};
exports.main(['lint', '-'], silent);
exports.main(['fmt', '-'], silent);
writeFileSync(join(root, 'dist/sysdb.cache'), script.createCachedData());
