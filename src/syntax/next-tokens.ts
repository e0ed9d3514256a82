/**
 * What the grammar accepts after a prefix of tokens: each terminal that can come next, with the rules
 * it sits under. Chevrotain 12 dropped its content assist; syntax errors list these as "expected ...".
 *
 * A depth-first walk over the grammar's GAST, every path that consumes the prefix token by token
 * (token categories match as the parser matches them). Continuations and rule stacks are shared
 * linked lists, so a step costs the same however deep the path is.
 */
import {
  Alternation,
  Alternative,
  NonTerminal,
  Option,
  Repetition,
  RepetitionMandatory,
  RepetitionMandatoryWithSeparator,
  RepetitionWithSeparator,
  Terminal,
  tokenMatcher,
  type IProduction,
  type IToken,
  type Rule,
  type TokenType,
} from 'chevrotain';

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
  readonly items: readonly IProduction[];
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

export function nextTokens(start: Rule, prefix: readonly IToken[], options: NextTokenOptions): NextToken[] {
  const match = options.match ?? tokenMatcher;
  const last = prefix.length - 1;
  const { maxLookahead } = options;
  const gated = options.gatedLookahead ?? {};
  const found: NextToken[] = [];
  const pending: Path[] = [
    {
      rest: sequence(start.definition, { name: start.name, caller: undefined }, undefined),
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
      if (prod instanceof Terminal) {
        if (consumed === last) {
          found.push({ nextTokenType: prod.terminalType, ruleStack: namesOf(rules) });
          break;
        }
        const token = prefix[consumed + 1];
        if (token === undefined || !match(token, prod.terminalType)) break;
        consumed += 1;
        rest = after;
      } else if (prod instanceof NonTerminal) {
        rest = sequence(prod.definition, { name: prod.nonTerminalName, caller: rules }, after);
      } else if (prod instanceof Option) {
        pending.push({ rest: after, consumed, alternative: true, lookahead });
        rest = sequence(prod.definition, rules, after);
      } else if (prod instanceof Repetition) {
        pending.push({ rest: after, consumed, alternative: true, lookahead });
        // Another round, then this repetition again.
        rest = sequence(prod.definition, rules, rest);
      } else if (prod instanceof RepetitionMandatory) {
        rest = sequence(prod.definition, rules, sequence([moreOf(prod)], rules, after));
      } else if (prod instanceof RepetitionWithSeparator) {
        pending.push({ rest: after, consumed, alternative: true, lookahead });
        rest = sequence(prod.definition, rules, sequence([moreOf(prod)], rules, after));
      } else if (prod instanceof RepetitionMandatoryWithSeparator) {
        rest = sequence(prod.definition, rules, sequence([moreOf(prod)], rules, after));
      } else if (prod instanceof Alternation) {
        // Pushed last to first, so that the first alternative is explored first.
        for (let i = prod.definition.length - 1; i >= 0; i--) {
          const alternative = prod.definition[i];
          if (!(alternative instanceof Alternative)) throw new Error('nextTokens: an alternation holds a non-alternative');
          pending.push({ rest: sequence(alternative.definition, rules, after), consumed, alternative: true, lookahead });
        }
        break;
      } else if (prod instanceof Alternative) {
        rest = sequence(prod.definition, rules, after);
      } else {
        throw new Error(`nextTokens: no case for the production ${prod.constructor.name}`);
      }
    }
  }
  return found;
}

function sequence(items: readonly IProduction[], rules: RuleStack, then: Continuation | undefined): Continuation {
  return { items, at: 0, rules, then };
}

function namesOf(rules: RuleStack): string[] {
  const names: string[] = [];
  for (let r: RuleStack | undefined = rules; r; r = r.caller) names.push(r.name);
  return names.reverse();
}

/** The rounds after the first of a repetition: its separator (if any) first. Made once per production. */
const laterRounds = new WeakMap<IProduction, Repetition>();

function moreOf(prod: RepetitionMandatory | RepetitionWithSeparator | RepetitionMandatoryWithSeparator): Repetition {
  let more = laterRounds.get(prod);
  if (!more) {
    const separator = prod instanceof RepetitionMandatory ? [] : [new Terminal({ terminalType: prod.separator })];
    more = new Repetition({ definition: [...separator, ...prod.definition], idx: prod.idx });
    laterRounds.set(prod, more);
  }
  return more;
}
