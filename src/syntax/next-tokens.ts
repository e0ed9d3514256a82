/**
 * What the grammar accepts after a prefix of tokens: each terminal that can come next, with the rules
 * it sits under. Chevrotain 12 dropped its content assist; syntax errors list these as "expected ...".
 *
 * A depth-first walk over the grammar as data (grammar.ts), every path that consumes the prefix token by token
 * (token categories match as the parser matches them). Continuations and rule stacks are shared
 * linked lists, so a step costs the same however deep the path is.
 */
import { tokenMatcher, type IToken, type TokenType } from 'chevrotain';
import { assertNever } from '../diagnostics/assert-never.js';
import type { GrammarRule, Production } from './grammar.js';
import { itemAt } from './indexed.js';

export interface NextToken {
  readonly nextTokenType: TokenType;
  /** Rule names from the start rule down to the rule holding the terminal. */
  readonly ruleStack: readonly string[];
}

export interface NextTokenOptions {
  /**
   * The parser's lookahead. Once some path has reached the end of the prefix, a choice made more than
   * this many tokens before the end is not explored further: the parser would have decided it.
   */
  readonly maxLookahead: number;
  /** How a token matches a terminal; Chevrotain's own matcher (categories included) by default. */
  readonly match?: (token: IToken, type: TokenType) => boolean;
  /**
   * Rules whose choices the parser makes with gates that look further than `maxLookahead`, and how many
   * tokens their readings stay open (an atom's name is a function call only when `(` follows it).
   */
  readonly gatedLookahead?: Readonly<Record<string, number>>;
}

interface RuleStack {
  readonly name: string;
  readonly caller: RuleStack | undefined;
}

/** What remains to be matched: `items` from `at` on, under `rules`, then `then`. */
interface Continuation {
  readonly items: readonly Production[];
  readonly at: number;
  readonly rules: RuleStack;
  readonly then: Continuation | undefined;
}

interface Path {
  readonly rest: Continuation | undefined;
  /** Index of the last prefix token consumed (-1: none yet). */
  readonly consumed: number;
  /** An alternative not taken first: skipped once a complete path is known, unless near the end. */
  readonly alternative: boolean;
  /** How many tokens before the end the choice that made this path may be: the parser's lookahead there. */
  readonly lookahead: number;
}

export function nextTokens(start: GrammarRule, prefix: readonly IToken[], options: NextTokenOptions): NextToken[] {
  const match = options.match ?? tokenMatcher;
  const last = prefix.length - 1;
  const { maxLookahead } = options;
  const gated = options.gatedLookahead ?? {};
  const found: NextToken[] = [];
  const pending: Path[] = [
    {
      rest: sequence(start.body, { name: start.name, caller: undefined }, undefined),
      consumed: -1,
      alternative: false,
      lookahead: maxLookahead,
    },
  ];

  for (let path = pending.pop(); path; path = pending.pop()) {
    if (path.alternative && found.length > 0 && path.consumed <= last - path.lookahead) continue;
    let rest = path.rest;
    let consumed = path.consumed;
    // Follows one path; choices push the alternatives not taken first, in the order the parser tries them.
    while (rest) {
      const prod = rest.items[rest.at];
      const rules = rest.rules;
      if (prod === undefined) {
        rest = rest.then;
        continue;
      }
      const after: Continuation = { items: rest.items, at: rest.at + 1, rules, then: rest.then };
      // How long a choice made here stays open: the parser's lookahead, or longer in a gated rule.
      const lookahead = gated[rules.name] ?? maxLookahead;
      switch (prod.kind) {
        case 'terminal': {
          if (consumed === last) {
            found.push({ nextTokenType: prod.type, ruleStack: namesOf(rules) });
            rest = undefined;
            break;
          }
          const token = prefix[consumed + 1];
          if (token === undefined || !match(token, prod.type)) {
            rest = undefined;
            break;
          }
          consumed += 1;
          rest = after;
          break;
        }
        case 'rule':
          rest = sequence(prod.rule.body, { name: prod.rule.name, caller: rules }, after);
          break;
        case 'option':
          pending.push({ rest: after, consumed, alternative: true, lookahead });
          rest = sequence(prod.body, rules, after);
          break;
        case 'many':
          pending.push({ rest: after, consumed, alternative: true, lookahead });
          // A round, then the later rounds (this repetition again, or its separator and body).
          rest = sequence(prod.body, rules, sequence([prod.later === 'itself' ? prod : prod.later], rules, after));
          break;
        case 'atLeastOne':
          rest = sequence(prod.body, rules, sequence([prod.later], rules, after));
          break;
        case 'or':
          // Pushed last to first, so that the first alternative is explored first.
          for (let i = prod.alternatives.length - 1; i >= 0; i--) {
            pending.push({ rest: sequence(itemAt(prod.alternatives, i), rules, after), consumed, alternative: true, lookahead });
          }
          rest = undefined;
          break;
        default:
          assertNever(prod, 'production');
      }
    }
  }
  return found;
}

function sequence(items: readonly Production[], rules: RuleStack, then: Continuation | undefined): Continuation {
  return { items, at: 0, rules, then };
}

function namesOf(rules: RuleStack): string[] {
  const names: string[] = [];
  for (let r: RuleStack | undefined = rules; r; r = r.caller) names.push(r.name);
  return names.reverse();
}
