// Plugins shared by every bundle of the project: esbuild's (the CLI, the library, the size budget)
// and Vite's (the playground), each replacing modules of Chevrotain we do not use by stubs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** Modules of Chevrotain (paths under chevrotain/lib/src/) and the stub each is replaced by; each stub says why. */
const STUBS = [
  // Its Lexer: grammar/lexer.ts lexes; the stub keeps the constants the parser reads.
  ['scan/lexer_public.js', 'chevrotain-lexer-stub.js'],
  // Its grammar checks: they run from the sources, in the test suite.
  ['parse/grammar/checks.js', 'chevrotain-checks-stub.js'],
  // Its default error messages: src/syntax/syntax-errors.ts words every message.
  ['parse/errors_public.js', 'chevrotain-errors-stub.js'],
  // Its error recovery: the parser runs with recovery off.
  ['parse/parser/traits/recoverable.js', 'chevrotain-recovery-stub.js'],
  // Its CST visitor classes: src/visitor/ builds ASTs with plain functions.
  ['parse/cst/cst_visitor.js', 'chevrotain-visitor-stub.js'],
].map(([module, stub]) => ({ suffix: join('chevrotain/lib/src', module), stub: join(here, stub) }));

/** The stub standing in for the module at `resolved`, if it is one of STUBS. */
const stubFor = (resolved) => STUBS.find((s) => resolved.endsWith(s.suffix))?.stub;

/** Every plugin of the esbuild bundles: one that resolves each module of STUBS to its stub. */
export const bundlePlugins = [
  {
    name: 'chevrotain-stubs',
    setup(build) {
      const filter = new RegExp(`(^|/)(${STUBS.map((s) => s.suffix.split('/').at(-1).replace('.', '\\.')).join('|')})$`);
      build.onResolve({ filter }, (args) => {
        const stub = stubFor(join(args.resolveDir, args.path));
        return stub === undefined ? undefined : { path: stub };
      });
    },
  },
];

/** The same replacements for Vite (the playground page). */
export const viteChevrotainStubs = {
  name: 'chevrotain-stubs',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer) return null;
    return stubFor(join(dirname(importer), source)) ?? null;
  },
};
