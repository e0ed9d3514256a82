// Plugins shared by every bundle of the project: esbuild's (the CLI, the library, the size budget)
// and Vite's (the playground). The core uses only Chevrotain's token types (createToken, EOF,
// tokenMatcher, createTokenInstance): its parser (grammar/parser.ts) is the tests' oracle and no
// bundle holds it. So `chevrotain`, imported from our code, resolves to the token module alone, and
// an import of anything else of Chevrotain fails the build rather than bring in its parser (about
// 50 KB minified, 24 KB gzipped).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const chevrotainSource = dirname(createRequire(import.meta.url).resolve('chevrotain'));

/** Chevrotain's token types, functions and EOF: all that a bundle takes of it. */
const TOKENS_MODULE = join(chevrotainSource, 'scan/tokens_public.js');

/**
 * Its Lexer module, which the token module imports: grammar/lexer.ts lexes, and the stub keeps the
 * constant the token module reads (`Lexer.NA`, EOF's pattern).
 */
const LEXER_MODULE = join(chevrotainSource, 'scan/lexer_public.js');
const LEXER_STUB = join(here, 'chevrotain-lexer-stub.js');

/** Where a bundle takes `source`, imported from `importer`'s folder, instead of where Node would: undefined for the same place. */
function redirect(source, importerDir) {
  if (source === 'chevrotain') return TOKENS_MODULE;
  return join(importerDir, source) === LEXER_MODULE ? LEXER_STUB : undefined;
}

/** Every plugin of the esbuild bundles. */
export const bundlePlugins = [
  {
    name: 'chevrotain-tokens-only',
    setup(build) {
      build.onResolve({ filter: /^chevrotain$|(^|\/)lexer_public\.js$/ }, (args) => {
        const path = redirect(args.path, args.resolveDir);
        return path === undefined ? undefined : { path };
      });
    },
  },
];

/** The same for Vite (the playground page). */
export const viteChevrotainStubs = {
  name: 'chevrotain-tokens-only',
  enforce: 'pre',
  resolveId(source, importer) {
    if (!importer) return null;
    return redirect(source, dirname(importer)) ?? null;
  },
};
