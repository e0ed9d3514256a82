/** A compiled `=~` pattern, named after the java.util.regex class whose behaviour it reproduces. */
import { matchesWhole, type Charge } from './match.js';
import { parse } from './parse.js';
import type { Fragment } from './program.js';

export class Pattern {
  private constructor(readonly program: Fragment) {}

  /** Throws PatternSyntaxError (as Java would), or Neo4j's not-supported error for what Java runs and we do not. */
  static compile(pattern: string): Pattern {
    return new Pattern([...parse(pattern), { op: 'match' }]);
  }

  /** Matcher.matches(): the whole text, charging each step of the match to `charge`. */
  matches(text: string, charge: Charge): boolean {
    return matchesWhole(this.program, text, charge);
  }
}
