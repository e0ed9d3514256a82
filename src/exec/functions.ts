/** Cypher's scalar functions that admin queries reach for. Names are case-insensitive; null in, null out. */
import { StatusCode } from '../diagnostics/codes.js';
import { argumentError, Neo4jError, shownValue, typeError } from '../diagnostics/neo4j-error.js';
import { lookupFunction } from '../catalog/functions.js';
import { formatFloat, isList, isMap, isNumber, typeName, type Value } from './values.js';
import { BYTES_PER_CHAR, BYTES_PER_LIST_ITEM, type StatementBudget } from './budget.js';
import { abs64, INT64_MAX, INT64_MIN, isInt64 } from './integers.js';

type Fn = (args: readonly Value[], name: string, budget: StatementBudget) => Value;

const expect = (name: string, kind: string, value: Value): never => {
  throw typeError(`Expected a ${kind} value for '${name}', but got: ${typeName(value)}(${shownValue(value)})`);
};

/** A one-argument function. callFunction has checked the argument count, so the argument is there. */
/* @__NO_SIDE_EFFECTS__ */
const unary =
  (f: (v: Value, name: string, budget: StatementBudget) => Value): Fn =>
  (args, name, budget) => {
    const [v] = args;
    if (v === undefined) throw new Error(`${name}() was called without its argument`);
    return f(v, name, budget);
  };

/* @__NO_SIDE_EFFECTS__ */
const stringFn =
  (f: (s: string, rest: Value[], budget: StatementBudget) => Value): Fn =>
  (args, name, budget) => {
    const [s, ...rest] = args;
    if (s === null || s === undefined) return null;
    if (typeof s !== 'string') return expect(name, 'String', s);
    return f(s, rest, budget);
  };

/** A string function whose result is as long as its input (case changes): charged before it is built. */
/* @__NO_SIDE_EFFECTS__ */
const sameLength = (f: (s: string) => string): Fn =>
  stringFn((s, _rest, budget) => {
    budget.string(s.length);
    return f(s);
  });

/* @__NO_SIDE_EFFECTS__ */
const numberFn = (f: (n: bigint | number) => Value): Fn =>
  unary((n, name) => {
    if (n === null) return null;
    if (!isNumber(n)) return expect(name, 'Number', n);
    return f(n);
  });

const integerArg = (name: string, value: Value | undefined): number | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'bigint') return expect(name, 'Integer', value);
  return Number(value);
};

const bigintArg = (name: string, value: Value | undefined): bigint | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'bigint') return expect(name, 'Integer', value);
  return value;
};

function valueToString(value: Value): Value {
  if (value === null) return null;
  if (typeof value === 'number') return formatFloat(value);
  if (typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string') return String(value);
  return null;
}

function toInteger(value: Value, name: string, orNull: boolean): Value {
  if (value === null) return null;
  if (typeof value === 'bigint') return value;
  // Java's (long) cast of a double saturates at the ends of the range.
  if (typeof value === 'number') return Number.isFinite(value) ? clampToInt64(BigInt(Math.trunc(value))) : null;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    const text = value.trim();
    const n = Number(text);
    const integer = /^[+-]?\d+$/.test(text) ? BigInt(text) : text !== '' && Number.isFinite(n) ? BigInt(Math.trunc(n)) : null;
    if (integer === null || isInt64(integer)) return integer;
    if (orNull) return null;
    // Neo4j's CypherFunctions.stringToLongValue: a number beyond the range of INTEGER is a CypherTypeException.
    throw typeError(`integer, ${value}, is too large`);
  }
  return orNull ? null : expect(name, 'String, Integer, Float or Boolean', value);
}

function clampToInt64(value: bigint): bigint {
  return value > INT64_MAX ? INT64_MAX : value < INT64_MIN ? INT64_MIN : value;
}

