/** Cypher's scalar functions that admin queries reach for. Names are case-insensitive; null in, null out. */
import { StatusCode } from '../diagnostics.js';
import { Neo4jError, shownValue, typeError } from './errors.js';
import { lookupFunction } from '../functions.js';
import { formatFloat, isList, isMap, isNumber, typeName, type Value } from './values.js';

type Fn = (args: readonly Value[], name: string) => Value;

const expect = (name: string, kind: string, value: Value): never => {
  throw typeError(`Expected a ${kind} value for '${name}', but got: ${typeName(value)}(${shownValue(value)})`);
};

const stringFn =
  (f: (s: string, ...rest: Value[]) => Value): Fn =>
  (args, name) => {
    const [s, ...rest] = args;
    if (s === null || s === undefined) return null;
    if (typeof s !== 'string') return expect(name, 'String', s);
    return f(s, ...rest);
  };

const numberFn =
  (f: (n: bigint | number) => Value): Fn =>
  (args, name) => {
    const n = args[0]!;
    if (n === null) return null;
    if (!isNumber(n)) return expect(name, 'Number', n);
    return f(n);
  };

const integerArg = (name: string, value: Value | undefined): number | null => {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'bigint') return expect(name, 'Integer', value);
  return Number(value);
};

export function valueToString(value: Value): Value {
  if (value === null) return null;
  if (typeof value === 'number') return formatFloat(value);
  if (typeof value === 'bigint' || typeof value === 'boolean' || typeof value === 'string') return String(value);
  return null;
}

function toInteger(value: Value, name: string, orNull: boolean): Value {
  if (value === null) return null;
  if (typeof value === 'bigint') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? BigInt(Math.trunc(value)) : null;
  if (typeof value === 'boolean') return value ? 1n : 0n;
  if (typeof value === 'string') {
    const text = value.trim();
    if (/^[+-]?\d+$/.test(text)) return BigInt(text);
    const n = Number(text);
    return text !== '' && Number.isFinite(n) ? BigInt(Math.trunc(n)) : null;
  }
  return orNull ? null : expect(name, 'String, Integer, Float or Boolean', value);
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
  if (typeof value === 'string') return value.trim().toLowerCase() === 'true' ? true : value.trim().toLowerCase() === 'false' ? false : null;
  if (typeof value === 'bigint') return value !== 0n;
  return orNull ? null : expect(name, 'String, Integer or Boolean', value);
}

