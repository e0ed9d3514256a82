/**
 * A Java pattern to an NFA program, or Java's PatternSyntaxException: the description and the index
 * java.util.regex.Pattern.compile would report. The parse follows Pattern's own recursive descent
 * (expr, sequence, atom, group, closure) read for read, since its error indices depend on exactly how
 * far it has read; features Java has and we do not model are noted and refused at the end.
 */
import { anyChar, dot, isAsciiDigit, single } from './chars.js';
import { escape, groupName } from './escape.js';
import { family } from './family.js';
import { characterClass } from './klass.js';
import { alternation as alternationOf, assertion, char, grown, repeat, sequence as sequenceOf, type Fragment } from './program.js';
import { notSupported } from '../../diagnostics/neo4j-error.js';
import { CASE_INSENSITIVE, DOTALL, MULTILINE, Scanner } from './scanner.js';

const c = (ch: string): number => ch.charCodeAt(0);
const MAX_REPETITION = 0x7fffffff;
/** Characters that end a run of literals (quantifiers end it too, giving back its last character). */
const RUN_ENDS = new Set([...'$.^([|)'].map(c));

export function parse(pattern: string): Fragment {
  const s = new Scanner(pattern);
  const node = alternation(s);
  // The parse stops at a `)` it did not open, or past the end only after reading a lone final backslash.
  if (s.cursor !== s.length) throw s.error(s.peek() === c(')') ? "Unmatched closing ')'" : 'Unescaped trailing backslash');
  if (s.unsupported) throw notSupported(`A regular expression with ${s.unsupported}`);
  return node;
}

function alternation(s: Scanner): Fragment {
  const items = [sequence(s)];
  let size = grown(0, items[0] ?? []);
  while (s.peek() === c('|')) {
    s.next();
    const branch = sequence(s);
    size = grown(size, branch);
    items.push(branch);
  }
  return alternationOf(items);
}

function sequence(s: Scanner): Fragment {
  const items: Fragment[] = [];
  let size = 0;
  // Sizes are checked as parts are added, so that many large parts are refused before they are joined.
  const add = (part: Fragment): void => {
    size = grown(size, part);
    items.push(part);
  };
  for (;;) {
    const ch = s.peek();
    let node: Fragment;
    if (ch === c('(')) {
      const group = groupWithQuantifier(s);
      if (group) add(group);
      continue;
    } else if (ch === c('[')) {
      // A class costs a step per union or intersection in it, on each character it is asked about.
      s.weight = 0;
      node = char(characterClass(s, true), s.weight + 1);
    } else if (ch === c('\\')) {
      const letter = s.next();
      if (letter === c('p') || letter === c('P')) node = char(property(s, letter));
      else {
        s.cursor--;
        node = atom(s);
      }
    } else if (ch === c('^')) {
      s.next();
      node = assertion((s.flags & MULTILINE) !== 0 ? 'line-start' : 'input-start');
    } else if (ch === c('$')) {
      s.next();
      node = assertion((s.flags & MULTILINE) !== 0 ? 'line-end' : 'final-terminator');
    } else if (ch === c('.')) {
      s.next();
      node = char((s.flags & DOTALL) !== 0 ? anyChar : dot);
    } else if (ch === c('|') || ch === c(')') || (ch === 0 && s.cursor >= s.length)) {
      break;
    } else if (ch === c('?') || ch === c('*') || ch === c('+')) {
      s.next();
      throw s.error(`Dangling meta character '${String.fromCharCode(ch)}'`);
    } else {
      node = atom(s); // a stray `]` or `}` is a literal
    }
    add(quantified(s, node));
  }
  return sequenceOf(items);
}

/** The cursor is on `p` or `P` after a backslash. */
function property(s: Scanner, letter: number) {
  const oneLetter = s.next() !== c('{');
  if (oneLetter) s.cursor--;
  return family(s, oneLetter, letter === c('P'));
}

/**
 * A run of literal characters, or one escape. Java collects the run into one node and gives back its
 * last character when a quantifier follows, so that `ab*` repeats only the `b`.
 */
function atom(s: Scanner): Fragment {
  const run: number[] = [];
  let last = -1;
  let ch = s.peek();
  for (;;) {
    if (ch === c('*') || ch === c('+') || ch === c('?') || ch === c('{')) {
      if (run.length > 1) {
        s.cursor = last;
        run.pop();
      }
      break;
    }
    if (RUN_ENDS.has(ch)) break;
    if (ch === c('\\')) {
      // `\p` ends the run (the sequence reads it; a run never starts with one).
      const letter = s.at(s.cursor + 1);
      if (letter === c('p') || letter === c('P')) break;
      last = s.cursor;
      const escaped = escape(s, false, run.length === 0, false);
      if (typeof escaped === 'function') return char(escaped);
      if (typeof escaped !== 'number') return escaped;
      if (escaped >= 0) {
        run.push(escaped);
        ch = s.peek();
        continue;
      }
      s.cursor = last; // a class or assertion escape ends the run; it is read again on its own
      break;
    }
    if (ch === 0 && s.cursor >= s.length) break;
    last = s.cursor;
    run.push(ch);
    ch = s.next();
  }
  const caseInsensitive = (s.flags & CASE_INSENSITIVE) !== 0;
  return sequenceOf(run.map((cp) => char(single(cp, caseInsensitive))));
}

