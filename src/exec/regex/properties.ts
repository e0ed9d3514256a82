/**
 * The names `\p{...}` accepts, resolved as java.util.regex's CharPredicates resolves them. Unicode data
 * comes from the JavaScript engine's own tables (a `\p{...}` class with the `u` flag, asked about one
 * code point) rather than tables we would ship, so each name maps to a JavaScript class.
 */
import { isAsciiAlnum, isAsciiAlpha, isAsciiDigit, isAsciiHexDigit, isAsciiSpace, type CharTest } from './chars.js';

const LETTER_CASES = '[\\p{Lu}\\p{Ll}\\p{Lt}]';

/** Java's general categories, as Unicode (and JavaScript) spell them: L, Lu, ..., and LC. */
const CATEGORY = /^(L[Cultmo]?|M[nec]?|N[dlo]?|Z[slp]?|C[cfosn]?|P[dsecoif]?|S[mcko]?)$/;

/**
 * CharPredicates.forProperty's POSIX names (ASCII only) and others, case-sensitive. Its `javaXxx`
 * names (java.lang.Character's isXxx) are refused by the caller.
 */
const PROPERTIES: Readonly<Record<string, string | CharTest>> = {
  LD: '[\\p{L}\\p{Nd}]',
  L1: '[\\0-\\xff]',
  all: '[^]',
  ASCII: '[\\0-\\x7f]',
  Alnum: isAsciiAlnum,
  Alpha: isAsciiAlpha,
  Blank: '[ \\t]',
  Cntrl: '[\\0-\\x1f\\x7f]',
  Digit: isAsciiDigit,
  Graph: '[!-~]',
  Lower: '[a-z]',
  Print: '[ -~]',
  Punct: '[!-\\/:-@\\[-`{-~]',
  Space: isAsciiSpace,
  Upper: '[A-Z]',
  XDigit: isAsciiHexDigit,
};

function titleCase(name: string): string {
  return name.replace(/[A-Z]+/g, (w) => w.charAt(0) + w.slice(1).toLowerCase());
}

/** Membership in a JavaScript class: `\p{form}`, or `form` itself when it is a class or an escape. */
function js(form: string): CharTest {
  const source = /^[[\\]/.test(form) ? form : `\\p{${form}}`;
  const test = new RegExp(`^${source}$`, 'u');
  return (c) => test.test(String.fromCodePoint(c));
}

/** A general category; under (?i), Java takes Lu, Ll and Lt as all three. */
export function category(name: string, caseInsensitive: boolean): CharTest | null {
  if (!CATEGORY.test(name)) return null;
  return js(caseInsensitive && /^L[ult]$/.test(name) ? LETTER_CASES : name);
}

/** CharPredicates.forProperty: a category or a POSIX name (under (?i), Lower and Upper take both cases). */
export function property(name: string, caseInsensitive: boolean): CharTest | null {
  const form = caseInsensitive && /^(Low|Upp)er$/.test(name) ? isAsciiAlpha : Object.hasOwn(PROPERTIES, name) ? PROPERTIES[name] : null;
  return category(name, caseInsensitive) ?? (typeof form === 'string' ? js(form) : (form ?? null));
}

/**
 * Character.UnicodeScript.forName: the script's name in any case (Unicode's long name with `_`), or
 * its four-letter ISO 15924 code. JavaScript spells them in Unicode's case, which we rebuild.
 */
export function script(name: string): CharTest | null {
  const upper = name.toUpperCase();
  if (/^(HRKT|KATAKANA_OR_HIRAGANA|QAA[CI])$|[^A-Z_]/.test(upper)) return null; // JavaScript has these, Java does not
  try {
    return js(`Script=${upper === 'SIGNWRITING' ? 'SignWriting' : titleCase(upper)}`);
  } catch {
    return null;
  }
}