/** `btrim`, `ltrim`, `rtrim`: whitespace, or repeats of one given character, from one or both ends. */
function trimFn(side: 'both' | 'leading' | 'trailing'): Fn {
  return (args, name) =>
    stringFn((s, character) => {
      if (character === undefined) return side === 'both' ? s.trim() : side === 'leading' ? s.trimStart() : s.trimEnd();
      if (character === null) return null;
      if (typeof character !== 'string') return expect(name, 'String', character);
      if ([...character].length !== 1) throw new Neo4jError(StatusCode.NotSupported, `${name}() with a trim string longer than one character is not supported by cypher-sysdb.`);
      let start = 0;
      let end = s.length;
      if (side !== 'trailing') while (s.startsWith(character, start)) start += character.length;
      if (side !== 'leading') while (end > start && s.endsWith(character, end)) end -= character.length;
      return s.slice(start, end);
    })(args, name);
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
  size: ([v], name) => (v === null ? null : typeof v === 'string' ? BigInt([...v].length) : isList(v!) ? BigInt(v.length) : expect(name, 'String or List', v!)),
  length: ([v], name) => (v === null ? null : typeof v === 'string' ? BigInt([...v].length) : isList(v!) ? BigInt(v.length) : expect(name, 'String or List', v!)),
  tolower: stringFn((s) => s.toLowerCase()),
  toupper: stringFn((s) => s.toUpperCase()),
  trim: stringFn((s) => s.trim()),
  btrim: trimFn('both'),
  ltrim: trimFn('leading'),
  rtrim: trimFn('trailing'),
  replace: stringFn((s, search, replacement) => (typeof search === 'string' && typeof replacement === 'string' ? s.split(search).join(replacement) : null)),
  substring: (args, name) =>
      stringFn((s, start, length) => {
        const chars = [...s];
        const from = integerArg(name, start)!;
        const count = length === undefined ? chars.length : integerArg(name, length);
        if (from < 0 || (count !== null && count < 0)) throw new Neo4jError(StatusCode.ArgumentError, `Invalid input for '${name}': negative start or length`);
        return chars.slice(from, count === null ? undefined : from + count).join('');
      })(args, name),
  left: (args, name) => stringFn((s, n) => [...s].slice(0, integerArg(name, n) ?? 0).join(''))(args, name),
  right: (args, name) =>
      stringFn((s, n) => {
        const chars = [...s];
        return chars.slice(Math.max(0, chars.length - (integerArg(name, n) ?? 0))).join('');
      })(args, name),
  split: stringFn((s, separator) => (typeof separator === 'string' ? s.split(separator) : null)),
  reverse: ([v], name) => (v === null ? null : typeof v === 'string' ? [...v].reverse().join('') : isList(v!) ? [...v].reverse() : expect(name, 'String or List', v!)),
  coalesce: (args) => args.find((a) => a !== null) ?? null,
  head: ([v], name) => (v === null ? null : isList(v!) ? (v[0] ?? null) : expect(name, 'List', v!)),
  last: ([v], name) => (v === null ? null : isList(v!) ? (v[v.length - 1] ?? null) : expect(name, 'List', v!)),
  tail: ([v], name) => (v === null ? null : isList(v!) ? v.slice(1) : expect(name, 'List', v!)),
  keys: ([v], name) => (v === null ? null : isMap(v!) ? Object.keys(v) : expect(name, 'Map', v!)),
  isempty: ([v], name) => (v === null ? null : typeof v === 'string' ? v.length === 0 : isList(v!) ? v.length === 0 : isMap(v!) ? Object.keys(v).length === 0 : expect(name, 'String, List or Map', v!)),
  tostring: ([v], name) => (v !== null && (isList(v!) || isMap(v!)) ? expect(name, 'String, Number or Boolean', v!) : valueToString(v!)),
  tostringornull: ([v]) => valueToString(v!),
  tointeger: ([v], name) => toInteger(v!, name, false),
  tointegerornull: ([v], name) => toInteger(v!, name, true),
  tofloat: ([v], name) => toFloat(v!, name, false),
  tofloatornull: ([v], name) => toFloat(v!, name, true),
  toboolean: ([v], name) => toBoolean(v!, name, false),
  tobooleanornull: ([v], name) => toBoolean(v!, name, true),
  abs: numberFn((n) => (typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n))),
  ceil: numberFn((n) => Math.ceil(Number(n))),
  floor: numberFn((n) => Math.floor(Number(n))),
  round: (args, name) => {
    if (args.length === 1) return numberFn((n) => Math.round(Number(n)))(args, name);
    if (args.length === 3) throw new Neo4jError(StatusCode.NotSupported, `round() with a rounding mode is not supported by cypher-sysdb.`);
    const precision = integerArg(name, args[1]);
    return precision === null ? null : numberFn((n) => roundHalfUp(Number(n), precision))(args, name);
  },
  sign: numberFn((n) => BigInt(Math.sign(Number(n)))),
  sqrt: numberFn((n) => Math.sqrt(Number(n))),
  isnan: numberFn((n) => Number.isNaN(Number(n))),
  range: (args, name) => {
      const [start, end, step] = [integerArg(name, args[0]), integerArg(name, args[1]), args[2] === undefined ? 1 : integerArg(name, args[2])];
      if (start === null || end === null || step === null) return null;
      if (step === 0) throw new Neo4jError(StatusCode.ArgumentError, 'Step argument to range() cannot be zero');
      const out: Value[] = [];
      for (let i = start; step > 0 ? i <= end : i >= end; i += step) {
        out.push(BigInt(i));
        if (out.length > 1_000_000) throw new Neo4jError(StatusCode.NotSupported, 'range() of more than a million values is not supported by cypher-sysdb.');
      }
      return out;
    },
};

/** Cypher 25's other spellings of the same functions. */
const ALIASES: Readonly<Record<string, string>> = { lower: 'tolower', upper: 'toupper', char_length: 'size', character_length: 'size' };

/** Calls a scalar function. The semantic check has already refused unknown functions and wrong argument counts. */
export function callFunction(name: string, args: readonly Value[]): Value {
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
  return entry(args, name);
}
