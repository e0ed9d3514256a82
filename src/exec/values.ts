/**
 * Cypher values at run time. INTEGER is a bigint so integer arithmetic is exact and stays apart from
 * FLOAT (a number); results handed to callers turn integers into numbers where a number holds them
 * exactly (see `toResultValue`).
 */
import { isInt64 } from '../catalog/int64.js';
import { argumentError } from '../diagnostics/neo4j-error.js';

export type Value = null | boolean | bigint | number | string | readonly Value[] | ValueMap;

export interface ValueMap {
  readonly [key: string]: Value;
}

export function isMap(value: Value): value is ValueMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isList(value: Value): value is readonly Value[] {
  return Array.isArray(value);
}

/**
 * The value under `key`, null when the map has none (as Cypher reads a missing key). Own keys only:
 * `{}` has no `constructor`.
 */
export function valueAt(map: ValueMap, key: string): Value {
  return Object.hasOwn(map, key) ? (map[key] ?? null) : null;
}

/** Builds a map value; `Object.fromEntries` defines keys such as `__proto__` as ordinary own keys. */
export function mapOf(entries: Iterable<readonly [string, Value]>): ValueMap {
  return Object.fromEntries(entries) as ValueMap;
}

/** Neo4j's type names, as its error messages print them. */
export function typeName(value: Value): string {
  if (value === null) return 'NULL';
  switch (typeof value) {
    case 'boolean':
      return 'Boolean';
    case 'bigint':
      return 'Long';
    case 'number':
      return 'Double';
    case 'string':
      return 'String';
    default:
      return Array.isArray(value) ? 'List' : 'Map';
  }
}

/**
 * A value as a result row carries it: JSON-like data. An INTEGER is a number when a number holds it
 * exactly (up to 2^53 - 1 either way) and a bigint beyond, so no result silently loses precision.
 */
export type ResultValue = null | boolean | number | bigint | string | ResultValue[] | { [key: string]: ResultValue };

export function toResultValue(value: Value): ResultValue {
  if (typeof value === 'bigint') return isSafeInteger(value) ? Number(value) : value;
  if (Array.isArray(value)) return value.map(toResultValue);
  if (isMap(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toResultValue(v)]));
  return value as ResultValue;
}

function isSafeInteger(value: bigint): boolean {
  return value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER);
}

/**
 * Values a caller passes in (parameters): JSON-like data; integral numbers become INTEGERs. An integral
 * number beyond 2^53 - 1 may already have been rounded (2^53 + 1 cannot be a number), so it is refused:
 * pass a bigint for such an integer. A bigint must fit INTEGER (64 bits).
 */
export function fromJs(value: unknown, numbersAreFloats = false): Value {
  if (value === null || value === undefined) return null;
  switch (typeof value) {
    case 'boolean':
    case 'string':
      return value;
    case 'bigint':
      if (!isInt64(value)) throw argumentError(`The parameter value ${value} is outside the range of INTEGER (64-bit).`);
      return value;
    case 'number':
      // A wire protocol types its values: there a number is a FLOAT even when it is whole.
      if (numbersAreFloats || !Number.isInteger(value)) return value;
      if (!Number.isSafeInteger(value)) {
        throw argumentError(
          `The parameter value ${value} is an integer beyond 2^53 - 1, which a JavaScript number may not hold exactly; pass it as a bigint.`,
        );
      }
      return BigInt(value);
    case 'object':
      if (Array.isArray(value)) return value.map((item) => fromJs(item, numbersAreFloats));
      return mapOf(Object.entries(value as object).map(([k, v]) => [k, fromJs(v, numbersAreFloats)]));
    default:
      throw new TypeError(`A ${typeof value} cannot be a Cypher value`);
  }
}

/**
 * Cypher's global sort order (ORDER BY): MAP < LIST < STRING < BOOLEAN < NUMBER < NULL, ascending.
 * Within a type: strings by UTF-16 code units (as Java compares them), false < true, numbers by value.
 */
