// The core's download size: src/index.ts bundled for the browser, minified, and gzipped, with the
// share of each package. `npm run bench` prints it; a test holds it to its budget.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { bundlePlugins } from './bundle-plugins.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The core's gzipped budget in KB, enforced by test/bundle-budget.test.ts and printed by bench/size.js; issue 16's target is 60. */
export const CORE_BUDGET_KB = 88;

/**
 * A page that imports only the linter (`parse`, `diagnose`): the executor and immer stay out,
 * as a bundler's tree shaking leaves them. Its budget in KB, held by the same test.
 */
export const LINTER_BUDGET_KB = 44;
export const LINTER_EXPORTS = ['parse', 'diagnose'];

/**
 * Sizes in bytes: the whole core (or, with `only`, a page importing just those of its exports), and
 * minified bytes per package (or per src/ folder); `files`: the modules it holds. `fromPackage`: the page
 * is bundled from the built library (dist/lib, what npm installs) instead of src/, so that what a user's
 * bundler can leave out of the package is measured too.
 */
export async function coreSize({ external = [], only = undefined, fromPackage = false } = {}) {
  const library = fromPackage ? './dist/lib/index.js' : './src/index.ts';
  const entry = only
    ? { stdin: { contents: `export { ${only.join(', ')} } from '${library}';`, resolveDir: root, loader: 'ts' } }
    : { entryPoints: [join(root, library)] };
  const core = await build({
    ...entry,
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    metafile: true,
    external,
    plugins: bundlePlugins,
    logLevel: 'warning',
  });
  const code = core.outputFiles[0].contents;
  const byPackage = new Map();
  for (const [path, { bytesInOutput }] of Object.entries(Object.values(core.metafile.outputs)[0].inputs)) {
    const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
    const owner = match ? match[1] : path.split('/').slice(0, 2).join('/');
    byPackage.set(owner, (byPackage.get(owner) ?? 0) + bytesInOutput);
  }
  const files = Object.entries(Object.values(core.metafile.outputs)[0].inputs)
    .filter(([, { bytesInOutput }]) => bytesInOutput > 0)
    .map(([path]) => path);
  return { minified: code.length, gzipped: gzipSync(code, { level: 9 }).length, byPackage, files };
}
