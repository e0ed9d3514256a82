/**
 * `=~`, as Neo4j runs it: java.util.regex `Pattern.compile(regex).matcher(text).matches()`, so the
 * pattern must match the whole string. We match with re2js (RE2's linear-time engine, Java's regex
 * syntax), so no pattern can take exponential time. `matches()` anchors the match itself: a pattern
 * cannot escape an anchoring wrapper, because there is none.
 *
 * RE2 lacks a few Java features (backreferences, lookaround, possessive quantifiers, atomic groups,
 * some inline flags). Those are refused as not supported, naming the feature, never run differently.
 */
import { RE2JS, RE2JSSyntaxException } from 're2js';
import { StatusCode } from '../diagnostics/codes.js';
import { MASKED_WORD } from '../render/mask.js';
import { Neo4jError, notSupported } from '../diagnostics/neo4j-error.js';

/** Compiled patterns of one statement: a WHERE over many rows compiles each pattern once. */
export class RegexCache {
  /** Distinct patterns kept; a statement with more (from data) just compiles the rest each time. */
  static readonly MAX_ENTRIES = 256;
  readonly #compiled = new Map<string, RE2JS>();

  compile(pattern: string, quotable: boolean): RE2JS {
    const cached = this.#compiled.get(pattern);
    if (cached) return cached;
    const compiled = compile(pattern, quotable);
    if (this.#compiled.size < RegexCache.MAX_ENTRIES) this.#compiled.set(pattern, compiled);
    return compiled;
  }
}

/** `quotable`: the pattern was written in the query, so an error may show it (as Neo4j's does). */
export function regexMatches(text: string, pattern: string, cache: RegexCache, quotable: boolean): boolean {
  return cache.compile(pattern, quotable).matcher(text).matches();
}

function compile(pattern: string, quotable: boolean): RE2JS {
  const scan = scanPattern(pattern);
  if (scan.unsupported) throw notSupported(`A regular expression with ${scan.unsupported}`);
  try {
    return RE2JS.compile(pattern);
  } catch (error) {
    if (!(error instanceof RE2JSSyntaxException)) throw error;
    throw invalidRegex(pattern, error.getDescription(), scan, quotable);
  }
}

/**
 * Neo4j's InvalidSemanticsException.invalidRegex: "Invalid Regex: " + PatternSyntaxException.getMessage(),
 * which is Java's description, " near index N", then the pattern and a caret under index N on their
 * own lines. For the common mistakes we give Java's description and index; for the rest, RE2's
 * description in the same layout.
 */
function invalidRegex(pattern: string, re2Description: string, scan: PatternScan, quotable: boolean): Neo4jError {
  let description = re2Description;
  let index = -1;
  if (re2Description === 'unexpected )' && scan.unmatchedClose >= 0) {
    description = "Unmatched closing ')'";
    index = scan.unmatchedClose - 1; // Java reports the index before the parenthesis
  } else if (re2Description === 'missing closing )') {
    description = 'Unclosed group';
    index = pattern.length;
  } else if (re2Description === 'missing closing ]') {
    description = 'Unclosed character class';
    index = pattern.length - 1;
  } else if (re2Description === 'missing argument to repetition operator' && scan.danglingQuantifier >= 0) {
    description = `Dangling meta character '${pattern[scan.danglingQuantifier]}'`;
    index = scan.danglingQuantifier;
  }
  let message = `${description}${index >= 0 ? ` near index ${index}` : ''}\n${quotable ? pattern : MASKED_WORD}`;
  if (quotable && index >= 0 && index < pattern.length) message += `\n${' '.repeat(index)}^`;
  return new Neo4jError(StatusCode.SemanticError, `Invalid Regex: ${message}`);
}

interface PatternScan {
  /** The Java feature RE2 does not have, in words, or undefined. */
  readonly unsupported?: string;
  /** Offset of the first `)` that closes no group, or -1. */
  readonly unmatchedClose: number;
  /** Offset of a quantifier with nothing before it to repeat, or -1. */
  readonly danglingQuantifier: number;
}

/** Inline flags RE2 reads as Java does; `U` means something else in RE2 (ungreedy), so it is refused too. */
const SAME_FLAGS = new Set(['i', 'm', 's', '-']);
const FLAG_NAMES: Readonly<Record<string, string>> = {
  x: 'the inline flag (?x) (comments)',
  u: 'the inline flag (?u) (Unicode case)',
  U: 'the inline flag (?U) (Unicode character classes)',
  d: 'the inline flag (?d) (Unix lines)',
};

/**
 * One pass over the pattern (linear, one step per character): finds the Java features RE2 lacks
 * and the offsets Java's error messages quote. Escapes, `\Q...\E` and character classes are skipped
 * as Java reads them, so a `(` inside `[...]` or after `\` is not a group.
 */
function scanPattern(p: string): PatternScan {
  let depth = 0;
  let unmatchedClose = -1;
  let danglingQuantifier = -1;
  let canRepeat = false;
  const result = (unsupported?: string): PatternScan => ({ ...(unsupported ? { unsupported } : {}), unmatchedClose, danglingQuantifier });
  let i = 0;
  while (i < p.length) {
    const c = p.charAt(i);
    if (c === '\\') {
      const next = p[i + 1];
      if (next !== undefined && next >= '1' && next <= '9') return result(`a backreference (\\${next})`);
      if (next === 'k' && p[i + 2] === '<') return result('a named backreference (\\k<name>)');
      if (next === 'Q') {
        const end = p.indexOf('\\E', i + 2);
        i = end === -1 ? p.length : end + 2;
      } else i += 2;
      canRepeat = true;
      continue;
    }
    if (c === '[') {
      i = skipClass(p, i);
      canRepeat = true;
      continue;
    }
    if (c === '(') {
      if (p[i + 1] === '?') {
        const kind = p[i + 2];
        if (kind === '=' || kind === '!') return result(`a lookahead (?${kind}...)`);
        if (kind === '<' && (p[i + 3] === '=' || p[i + 3] === '!')) return result(`a lookbehind (?<${p[i + 3]}...)`);
        if (kind === '>') return result('an atomic group (?>...)');
        for (let j = i + 2; j < p.length && p[j] !== ')' && p[j] !== ':'; j++) {
          const flag = p.charAt(j);
          if (!/[a-zA-Z-]/.test(flag)) break;
          if (!SAME_FLAGS.has(flag)) return result(FLAG_NAMES[flag] ?? `the inline flag (?${flag})`);
        }
      }
      depth += 1;
      canRepeat = false;
      i += 1;
      continue;
    }
    if (c === ')') {
      if (depth === 0 && unmatchedClose === -1) unmatchedClose = i;
      depth = Math.max(0, depth - 1);
      canRepeat = true;
      i += 1;
      continue;
    }
    if (c === '*' || c === '+' || c === '?' || c === '{') {
      if (!canRepeat && c !== '{' && danglingQuantifier === -1) danglingQuantifier = i;
      // A quantifier followed by `+` is possessive in Java.
      const end = c === '{' ? p.indexOf('}', i) : i;
      if (end !== -1 && p[end + 1] === '+') return result(`a possessive quantifier (${p.slice(i, end + 2)})`);
      i = end === -1 ? i + 1 : end + 1;
      if (p[i] === '?') i += 1; // lazy
      canRepeat = false;
      continue;
    }
    canRepeat = c !== '|';
    i += 1;
  }
  return result();
}

/** The offset after the `]` closing the class at `start` (Java allows a literal `]` first, and nested classes). */
function skipClass(p: string, start: number): number {
  let i = start + 1;
  if (p[i] === '^') i += 1;
  if (p[i] === ']') i += 1;
  let depth = 1;
  while (i < p.length) {
    const c = p.charAt(i);
    if (c === '\\') i += 2;
    else if (c === '[') {
      depth += 1;
      i += 1;
    } else if (c === ']') {
      depth -= 1;
      i += 1;
      if (depth === 0) return i;
    } else i += 1;
  }
  return p.length;
}