export function compareForOrder(a: Value, b: Value): number {
  const ra = orderRank(a);
  const rb = orderRank(b);
  if (ra !== rb) return ra - rb;
  if (a === null || b === null) return 0;
  if (typeof a === 'string') return a < (b as string) ? -1 : a > (b as string) ? 1 : 0;
  if (typeof a === 'boolean') return Number(a) - Number(b as boolean);
  if (isNumber(a)) return compareNumbers(a, b as bigint | number);
  if (Array.isArray(a)) {
    const listB = b as readonly Value[];
    for (let i = 0; i < Math.min(a.length, listB.length); i++) {
      // In bounds, so `?? null` only reads a hole in a caller's sparse array, as fromJs reads undefined.
      const c = compareForOrder(a[i] ?? null, listB[i] ?? null);
      if (c !== 0) return c;
    }
    return a.length - listB.length;
  }
  const keysA = Object.keys(a).sort();
  const keysB = Object.keys(b as ValueMap).sort();
  const c = compareForOrder(keysA, keysB);
  if (c !== 0) return c;
  for (const key of keysA) {
    const d = compareForOrder(valueAt(a as ValueMap, key), valueAt(b as ValueMap, key));
    if (d !== 0) return d;
  }
  return 0;
}

function orderRank(value: Value): number {
  if (value === null) return 6;
  if (isNumber(value)) {
    return Number.isNaN(value) ? 5 : 4; // NaN sorts after every other number
  }
  if (typeof value === 'boolean') return 3;
  if (typeof value === 'string') return 2;
  return Array.isArray(value) ? 1 : 0;
}

export function isNumber(value: Value): value is bigint | number {
  return typeof value === 'bigint' || typeof value === 'number';
}

export function compareNumbers(a: bigint | number, b: bigint | number): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = Number(a);
  const y = Number(b);
  return x < y ? -1 : x > y ? 1 : 0;
}

/**
 * Cypher's `=`: null when either side is null (or a nested comparison is), otherwise true or false.
 * Numbers compare by value across INTEGER and FLOAT.
 */
export function equals(a: Value, b: Value): boolean | null {
  if (a === null || b === null) return null;
  if (isNumber(a) && isNumber(b)) return Number.isNaN(Number(a)) || Number.isNaN(Number(b)) ? false : compareNumbers(a, b) === 0;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    let sawNull = false;
    for (let i = 0; i < a.length; i++) {
      const e = equals(a[i] ?? null, b[i] ?? null); // a hole reads as null, as in compareForOrder
      if (e === false) return false;
      if (e === null) sawNull = true;
    }
    return sawNull ? null : true;
  }
  if (isMap(a) || isMap(b)) {
    if (!isMap(a) || !isMap(b)) return false;
    const keys = Object.keys(a);
    if (keys.length !== Object.keys(b).length || !keys.every((k) => Object.hasOwn(b, k))) return false;
    let sawNull = false;
    for (const key of keys) {
      const e = equals(valueAt(a, key), valueAt(b, key));
      if (e === false) return false;
      if (e === null) sawNull = true;
    }
    return sawNull ? null : true;
  }
  return a === b;
}

/** A key under which equal values (in the DISTINCT / grouping sense) collide. */
export function groupingKey(value: Value): string {
  if (value === null) return 'n';
  switch (typeof value) {
    case 'boolean':
      return value ? 't' : 'f';
    case 'bigint':
      return `i${value}`;
    case 'number':
      return Number.isInteger(value) && Number.isSafeInteger(value) ? `i${value}` : `d${value}`;
    case 'string':
      return `s${JSON.stringify(value)}`;
    default:
      if (Array.isArray(value)) return `[${value.map(groupingKey).join(',')}]`;
      return `{${Object.keys(value)
        .sort()
        .map((k) => `${JSON.stringify(k)}:${groupingKey(valueAt(value as ValueMap, k))}`)
        .join(',')}}`;
  }
}

/** Java's Double.toString for the common cases: `1.0`, `0.5`, `1.0E10`. */
export function formatFloat(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (Number.isInteger(value) && Math.abs(value) < 1e7) return `${value}.0`;
  const text = String(value);
  if (!text.includes('e')) return text;
  const [mantissa, exponent] = text.split('e') as [string, string];
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}
