// What the bundles keep of Chevrotain's CST visitor base classes (chevrotain/lib/src/parse/cst/cst_visitor.js):
// nothing. src/visitor/ turns CSTs into ASTs with plain functions over the typed CST (grammar/cst.ts), so
// nothing asks the parser for a visitor class.
const notBundled = () => {
  throw new Error("cypher-sysdb's bundles leave out Chevrotain's CST visitor classes: src/visitor/ builds ASTs");
};
export const createBaseSemanticVisitorConstructor = notBundled;
export const createBaseVisitorConstructorWithDefaults = notBundled;
