// Bundles the library (dist/lib: the core and the server entry points, sharing one chunk) and the CLI
// (one CommonJS file and a V8 code cache for it).
// - The library as bundled ESM: importing tsc's tree made Node resolve and load some 250 modules of
//   ours, Chevrotain's and Immer's one by one (import to the first execute 130-240 ms; bundled 60-85).
// - One bundle: Node resolves the ~200 ESM files of our code and Chevrotain's one by one, slowly.
// - The code cache: bin/sysdb.js compiles the bundle with the bytecode V8 produced while linting a
//   sample here, so a cold `sysdb lint` skips most compilation (about 15% of linting 20,000
//   statements). V8 rejects a cache made by another Node version; the bundle then compiles as usual.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
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
 * the package keeps the executor's tables too (a lint-only page of 48 KB gzipped instead of 41).
 */
const libraryMinify = process.env.SYSDB_READABLE_BUNDLE === '1' ? { minifySyntax: true } : { minifySyntax: true, minifyIdentifiers: true };

/**
 * Immer's module does work at its top level (its default instance, its tables), which a bundler must keep
 * where it cannot tell that nothing reads it. Installed as a package, immer says `sideEffects: false`, and a
 * page that never calls `produce` drops it whole; bundled into our library, that is lost (2.6 KB gzipped of
 * a lint-only page built from the package). So the library build takes of immer what we import (bundled
 * alone, so that the rest is shaken out first), wraps it in a pure function called once, and exports pure
 * functions that call into it: a page that never calls them drops all of immer. An import of anything
 * else of immer fails the build (no such export).
 */
const IMMER_FUNCTIONS = ['produce', 'freeze'];
const immerDroppable = {
  name: 'immer-droppable',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^immer$/ }, () => ({ path: 'immer', namespace: 'immer-droppable' }));
    pluginBuild.onLoad({ filter: /.*/, namespace: 'immer-droppable' }, async () => {
      const shaken = await build({
        stdin: { contents: `export { ${IMMER_FUNCTIONS.join(', ')} } from 'immer';`, resolveDir: root },
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        logLevel: 'warning',
      });
      const text = shaken.outputFiles[0].text;
      const exportAt = text.lastIndexOf('\nexport {');
      // `export { a as produce, freeze };`: each exported name and the local it exports.
      const exported = text.slice(text.indexOf('{', exportAt) + 1, text.indexOf('}', exportAt));
      const locals = Object.fromEntries(
        exported.split(',').map((item) => {
          const [local, name = local] = item.trim().split(/\s+as\s+/);
          return [name, local];
        }),
      );
      for (const name of IMMER_FUNCTIONS) if (!locals[name]) throw new Error(`immer no longer exports ${name}`);
      const contents = [
        `const immer = /* @__PURE__ */ (() => {`,
        text.slice(0, exportAt),
        `return { ${IMMER_FUNCTIONS.map((name) => `${name}: ${locals[name]}`).join(', ')} };`,
        `})();`,
        ...IMMER_FUNCTIONS.map((name) => `export const ${name} = (...args) => immer.${name}(...args);`),
      ].join('\n');
      return { contents, loader: 'js', resolveDir: root };
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
  plugins: [...bundlePlugins, immerDroppable],
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