/** Java's String.replace: the result's length is known before it is built, so it is charged first. */
function replaceAll(s: string, search: string, replacement: string, budget: StatementBudget): string {
  const growth = replacement.length - search.length;
  // Counting stops once the result could not fit: the charge below then fails before anything is built.
  const fits = growth > 0 ? Math.floor((budget.freeBytes / BYTES_PER_CHAR - s.length) / growth) + 1 : Infinity;
  const occurrences = search === '' ? Math.max(0, s.length - 1) : countOccurrences(s, search, fits);
  budget.string(s.length + occurrences * growth);
  return s.split(search).join(replacement);
}

/** Occurrences of `search` in `s`, counting at most `limit` of them (work the memory charge that follows bounds). */
function countOccurrences(s: string, search: string, limit: number): number {
  let count = 0;
  for (let at = s.indexOf(search); at !== -1 && count < limit; at = s.indexOf(search, at + search.length)) count += 1;
  return count;
}

/** `split`: the number of parts is counted (and charged) before the list is built. */
function splitString(s: string, separator: string, budget: StatementBudget): Value {
  const fits = Math.floor(budget.freeBytes / BYTES_PER_LIST_ITEM);
  const parts = separator === '' ? s.length : countOccurrences(s, separator, fits) + 1;
  budget.list(parts);
  return s.split(separator);
}

/** range(): its length is known from its arguments, so a huge one is refused before it is built. */
function range(start: bigint, end: bigint, step: bigint, budget: StatementBudget): Value {
  const span = step > 0n ? end - start : start - end;
  const count = span < 0n ? 0 : Number(span / (step > 0n ? step : -step) + 1n);
  budget.list(count);
  const out: Value[] = [];
  for (let k = 0; k < count; k++) out.push(start + BigInt(k) * step);
  return out;
}

function toFloat(value: Value, name: string, orNull: boolean): Value {
  if (value === null) return null;
  if (isNumber(value)) return Number(value);
  if (typeof value === 'string') {
    const n = Number(value.trim());
    return value.trim() !== '' && !Number.isNaN(n) ? n : null;
  }
  return orNull ? null : expect(name, 'String, Integer or Float', value);
}

function toBoolean(value: Value, name: string, orNull: boolean): Value {
  if (value === null || typeof value === 'boolean') return value;
  if (typeof value === 'string')
    return value.trim().toLowerCase() === 'true' ? true : value.trim().toLowerCase() === 'false' ? false : null;
  if (typeof value === 'bigint') return value !== 0n;
  return orNull ? null : expect(name, 'String, Integer or Boolean', value);
}

/**
 * `trim(specification, source)` and `trim(specification, characters, source)`: how Neo4j runs the FROM form
 * (CypherFunctions.trim): the source first, then the specification, one character to trim, and then ltrim, rtrim or btrim.
 */
function trimBy(args: readonly Value[], budget: StatementBudget): Value {
  const [specification, characters, source] = args.length === 2 ? [args[0], undefined, args[1]] : args;
  if (source === null || source === undefined) return null;
  if (typeof source !== 'string') return expect('trim', 'String', source);
  if (typeof specification !== 'string') return expect('trim', 'String', specification ?? null);
  if (typeof characters === 'string' && [...characters].length !== 1)
    throw argumentError('The argument `trimCharacterString` in the `trim()` function must be of length 1.');
  const [name, side] = specification === 'LEADING' ? LTRIM : specification === 'TRAILING' ? RTRIM : BTRIM;
  return trimFn(side)(characters === undefined ? [source] : [source, characters], name, budget);
}

/** The function each specification stands for, by its name (its messages name it) and the side it trims. */
const LTRIM = ['ltrim', 'leading'] as const;
const RTRIM = ['rtrim', 'trailing'] as const;
const BTRIM = ['btrim', 'both'] as const;

const trimWhitespace = stringFn((s) => s.trim());

/** `btrim`, `ltrim`, `rtrim`: whitespace, or repeats of one given character, from one or both ends. */
/* @__NO_SIDE_EFFECTS__ */
function trimFn(side: 'both' | 'leading' | 'trailing'): Fn {
  return (args, name, budget) =>
    stringFn((s, [character]) => {
      if (character === undefined) return side === 'both' ? s.trim() : side === 'leading' ? s.trimStart() : s.trimEnd();
      if (character === null) return null;
      if (typeof character !== 'string') return expect(name, 'String', character);
      if ([...character].length !== 1)
        throw new Neo4jError(
          StatusCode.NotSupported,
          `${name}() with a trim string longer than one character is not supported by cypher-sysdb.`,
        );
      let start = 0;
      let end = s.length;
      if (side !== 'trailing') while (s.startsWith(character, start)) start += character.length;
      if (side !== 'leading') while (end > start && s.endsWith(character, end)) end -= character.length;
      return s.slice(start, end);
    })(args, name, budget);
}

