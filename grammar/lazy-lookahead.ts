/**
 * Chevrotain's LL(k) lookahead, each decision's function built the first time the parser reaches it
 * instead of all of them in `performSelfAnalysis`: building them all was half of the library's
 * import time, and a script uses a fraction of the grammar. What each function decides is
 * Chevrotain's own (the same builder, on the same recorded grammar).
 */
import { LLkLookaheadStrategy, type ILookaheadStrategy, type IOrAlt } from 'chevrotain';

type Lookahead = (this: unknown, alts?: IOrAlt<unknown>[]) => unknown;

/**
 * A stand-in that builds the real function on its first call and then, so that later calls go
 * straight to it, puts it in its own place in the parser's table for the rule being parsed (a
 * Chevrotain internal: if it is not there, the stand-in keeps forwarding, just as correctly).
 */
function lazy<F extends Lookahead>(build: () => F): F {
  let built: F | undefined;
  const standIn = function (this: unknown, alts?: IOrAlt<unknown>[]) {
    if (built === undefined) {
      built = build();
      const table = (this as { currRuleLookaheadFuncs?: unknown[] }).currRuleLookaheadFuncs;
      const index = Array.isArray(table) ? table.indexOf(standIn) : -1;
      if (index !== -1) table![index] = built;
    }
    return built.call(this, alts);
  };
  return standIn as F;
}

export class LazyLookahead extends LLkLookaheadStrategy {
  override buildLookaheadForAlternation(options: Parameters<ILookaheadStrategy['buildLookaheadForAlternation']>[0]) {
    return lazy(() => super.buildLookaheadForAlternation(options));
  }

  override buildLookaheadForOptional(options: Parameters<ILookaheadStrategy['buildLookaheadForOptional']>[0]) {
    return lazy(() => super.buildLookaheadForOptional(options));
  }
}
