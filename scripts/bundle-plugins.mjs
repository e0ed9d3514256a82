// Plugins shared by every bundle of the project: esbuild's (the CLI, the library, the size budget)
// and Vite's (the playground), each replacing modules of Chevrotain we do not use by stubs.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** An esbuild plugin resolving `module` of Chevrotain (a path under chevrotain/lib/src/) to `stub`. */
function replaceChevrotainModule(name, module, stub) {
  const base = module.split('/').at(-1);
  const filter = new RegExp(`(^|/)${base.replace('.', '\\.')}$`);
  const suffix = join('chevrotain/lib/src', module);
  return {
    name,
    setup(build) {
      build.onResolve({ filter }, (args) => (join(args.resolveDir, args.path).endsWith(suffix) ? { path: join(here, stub) } : undefined));
    },
  };
}

/** Chevrotain's Lexer module replaced by its constants (see chevrotain-lexer-stub.js). */
export const withoutChevrotainLexer = replaceChevrotainModule(
  'without-chevrotain-lexer',
  'scan/lexer_public.js',
  'chevrotain-lexer-stub.js',
);

/** Chevrotain's grammar checks left out (see chevrotain-checks-stub.js). */
export const withoutGrammarChecks = replaceChevrotainModule(
  'without-grammar-checks',
  'parse/grammar/checks.js',
  'chevrotain-checks-stub.js',
);

/** Chevrotain's default error messages left out (see chevrotain-errors-stub.js). */
export const withoutErrorMessages = replaceChevrotainModule(
  'without-error-messages',
  'parse/errors_public.js',
  'chevrotain-errors-stub.js',
);

/** Every plugin of the bundles. */
export const bundlePlugins = [withoutChevrotainLexer, withoutGrammarChecks, withoutErrorMessages];

/** The same replacements for Vite (the playground page). */
export const viteChevrotainStubs = {
  name: 'chevrotain-stubs',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer) return null;
    const resolved = join(dirname(importer), source);
    if (resolved.endsWith(join('chevrotain/lib/src', 'scan/lexer_public.js'))) return join(here, 'chevrotain-lexer-stub.js');
    if (resolved.endsWith(join('chevrotain/lib/src', 'parse/grammar/checks.js'))) return join(here, 'chevrotain-checks-stub.js');
    if (resolved.endsWith(join('chevrotain/lib/src', 'parse/errors_public.js'))) return join(here, 'chevrotain-errors-stub.js');
    return null;
  },
};
