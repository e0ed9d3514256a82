/** `\p{...}` and `\P{...}`, named as java.util.regex's Pattern.family reads them. */
import { complement, type CharTest } from './chars.js';
import { category as generalCategory, property, script } from './properties.js';
import { CASE_INSENSITIVE, type Scanner } from './scanner.js';

const CLOSE = 0x7d;
const NOTHING: CharTest = () => false;

/** The cursor is on `p`/`P` (one-letter form) or on `{`. */
export function family(s: Scanner, oneLetter: boolean, negated: boolean): CharTest {
  s.next();
  let name: string;
  if (oneLetter) {
    name = String.fromCodePoint(s.peek());
    s.read();
  } else {
    const start = s.cursor;
    // Java reads to the first `}`, or to the end where it has put a `}` as a mark, and stops past it.
    const close = s.chars.indexOf(CLOSE, start);
    s.cursor = (close < 0 ? s.length : close) + 1;
    if (s.cursor > s.length) throw s.error('Unclosed character family');
    if (start + 1 >= s.cursor) throw s.error('Empty character family');
    name = String.fromCodePoint(...s.chars.subarray(start, s.cursor - 1));
  }
  const test = resolve(s, name);
  return negated ? complement(test) : test;
}

function resolve(s: Scanner, name: string): CharTest {
  const caseInsensitive = (s.flags & CASE_INSENSITIVE) !== 0;
  const equals = name.indexOf('=');
  if (equals !== -1) {
    const key = name.slice(0, equals).toLowerCase();
    const value = name.slice(equals + 1);
    const category = key === 'gc' || key === 'general_category';
    if (key === 'blk' || key === 'block' || (category && value.startsWith('java'))) return notModelled(s, name);
    const test = key === 'sc' || key === 'script' ? script(value) : category ? property(value, caseInsensitive) : null;
    if (!test) throw s.error(`Unknown Unicode property {name=<${key}>, value=<${value}>}`);
    return test;
  }
  if (name.startsWith('In') || name.startsWith('java')) return notModelled(s, name);
  if (!name.startsWith('Is')) return property(name, caseInsensitive) ?? unknown(s, name);
  // `Is` and a category or a script. Java's forUnicodeProperty names (IsAlphabetic, IsPunct, ...), tried
  // first, are neither: refused, as is any other name (Java would reject those; we cannot tell them apart).
  const short = name.slice(2);
  return generalCategory(short, caseInsensitive) ?? script(short) ?? notModelled(s, name);
}

function unknown(s: Scanner, name: string): never {
  throw s.error(`Unknown character property name {${name}}`);
}

/**
 * Unicode blocks need a table of names and ranges that JavaScript does not expose; the `javaXxx` names
 * (java.lang.Character's isXxx methods) are Java's own definitions. Both refused.
 */
function notModelled(s: Scanner, name: string): CharTest {
  s.notModelled(`the character property \\p{${name}}`);
  return NOTHING;
}