/**
 * `round(value, precision)`: Neo4j rounds the decimal text of the value half away from zero
 * (`BigDecimal.valueOf(value).setScale(precision, HALF_UP)`), so 2.675 becomes 2.68, not 2.67.
 */
function roundHalfUp(value: number, precision: number): number {
  if (!Number.isFinite(value)) return value;
  const [mantissa, exponentText] = Math.abs(value).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  // The value is 0.<digits> * 10^point: keep `point + precision` digits.
  const point = Number(exponentText) + 1;
  const keep = point + precision;
  // BigDecimal has no negative zero: a negative value that rounds to zero is 0.0.
  if (keep < 0) return 0;
  if (keep >= digits.length) return value;
  let kept = BigInt(digits.slice(0, keep) || '0');
  if (Number(digits[keep]) >= 5) kept += 1n;
  const rounded = Number(`${kept}e${point - keep}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/** The functions cypher-sysdb evaluates, by lower-case name; argument counts are in src/functions.ts. */
const FUNCTIONS: Readonly<Record<string, Fn>> = {
  size: unary((v, name) =>
    v === null ? null : typeof v === 'string' ? BigInt([...v].length) : isList(v) ? BigInt(v.length) : expect(name, 'String or List', v),
  ),
  length: unary((v, name) =>
    v === null ? null : typeof v === 'string' ? BigInt([...v].length) : isList(v) ? BigInt(v.length) : expect(name, 'String or List', v),
  ),
  tolower: sameLength((s) => s.toLowerCase()),
  toupper: sameLength((s) => s.toUpperCase()),
  trim: (args, name, budget) => (args.length === 1 ? trimWhitespace(args, name, budget) : trimBy(args, budget)),
  btrim: trimFn('both'),
  ltrim: trimFn('leading'),
  rtrim: trimFn('trailing'),
  replace: stringFn((s, [search, replacement], budget) =>
    typeof search === 'string' && typeof replacement === 'string' ? replaceAll(s, search, replacement, budget) : null,
  ),
  substring: (args, name, budget) =>
    stringFn((s, [start, length]) => {
      const chars = [...s];
      // A null start counts from 0 (what slice made of the null before); not checked against Neo4j.
      const from = integerArg(name, start) ?? 0;
      const count = length === undefined ? chars.length : integerArg(name, length);
      if (from < 0 || (count !== null && count < 0))
        throw new Neo4jError(StatusCode.ArgumentError, `Invalid input for '${name}': negative start or length`);
      return chars.slice(from, count === null ? undefined : from + count).join('');
    })(args, name, budget),
  left: (args, name, budget) => stringFn((s, [n]) => [...s].slice(0, integerArg(name, n) ?? 0).join(''))(args, name, budget),
  right: (args, name, budget) =>
    stringFn((s, [n]) => {
      const chars = [...s];
      return chars.slice(Math.max(0, chars.length - (integerArg(name, n) ?? 0))).join('');
    })(args, name, budget),
  split: stringFn((s, [separator], budget) => (typeof separator === 'string' ? splitString(s, separator, budget) : null)),
  reverse: unary((v, name, budget) => {
    if (v === null) return null;
    if (typeof v === 'string') {
      budget.string(v.length);
      return [...v].reverse().join('');
    }
    if (!isList(v)) return expect(name, 'String or List', v);
    budget.list(v.length);
    return [...v].reverse();
  }),
  coalesce: (args) => args.find((a) => a !== null) ?? null,
  head: unary((v, name) => (v === null ? null : isList(v) ? (v[0] ?? null) : expect(name, 'List', v))),
  last: unary((v, name) => (v === null ? null : isList(v) ? (v[v.length - 1] ?? null) : expect(name, 'List', v))),
  tail: unary((v, name, budget) => {
    if (v === null) return null;
    if (!isList(v)) return expect(name, 'List', v);
    budget.list(v.length);
    return v.slice(1);
  }),
  keys: unary((v, name, budget) => {
    if (v === null) return null;
    if (!isMap(v)) return expect(name, 'Map', v);
    const keys = Object.keys(v);
    budget.list(keys.length);
    return keys;
  }),
  isempty: unary((v, name) =>
    v === null
      ? null
      : typeof v === 'string'
        ? v.length === 0
        : isList(v)
          ? v.length === 0
          : isMap(v)
            ? Object.keys(v).length === 0
            : expect(name, 'String, List or Map', v),
  ),
  tostring: unary((v, name) => (v !== null && (isList(v) || isMap(v)) ? expect(name, 'String, Number or Boolean', v) : valueToString(v))),
  tostringornull: unary(valueToString),
  tointeger: unary((v, name) => toInteger(v, name, false)),
  tointegerornull: unary((v, name) => toInteger(v, name, true)),
  tofloat: unary((v, name) => toFloat(v, name, false)),
  tofloatornull: unary((v, name) => toFloat(v, name, true)),
  toboolean: unary((v, name) => toBoolean(v, name, false)),
  tobooleanornull: unary((v, name) => toBoolean(v, name, true)),
  // Neo4j's CypherFunctions.abs is Java's Math.abs(long): abs(-9223372036854775808) is -9223372036854775808.
  abs: numberFn((n) => (typeof n === 'bigint' ? abs64(n) : Math.abs(n))),
  ceil: numberFn((n) => Math.ceil(Number(n))),
  floor: numberFn((n) => Math.floor(Number(n))),
  round: (args, name, budget) => {
    if (args.length === 1) return numberFn((n) => Math.round(Number(n)))(args, name, budget);
    if (args.length === 3) throw new Neo4jError(StatusCode.NotSupported, `round() with a rounding mode is not supported by cypher-sysdb.`);
    const precision = integerArg(name, args[1]);
    return precision === null ? null : numberFn((n) => roundHalfUp(Number(n), precision))(args, name, budget);
  },
  sign: numberFn((n) => BigInt(Math.sign(Number(n)))),
  sqrt: numberFn((n) => Math.sqrt(Number(n))),
  isnan: numberFn((n) => Number.isNaN(Number(n))),
  range: (args, name, budget) => {
    const [start, end, step] = [bigintArg(name, args[0]), bigintArg(name, args[1]), args[2] === undefined ? 1n : bigintArg(name, args[2])];
    if (start === null || end === null || step === null) return null;
    if (step === 0n) throw new Neo4jError(StatusCode.ArgumentError, 'Step argument to range() cannot be zero');
    return range(start, end, step, budget);
  },
};

/** Cypher 25's other spellings of the same functions. */
const ALIASES: Readonly<Record<string, string>> = { lower: 'tolower', upper: 'toupper', char_length: 'size', character_length: 'size' };

/** Calls a scalar function. The semantic check has already refused unknown functions and wrong argument counts. */
export function callFunction(name: string, args: readonly Value[], budget: StatementBudget): Value {
  const lookup = lookupFunction(name);
  if (lookup.kind === 'unknown') throw new Neo4jError(StatusCode.SyntaxError, `Unknown function '${name}'`);
  const signature = lookup.kind === 'known' ? lookup.signature : null;
  const key = name.toLowerCase();
  const entry = signature?.evaluated ? FUNCTIONS[ALIASES[key] ?? key] : undefined;
  if (!signature || !entry) throw new Neo4jError(StatusCode.NotSupported, `The function '${name}' is not supported by cypher-sysdb.`);
  if (args.length < signature.minArgs || args.length > signature.maxArgs) {
    const problem = args.length < signature.minArgs ? 'Insufficient' : 'Too many';
    throw new Neo4jError(StatusCode.SyntaxError, `${problem} parameters for function '${signature.name}'`);
  }
  return entry(args, name, budget);
}
