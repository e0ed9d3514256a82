// esbuild plugins shared by every bundle of the project (the CLI, the library, the size budget).
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const stub = join(dirname(fileURLToPath(import.meta.url)), 'chevrotain-lexer-stub.js');

/** Chevrotain's Lexer module replaced by its constants (see chevrotain-lexer-stub.js). */
export const withoutChevrotainLexer = {
  name: 'without-chevrotain-lexer',
  setup(build) {
    build.onResolve({ filter: /(^|[/\\])lexer_public\.js$/ }, (args) =>
      /[/\\]chevrotain[/\\]lib[/\\]/.test(args.importer) ? { path: stub } : undefined,
    );
  },
};
