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
  /**
   * Where in `ruleStack` the error's context is, the same for every terminal of one walk: the deepest rule
   * that every path has entered before the end of the prefix and that none can leave there. ANTLR's
   * parser fails in that rule (an enclosing rule that may end here returns to its caller first, and where
   * paths still differ, the prediction choosing between them fails), and Neo4j's error strategy walks
   * the grammar from it: `size(x, 1` fails in the call, where ')' and ',' are the call's own.
   */
  readonly context: number;
  /**
   * Where Neo4j's parser backs out to, the same for every terminal of one walk: the index of the prefix token
   * that begins a rule of `backOutOf` which every path has entered and none has finished. Undefined where none.
   */
  readonly backTo: number | undefined;
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
  /**
   * Rules the parser enters only where their first token passes a gate: words the lexer reads as names
   * (`count` of count(*)). A path into such a rule at a prefix token that fails it ends there.
   */
  readonly gates?: Readonly<Record<string, (first: IToken) => boolean>>;
  /**
   * Optional rules that ANTLR's prediction reads to their end before it enters them: where a prefix ends
   * inside one on every path, the parser passes it by, and fails at its first token (see `backTo`).
   */
  readonly backOutOf?: ReadonlySet<string>;
}

interface RuleStack {
  readonly name: string;
  readonly caller: RuleStack | undefined;
  /** How many rules are above it. */
  readonly depth: number;
  /** The index of the last prefix token consumed when the rule was entered: it holds the tokens after it. */
  readonly entered: number;
}

/** What remains to be matched: `items` from `at` on, under `rules`, then `then`. */
interface Continuation {
  readonly items: readonly Production[];
  readonly at: number;
  readonly rules: RuleStack;
  readonly then: Continuation | undefined;
}

/** A choice of the grammar on one path, and whether a path through one of its alternatives got to the end of the prefix. */
interface Decision {
  readonly within: Decision | undefined;
  reached: boolean;
}

interface Path {
  readonly rest: Continuation | undefined;
  /** Index of the last prefix token consumed (-1: none yet). */
  readonly consumed: number;
  /**
   * The choice this path is an alternative of: skipped once an alternative tried before it got through the
   * prefix, unless the choice is near the end (the parser chose that one, as far as its lookahead saw).
   */
  readonly alternativeOf: Decision | undefined;
  /** The innermost choice the path has passed. */
  readonly within: Decision | undefined;
  /** How many tokens before the end the choice that made this path may be: the parser's lookahead there. */
  readonly lookahead: number;
}

export function nextTokens(start: GrammarRule, prefix: readonly IToken[], options: NextTokenOptions): NextToken[] {
  const match = options.match ?? tokenMatcher;
  const last = prefix.length - 1;
  const { maxLookahead } = options;
  const gated = options.gatedLookahead ?? {};
  const gates = options.gates ?? {};
  const found: { nextTokenType: TokenType; rules: RuleStack }[] = [];
  const pending: Path[] = [
    {
      rest: sequence(start.body, { name: start.name, caller: undefined, depth: 0, entered: -1 }, undefined),
      consumed: -1,
      alternativeOf: undefined,
      within: undefined,
      lookahead: maxLookahead,
    },
  ];

  for (let path = pending.pop(); path; path = pending.pop()) {
    if (path.alternativeOf?.reached && path.consumed <= last - path.lookahead) continue;
    let rest = path.rest;
    let consumed = path.consumed;
    let within = path.within;
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
            found.push({ nextTokenType: prod.type, rules });
            // Every choice on the way got through; a choice marked so has its enclosing ones marked already.
            for (let d = within; d && !d.reached; d = d.within) d.reached = true;
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
        case 'rule': {
          const first = prefix[consumed + 1];
          if (first && gates[prod.rule.name]?.(first) === false) {
            rest = undefined;
            break;
          }
          rest = sequence(prod.rule.body, { name: prod.rule.name, caller: rules, depth: rules.depth + 1, entered: consumed }, after);
          break;
        }
        case 'option': {
          within = { within, reached: false };
          pending.push({ rest: after, consumed, alternativeOf: within, within, lookahead });
          rest = sequence(prod.body, rules, after);
          break;
        }
        case 'many':
          within = { within, reached: false };
          pending.push({ rest: after, consumed, alternativeOf: within, within, lookahead });
          // A round, then the later rounds (this repetition again, or its separator and body).
          rest = sequence(prod.body, rules, sequence([prod.later === 'itself' ? prod : prod.later], rules, after));
          break;
        case 'atLeastOne':
          rest = sequence(prod.body, rules, sequence([prod.later], rules, after));
          break;
        case 'or': {
          const choice: Decision = { within, reached: false };
          // Pushed last to first, so that the first alternative is explored first.
          for (let i = prod.alternatives.length - 1; i >= 0; i--) {
            pending.push({
              rest: sequence(itemAt(prod.alternatives, i), rules, after),
              consumed,
              alternativeOf: choice,
              within: choice,
              lookahead,
            });
          }
          rest = undefined;
          break;
        }
        default:
          assertNever(prod, 'production');
      }
    }
  }
  const stacks = found.map((f) => f.rules);
  const context = errorContext(stacks, last);
  const backTo = backOutPoint(stacks, last, options.backOutOf);
  return found.map(({ nextTokenType, rules }) => ({ nextTokenType, ruleStack: namesOf(rules), context, backTo }));
}

