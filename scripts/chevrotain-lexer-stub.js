// What the bundles keep of Chevrotain's Lexer module (chevrotain/lib/src/scan/lexer_public.js):
// its two marker constants, which Chevrotain's parser reads (`Lexer.NA` for its EOF and recording
// tokens). We lex with grammar/lexer.ts, so the Lexer class, its regex analysis and the regex parser
// it imports (about 37 KB minified) stay out. test/bundle-budget.test.ts holds the constants to
// Chevrotain's own.
export class Lexer {
  constructor() {
    throw new Error("cypher-sysdb's bundles leave out Chevrotain's Lexer: grammar/lexer.ts lexes");
  }
}
Lexer.SKIPPED =
  'This marks a skipped Token pattern, this means each token identified by it will ' +
  'be consumed and then thrown into oblivion, this can be used to for example to completely ignore whitespace.';
Lexer.NA = /NOT_APPLICABLE/;
/** @public Chevrotain's api.js re-exports it (unused by the parser). */
export var LexerDefinitionErrorType = {};
