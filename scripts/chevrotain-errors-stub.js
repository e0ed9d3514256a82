// What the bundles keep of Chevrotain's default error messages (chevrotain/lib/src/parse/errors_public.js).
// The parser's exceptions only locate an error for us: src/syntax/syntax-errors.ts writes every
// message a user sees from the tokens, so the bundles do not build Chevrotain's texts (nor carry the
// grammar-check messages, whose checks they leave out: chevrotain-checks-stub.js).
const left = (what) => `${what} (Chevrotain's message is left out of cypher-sysdb's bundles)`;

export const defaultParserErrorProvider = {
  buildMismatchTokenMessage: ({ actual }) => left(`Mismatched token '${actual.image}'`),
  buildNotAllInputParsedMessage: ({ firstRedundant }) => left(`Redundant input '${firstRedundant.image}'`),
  buildNoViableAltMessage: () => left('No viable alternative'),
  buildEarlyExitMessage: () => left('Expected at least one iteration'),
};

export const defaultGrammarResolverErrorProvider = {
  buildRuleNotFoundError: (rule, reference) => `Rule ${rule.name} refers to an undefined rule, ${reference.nonTerminalName}`,
};

/** @public Imported by Chevrotain's grammar checks, which the bundles leave out. */
export const defaultGrammarValidatorErrorProvider = {};