/**
 * The index of the first token of the outermost rule of `backOutOf` that each of `stacks` holds open, a token of
 * the prefix (it ends at `last`), the earliest of them; undefined where some stack holds none.
 */
function backOutPoint(stacks: readonly RuleStack[], last: number, backOutOf: ReadonlySet<string> | undefined): number | undefined {
  if (!backOutOf || stacks.length === 0) return undefined;
  let earliest = Infinity;
  for (const stack of stacks) {
    let entered: number | undefined;
    for (let r: RuleStack | undefined = stack; r; r = r.caller) if (r.entered < last && backOutOf.has(r.name)) entered = r.entered;
    if (entered === undefined) return undefined;
    earliest = Math.min(earliest, entered + 1);
  }
  return earliest;
}

/**
 * The depth of the deepest rule entered before the prefix's last token was consumed (`last`) that every
 * one of `stacks` shares, the very same entry of it: 0 (the start rule) where there is none.
 */
function errorContext(stacks: readonly RuleStack[], last: number): number {
  const firstOpen = stacks[0] && openPart(stacks[0], last);
  if (firstOpen === undefined) return 0;
  // The first stack's open rules; each other stack meets them at its deepest open rule that is one of them.
  const shared = new Set<RuleStack>();
  for (let r: RuleStack | undefined = firstOpen; r; r = r.caller) shared.add(r);
  let deepest = firstOpen.depth;
  const met = new Map<RuleStack, number>();
  for (const stack of stacks) {
    const open = openPart(stack, last);
    if (open === undefined) return 0;
    deepest = Math.min(deepest, meetingDepth(open, shared, met));
  }
  return deepest;
}

/** The deepest rule of `rules` entered before the prefix's last token was consumed. */
function openPart(rules: RuleStack, last: number): RuleStack | undefined {
  let r: RuleStack | undefined = rules;
  while (r && r.entered >= last && r.depth > 0) r = r.caller;
  return r && r.entered < last ? r : undefined;
}

/** The depth where `rules` joins `shared`, remembered in `met` for every rule on the way: each rule is walked once. */
function meetingDepth(rules: RuleStack, shared: ReadonlySet<RuleStack>, met: Map<RuleStack, number>): number {
  const walked: RuleStack[] = [];
  let r: RuleStack | undefined = rules;
  let depth = 0;
  for (; r; r = r.caller) {
    if (shared.has(r)) {
      depth = r.depth;
      break;
    }
    const known = met.get(r);
    if (known !== undefined) {
      depth = known;
      break;
    }
    walked.push(r);
  }
  for (const w of walked) met.set(w, depth);
  return depth;
}

function sequence(items: readonly Production[], rules: RuleStack, then: Continuation | undefined): Continuation {
  return { items, at: 0, rules, then };
}

function namesOf(rules: RuleStack): string[] {
  const names: string[] = [];
  for (let r: RuleStack | undefined = rules; r; r = r.caller) names.push(r.name);
  return names.reverse();
}
