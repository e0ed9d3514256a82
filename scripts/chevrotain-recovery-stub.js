// What the bundles keep of Chevrotain's error recovery (chevrotain/lib/src/parse/parser/traits/recoverable.js).
// grammar/parser.ts turns recovery off (`recoveryEnabled: false`): a statement with a syntax error gets
// one diagnostic and no tree, as Neo4j's parser gives. With recovery off, Chevrotain calls nothing of
// this trait but its set-up, the no-op that stands in for repetition recovery, and the rule stack
// that every parse error records.
export const IN_RULE_RECOVERY_EXCEPTION = 'InRuleRecoveryException';

export class Recoverable {
  initRecoverable(config) {
    if (config.recoveryEnabled === true) {
      throw new Error("cypher-sysdb's bundles leave out Chevrotain's error recovery: build the parser with recoveryEnabled: false");
    }
    this.recoveryEnabled = false;
    this.firstAfterRepMap = [];
    this.resyncFollows = {};
  }

  attemptInRepetitionRecovery() {}

  /** The names of the rules being parsed, outermost first (a parse error's `context.ruleStack`). */
  getHumanReadableRuleStack() {
    const names = [];
    for (let i = 0; i <= this.RULE_STACK_IDX; i++) names.push(this.shortRuleNameToFullName(this.RULE_STACK[i]));
    return names;
  }
}
