// What the bundles keep of Chevrotain's grammar checks (chevrotain/lib/src/parse/grammar/checks.js):
// nothing but their names. The checks run only when a parser is built with validations (the test
// suite does, on the sources: test/grammar.test.ts); grammar/parser.ts skips them for users.
const notBundled = () => {
  throw new Error("cypher-sysdb's bundles leave out Chevrotain's grammar checks: run them from the sources");
};
export const validateLookahead = notBundled;
export const validateGrammar = notBundled;
export const validateRuleIsOverridden = notBundled;
export const validateAmbiguousAlternationAlternatives = notBundled;
export const validateEmptyOrAlternative = notBundled;
export const validateNoLeftRecursion = notBundled;
export const validateSomeNonEmptyLookaheadPath = notBundled;
