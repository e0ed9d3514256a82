/**
 * Character classes `[...]`, read as java.util.regex's Pattern.clazz reads them, state for state: its
 * precedence of union and `&&` depends on when it folds the Latin-1 characters collected so far into
 * the result, and we keep the same folds so that odd classes (`[b[a]&&]` is `[a]`) mean what they mean in Java.
 */
import { notSupported } from '../../diagnostics/neo4j-error.js';
import { charRange, complement, intersection, toAsciiLower, toAsciiUpper, single, union, type CharTest } from './chars.js';
import { escape } from './escape.js';
import { family } from './family.js';
import { CASE_INSENSITIVE, type Scanner } from './scanner.js';

const c = (ch: string): number => ch.charCodeAt(0);

/** Unions and intersections one class may build: each deepens its predicate and adds to its cost. */
export const MAX_CLASS_WEIGHT = 1000;

function combine(s: Scanner, op: typeof union, a: CharTest, b: CharTest): CharTest {
  if (++s.weight > MAX_CLASS_WEIGHT) throw notSupported('A regular expression this large');
  return op(a, b);
}

/** The cursor is on `[` (or, for the right side of `a&&b`, just before it). `consume`: eat the closing `]`. */
export function characterClass(s: Scanner, consume: boolean): CharTest {
  s.enter();
  let prev: CharTest | null = null;
  let curr: CharTest | null = null;
  // Java's BitClass: the class's Latin-1 characters, one set for the whole level, folded in by reference.
  const bits = new Uint8Array(256);
  const inBits: CharTest = (x) => bits[x] === 1;
  let hasBits = false;
  let negated = false;
  let ch = s.next();
  if (ch === c('^') && s.at(s.cursor - 1) === c('[')) {
    ch = s.next();
    negated = true;
  }
  for (;;) {
    if (ch === c('[')) {
      curr = characterClass(s, true);
      prev = prev ? combine(s, union, prev, curr) : curr;
      ch = s.peek();
      continue;
    }
    if (ch === c('&')) {
      ch = s.next();
      if (ch === c('&')) {
        ch = s.next();
        let right: CharTest | null = null;
        while (ch !== c(']') && ch !== c('&')) {
          if (ch !== c('[')) s.cursor--;
          const part = characterClass(s, ch === c('['));
          right = right ? combine(s, union, right, part) : part;
          ch = s.peek();
        }
        if (hasBits) {
          // The characters so far bind tighter than `&&`.
          if (prev) prev = combine(s, union, prev, inBits);
          else prev = curr = inBits;
          hasBits = false;
        }
        if (right) curr = right;
        if (!prev) {
          if (!right) throw s.error('Bad class syntax');
          prev = right;
        } else {
          if (!curr) throw s.error('Bad intersection syntax');
          prev = combine(s, intersection, prev, curr);
        }
        continue;
      }
      s.cursor--; // a lone `&` is a literal
    } else if (ch === 0 && s.cursor >= s.length) {
      throw s.error('Unclosed character class');
    } else if (ch === c(']') && (prev || hasBits)) {
      if (consume) s.next();
      const members: CharTest = prev ? (hasBits ? combine(s, union, prev, inBits) : prev) : inBits;
      s.leave();
      return negated ? complement(members) : members;
    }
    // Anything else, `]` first in the class included, is a character or a range.
    curr = rangeOrChar(s, bits);
    if (!curr) hasBits = true;
    else if (!prev) prev = curr;
    else if (prev !== curr) prev = combine(s, union, prev, curr);
    ch = s.peek();
  }
}

/** One member: a character (null: it went into `bits`), a range, an escape's class, or `\p{...}`. */
function rangeOrChar(s: Scanner, bits: Uint8Array): CharTest | null {
  let ch = s.peek();
  if (ch === c('\\')) {
    ch = s.next();
    if (ch === c('p') || ch === c('P')) {
      const negated = ch === c('P');
      const oneLetter = s.next() !== c('{');
      if (oneLetter) s.cursor--;
      return family(s, oneLetter, negated);
    }
    const isRange = s.at(s.cursor + 1) === c('-');
    s.cursor--;
    const escaped = escape(s, true, true, isRange);
    // In a class, an escape is a character or a class (Java refuses assertions there).
    if (typeof escaped === 'function') return escaped;
    ch = typeof escaped === 'number' ? escaped : -1;
  } else {
    s.next();
  }
  const caseInsensitive = (s.flags & CASE_INSENSITIVE) !== 0;
  if (s.peek() === c('-')) {
    const end = s.at(s.cursor + 1);
    if (end !== c('[') && end !== c(']')) {
      s.next();
      let m = s.peek();
      if (m === c('\\')) {
        const escaped = escape(s, true, false, true);
        m = typeof escaped === 'number' ? escaped : -1;
      } else s.next();
      if (m < ch) throw s.error('Illegal character range');
      return charRange(ch, m, caseInsensitive);
    }
  }
  if (ch < 256) {
    bits[ch] = 1;
    if (caseInsensitive && ch < 0x80) bits[toAsciiLower(ch)] = bits[toAsciiUpper(ch)] = 1;
    return null;
  }
  return single(ch, caseInsensitive);
}
