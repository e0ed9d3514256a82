/** Cypher's scalar functions that admin queries reach for. Names are case-insensitive; null in, null out. */
import { StatusCode } from '../diagnostics.js';
import { Neo4jError, typeError } from './errors.js';
import { formatFloat, isList, isMap, isNumber, typeName, type Value } from './values.js';

type Fn = (args: readonly Value[], name: string) => Value;

const expect = (name: string, kind: string, value: Value): never => {
  throw typeError(`Expected a ${kind} value for '${name}', but got: ${typeName(value)}(${describe(value)})`);
};

function describe(value: Value): string {
  if (typeof value === 'string') return value;
  if (isList(value)) return `[${value.map(describe).join(', ')}]`;
  if (isMap(value)) return `{${Object.entries(value).map(([k, v]) => `${k}: ${describe(v)}`).join(', ')}}`;
  return String(value);
}

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

const FUNCTIONS: Readonly<Record<string, { readonly arity: readonly [number, number]; readonly fn: Fn }>> = {
  size: {
    arity: [1, 1],
    fn: ([v], name) => (v === null ? null : typeof v === 'string' ? BigInt([...v].length) : isList(v!) ? BigInt(v.length) : expect(name, 'String or List', v!)),
  },
  length: { arity: [1, 1], fn: ([v], name) => (v === null ? null : typeof v === 'string' ? BigInt([...v].length) : isList(v!) ? BigInt(v.length) : expect(name, 'String or List', v!)) },
  tolower: { arity: [1, 1], fn: stringFn((s) => s.toLowerCase()) },
  toupper: { arity: [1, 1], fn: stringFn((s) => s.toUpperCase()) },
  trim: { arity: [1, 1], fn: stringFn((s) => s.trim()) },
  ltrim: { arity: [1, 1], fn: stringFn((s) => s.trimStart()) },
  rtrim: { arity: [1, 1], fn: stringFn((s) => s.trimEnd()) },
  replace: {
    arity: [3, 3],
    fn: stringFn((s, search, replacement) => (typeof search === 'string' && typeof replacement === 'string' ? s.split(search).join(replacement) : null)),
  },
  substring: {
    arity: [2, 3],
    fn: (args, name) =>
      stringFn((s, start, length) => {
        const chars = [...s];
        const from = integerArg(name, start)!;
        const count = length === undefined ? chars.length : integerArg(name, length);
        if (from < 0 || (count !== null && count < 0)) throw new Neo4jError(StatusCode.ArgumentError, `Invalid input for '${name}': negative start or length`);
        return chars.slice(from, count === null ? undefined : from + count).join('');
      })(args, name),
  },
  left: { arity: [2, 2], fn: (args, name) => stringFn((s, n) => [...s].slice(0, integerArg(name, n) ?? 0).join(''))(args, name) },
  right: {
    arity: [2, 2],
    fn: (args, name) =>
      stringFn((s, n) => {
        const chars = [...s];
        return chars.slice(Math.max(0, chars.length - (integerArg(name, n) ?? 0))).join('');
      })(args, name),
  },
  split: { arity: [2, 2], fn: stringFn((s, separator) => (typeof separator === 'string' ? s.split(separator) : null)) },
  reverse: {
    arity: [1, 1],
    fn: ([v], name) => (v === null ? null : typeof v === 'string' ? [...v].reverse().join('') : isList(v!) ? [...v].reverse() : expect(name, 'String or List', v!)),
  },
  coalesce: { arity: [1, Infinity], fn: (args) => args.find((a) => a !== null) ?? null },
  head: { arity: [1, 1], fn: ([v], name) => (v === null ? null : isList(v!) ? (v[0] ?? null) : expect(name, 'List', v!)) },
  last: { arity: [1, 1], fn: ([v], name) => (v === null ? null : isList(v!) ? (v[v.length - 1] ?? null) : expect(name, 'List', v!)) },
  tail: { arity: [1, 1], fn: ([v], name) => (v === null ? null : isList(v!) ? v.slice(1) : expect(name, 'List', v!)) },
  keys: { arity: [1, 1], fn: ([v], name) => (v === null ? null : isMap(v!) ? Object.keys(v) : expect(name, 'Map', v!)) },
  isempty: {
    arity: [1, 1],
    fn: ([v], name) => (v === null ? null : typeof v === 'string' ? v.length === 0 : isList(v!) ? v.length === 0 : isMap(v!) ? Object.keys(v).length === 0 : expect(name, 'String, List or Map', v!)),
  },
  tostring: { arity: [1, 1], fn: ([v], name) => (v !== null && (isList(v!) || isMap(v!)) ? expect(name, 'String, Number or Boolean', v!) : valueToString(v!)) },
  tostringornull: { arity: [1, 1], fn: ([v]) => valueToString(v!) },
  tointeger: { arity: [1, 1], fn: ([v], name) => toInteger(v!, name, false) },
  tointegerornull: { arity: [1, 1], fn: ([v], name) => toInteger(v!, name, true) },
  tofloat: { arity: [1, 1], fn: ([v], name) => toFloat(v!, name, false) },
  tofloatornull: { arity: [1, 1], fn: ([v], name) => toFloat(v!, name, true) },
  toboolean: { arity: [1, 1], fn: ([v], name) => toBoolean(v!, name, false) },
  tobooleanornull: { arity: [1, 1], fn: ([v], name) => toBoolean(v!, name, true) },
  abs: { arity: [1, 1], fn: numberFn((n) => (typeof n === 'bigint' ? (n < 0n ? -n : n) : Math.abs(n))) },
  ceil: { arity: [1, 1], fn: numberFn((n) => Math.ceil(Number(n))) },
  floor: { arity: [1, 1], fn: numberFn((n) => Math.floor(Number(n))) },
  round: { arity: [1, 1], fn: numberFn((n) => Math.round(Number(n))) },
  sign: { arity: [1, 1], fn: numberFn((n) => BigInt(Math.sign(Number(n)))) },
  sqrt: { arity: [1, 1], fn: numberFn((n) => Math.sqrt(Number(n))) },
  isnan: { arity: [1, 1], fn: numberFn((n) => Number.isNaN(Number(n))) },
  range: {
    arity: [2, 3],
    fn: (args, name) => {
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
  },
};

/** Cypher 25's other spellings of the same functions. */
const ALIASES: Readonly<Record<string, string>> = { lower: 'tolower', upper: 'toupper', btrim: 'trim', char_length: 'size', character_length: 'size' };

/** Neo4j functions that exist but that cypher-sysdb does not evaluate: refused honestly, not as unknown. */
const NOT_EVALUATED = new Set(
  (
    'date datetime time localtime localdatetime duration timestamp randomuuid rand id elementid labels type properties nodes ' +
    'relationships startnode endnode exists point distance log log10 exp e pi sin cos tan cot asin acos atan atan2 degrees ' +
    'radians haversin percentilecont percentiledisc stdev stdevp valuetype nullif normalize isnormalized vector ' +
    'tobooleanlist tofloatlist tointegerlist tostringlist'
  ).split(' '),
);

export function callFunction(name: string, args: readonly Value[]): Value {
  const key = name.toLowerCase();
  const entry = FUNCTIONS[ALIASES[key] ?? key];
  if (!entry) {
    if (NOT_EVALUATED.has(key) || key.includes('.')) throw new Neo4jError(StatusCode.NotSupported, `The function '${name}' is not supported by cypher-sysdb.`);
    throw new Neo4jError(StatusCode.SyntaxError, `Unknown function '${name}'`);
  }
  const [min, max] = entry.arity;
  if (args.length < min || args.length > max) {
    throw new Neo4jError(StatusCode.SyntaxError, `${args.length < min ? 'Insufficient' : 'Too many'} parameters for function '${name}'`);
  }
  return entry.fn(args, name);
}

export function isKnownFunction(name: string): boolean {
  return Object.hasOwn(FUNCTIONS, name.toLowerCase());
}