/** `(...)` and its quantifier; null for a flags-only group such as `(?i)`. The cursor is on `(`. */
function groupWithQuantifier(s: Scanner): Fragment | null {
  s.enter();
  const saved = s.flags;
  let body: Fragment;
  if (s.next() === c('?')) {
    const kind = String.fromCodePoint(s.skip());
    switch (kind) {
      case ':':
        body = alternation(s);
        break;
      case '=':
      case '!':
        body = refused(s, `a lookahead (?${kind}...)`);
        break;
      case '>':
        body = refused(s, 'an atomic group (?>...)');
        break;
      case '<':
        body = namedGroupOrLookbehind(s);
        break;
      case '$':
      case '@':
        throw s.error('Unknown group type');
      default:
        s.cursor--;
        inlineFlags(s);
        if (s.peek() === c(')')) {
          s.read();
          s.leave();
          return null; // the flags hold to the end of the enclosing group
        }
        if (s.read() !== c(':')) throw s.error('Unknown inline modifier');
        body = alternation(s);
    }
  } else body = alternation(s);
  if (s.read() !== c(')')) throw s.error('Unclosed group');
  s.flags = saved;
  s.leave();
  return quantified(s, body);
}

/** After `(?<`. */
function namedGroupOrLookbehind(s: Scanner): Fragment {
  const ch = s.read();
  if (ch === c('=') || ch === c('!')) return refused(s, `a lookbehind (?<${String.fromCharCode(ch)}...)`);
  const name = groupName(s, ch);
  if (s.groupNames.has(name)) throw s.error(`Named capturing group <${name}> is already defined`);
  s.groupNames.add(name);
  return alternation(s);
}

/** Parses the body of a construct we refuse, so that its syntax errors are still Java's. */
function refused(s: Scanner, feature: string): Fragment {
  s.notModelled(feature);
  alternation(s);
  return [];
}

/** The inline flags we do not model change how the rest of the pattern reads or matches: refused at once. */
const MODES: Readonly<Record<string, string>> = {
  x: ' (comments)',
  u: ' (Unicode case)',
  U: ' (Unicode character classes)',
  d: ' (Unix lines)',
  c: '',
};
const FLAGS: Readonly<Record<string, number>> = { i: CASE_INSENSITIVE, m: MULTILINE, s: DOTALL };

/** `(?is-m...`: Java's addFlag and subFlag. Turning off a mode we never turn on changes nothing. */
function inlineFlags(s: Scanner): void {
  let on = true;
  for (let ch = s.peek(); ; ch = s.next()) {
    const letter = String.fromCodePoint(ch);
    if (on && letter === '-') {
      on = false;
      continue;
    }
    const flag = FLAGS[letter];
    const mode = MODES[letter];
    if (flag !== undefined) s.flags = on ? s.flags | flag : s.flags & ~flag;
    else if (mode !== undefined) {
      if (on) throw notSupported(`A regular expression with the inline flag (?${letter})${mode}`);
    } else return;
  }
}

/** A quantifier after `node`, if one follows: Java's closure. */
function quantified(s: Scanner, node: Fragment): Fragment {
  const start = s.cursor;
  const ch = s.peek();
  let min: number;
  let max: number;
  if (ch === c('?')) [min, max] = [0, 1];
  else if (ch === c('*')) [min, max] = [0, Infinity];
  else if (ch === c('+')) [min, max] = [1, Infinity];
  else if (ch === c('{')) [min, max] = countedBounds(s);
  else return node;
  // The quantifier's kind: `?` after it is lazy (same strings match), `+` possessive.
  const kind = s.next();
  if (kind === c('?')) s.next();
  else if (kind === c('+')) {
    s.next();
    s.notModelled(`a possessive quantifier (${String.fromCodePoint(...s.chars.subarray(start, s.cursor))})`);
  }
  return repeat(node, min, max);
}

/** `{n}`, `{n,}`, `{n,m}`, leaving the cursor on the closing `}`. */
function countedBounds(s: Scanner): [number, number] {
  let ch = s.skip();
  if (!isAsciiDigit(ch)) throw s.error('Illegal repetition');
  const digits = (value: number, digit: number): number => {
    const next = value * 10 + (digit - 0x30);
    if (next > MAX_REPETITION) throw s.error('Illegal repetition range');
    return next;
  };
  let min = 0;
  do min = digits(min, ch);
  while (isAsciiDigit((ch = s.read())));
  let max = min;
  if (ch === c(',')) {
    ch = s.read();
    if (ch === c('}')) {
      s.cursor--;
      return [min, Infinity];
    }
    for (max = 0; isAsciiDigit(ch); ch = s.read()) max = digits(max, ch);
  }
  if (ch !== c('}')) throw s.error('Unclosed counted closure');
  if (max < min) throw s.error('Illegal repetition range');
  s.cursor--;
  return [min, max];
}
