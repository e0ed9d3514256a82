/**
 * `=~`, as Neo4j runs it: java.util.regex `Pattern.compile(regex).matcher(text).matches()`, so the
 * pattern must match the whole string. Our engine (./regex/) reads Java's syntax with Java's error
 * messages and matches in time linear in the text (no backtracking), so no pattern can hang a statement.
 *
 * A few Java features are not modelled (backreferences, lookaround, possessive quantifiers, atomic
 * groups, some inline flags, Unicode blocks...). Those are refused as not supported, naming the
 * feature, never run differently.
 */
import { StatusCode } from '../diagnostics/codes.js';
import { MASKED_WORD } from '../render/mask.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { Pattern } from './regex/pattern.js';
import { PatternSyntaxError } from './regex/scanner.js';

/** Distinct patterns a statement keeps compiled; with more (from data) it compiles the rest each time. */
const MAX_PATTERNS = 256;

/** Compiled patterns of one statement: a WHERE over many rows compiles each pattern once. */
export class RegexCache {
  readonly #compiled = new Map<string, Pattern>();

  compile(pattern: string, quotable: boolean): Pattern {
    let compiled = this.#compiled.get(pattern);
    if (!compiled) {
      compiled = compile(pattern, quotable);
      if (this.#compiled.size < MAX_PATTERNS) this.#compiled.set(pattern, compiled);
    }
    return compiled;
  }
}

/** What a match needs from the statement: its cache, and its step budget to charge the match to. */
export interface RegexWork {
  readonly regexes: RegexCache;
  step(n: number): void;
}

/** `quotable`: the pattern was written in the query, so an error may show it (as Neo4j's does). */
export function regexMatches(text: string, pattern: string, work: RegexWork, quotable: boolean): boolean {
  return work.regexes.compile(pattern, quotable).matches(text, (steps) => work.step(steps));
}

function compile(pattern: string, quotable: boolean): Pattern {
  try {
    return Pattern.compile(pattern);
  } catch (error) {
    throw error instanceof PatternSyntaxError ? invalidRegex(pattern, error, quotable) : error;
  }
}

/**
 * Neo4j's InvalidSemanticsException.invalidRegex: "Invalid Regex: " + PatternSyntaxException.getMessage(),
 * which is Java's description, " near index N", then the pattern and a caret under index N on their
 * own lines (the caret's indent keeps the pattern's tabs, as Java's does since JDK 18).
 */
function invalidRegex(pattern: string, error: PatternSyntaxError, quotable: boolean): Neo4jError {
  const { description, index } = error;
  let message = `${description}${index >= 0 ? ` near index ${index}` : ''}\n${quotable ? pattern : MASKED_WORD}`;
  if (quotable && index >= 0 && index < pattern.length) message += `\n${pattern.slice(0, index).replace(/[^\t]/g, ' ')}^`;
  return new Neo4jError(StatusCode.SemanticError, `Invalid Regex: ${message}`);
}
