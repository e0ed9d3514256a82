/**
 * Cypher values in the Query API's two JSON formats (docs-query-api `plain-json.adoc`,
 * `typed-json.adoc`), both directions. Out: plain JSON writes INTEGER and FLOAT as JSON numbers (a
 * FLOAT as Java prints a double, `1.0`, `3.2E9`; NaN and the infinities as strings, as Jackson
 * quotes them); typed JSON wraps every value as `{"$type", "_value"}` with numbers as strings, so
 * INTEGER and FLOAT stay apart. In: typed parameters decode to what a wire session takes (INTEGER a
 * bigint, FLOAT a number); the types the engine does not model are refused by name, never dropped.
 */
import { Neo4jError, StatusCode, type CypherValue } from '../../index.js';
import { HttpError, REQUEST_INVALID } from './errors.js';

/** A value as plain JSON text. */
export function plainValue(value: CypherValue): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      return value.toString();
    case 'number':
      return Number.isFinite(value) ? javaDouble(value) : `"${javaDouble(value)}"`;
    case 'string':
      return JSON.stringify(value);
    default:
      if (Array.isArray(value)) return `[${value.map(plainValue).join(',')}]`;
      return `{${Object.entries(value)
        .map(([key, item]) => `${JSON.stringify(key)}:${plainValue(item)}`)
        .join(',')}}`;
  }
}

/** A value as typed JSON text. */
export function typedValue(value: CypherValue): string {
  if (value === null) return '{"$type":"Null","_value":null}';
  switch (typeof value) {
    case 'boolean':
      return `{"$type":"Boolean","_value":${value ? 'true' : 'false'}}`;
    case 'bigint':
      return `{"$type":"Integer","_value":"${value.toString()}"}`;
    case 'number':
      return `{"$type":"Float","_value":"${javaDouble(value)}"}`;
    case 'string':
      return `{"$type":"String","_value":${JSON.stringify(value)}}`;
    default:
      if (Array.isArray(value)) return `{"$type":"List","_value":[${value.map(typedValue).join(',')}]}`;
      return `{"$type":"Map","_value":{${Object.entries(value)
        .map(([key, item]) => `${JSON.stringify(key)}:${typedValue(item)}`)
        .join(',')}}}`;
  }
}

/**
 * Java's `Double.toString` (which Neo4j's serialisers use): the shortest digits that read back as
 * the same double (JavaScript's choice too, but never fewer than two), in decimal notation from 10^-3 up to 10^7 and in
 * computerised scientific notation (`1.0E7`, `1.5E-5`) outside, always with a fractional digit.
 */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (x === Infinity) return 'Infinity';
  if (x === -Infinity) return '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // Java writes at least two digits: where one would do, the two-digit decimal nearest x (4.9E-324).
  const shortest = Math.abs(x).toExponential();
  const [mantissa = '', exponentText = '0'] = (shortest.includes('.') ? shortest : Math.abs(x).toExponential(1)).split('e');
  const digits = mantissa.replace('.', '').replace(/(?<=.)0+$/, '');
  const exponent = Number(exponentText);
  const abs = Math.abs(x);
  if (abs >= 1e-3 && abs < 1e7) {
    if (exponent >= 0) {
      const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
      return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
    }
    return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  }
  return `${sign}${digits[0] ?? '0'}.${digits.slice(1) || '0'}E${exponent}`;
}

/** Typed JSON types that are Cypher values the engine does not model (temporal, spatial, bytes, ...). */
const UNMODELLED: Readonly<Record<string, string>> = {
  Base64: 'a byte array',
  Date: 'a DATE',
  Time: 'a ZONED TIME',
  LocalTime: 'a LOCAL TIME',
  ZonedDateTime: 'a ZONED DATETIME',
  OffsetDateTime: 'a ZONED DATETIME',
  LocalDateTime: 'a LOCAL DATETIME',
  Duration: 'a DURATION',
  Point: 'a POINT',
  Vector: 'a VECTOR',
};

const INTEGER_TEXT = /^[+-]?[0-9]+$/;
/** What Java's `Double.parseDouble` reads, less hexadecimal floats and type suffixes. */
const FLOAT_TEXT = /^[+-]?(?:NaN|Infinity|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)$/;

/**
 * A typed JSON parameter (`{"$type": "Integer", "_value": "42"}`) as the engine takes it with
 * `typedParams`: INTEGER a bigint, FLOAT a number, lists and maps of the same. `name` is the
 * parameter's, for messages; they never quote the value (a parameter may hold a password).
 */
function decodeTyped(value: unknown, name: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, '$type')) {
    throw invalid(name, 'is not a typed value ({"$type": ..., "_value": ...})');
  }
  const type = (value as { $type: unknown }).$type;
  const inner = (value as { _value?: unknown })._value;
  switch (type) {
    case 'Null':
      return null;
    case 'Boolean':
      if (typeof inner !== 'boolean') throw invalid(name, 'is a Boolean whose _value is not true or false');
      return inner;
    case 'Integer':
      if (typeof inner === 'bigint') return inner;
      if (typeof inner !== 'string' || !INTEGER_TEXT.test(inner))
        throw invalid(name, 'is an Integer whose _value is not an integer string');
      return BigInt(inner);
    case 'Float':
      if (typeof inner === 'number') return inner;
      if (typeof inner === 'bigint') return Number(inner);
      if (inner === '-NaN') return NaN;
      if (typeof inner !== 'string' || !FLOAT_TEXT.test(inner)) throw invalid(name, 'is a Float whose _value is not a number string');
      return Number(inner);
    case 'String':
      if (typeof inner !== 'string') throw invalid(name, 'is a String whose _value is not a string');
      return inner;
    case 'List':
      if (!Array.isArray(inner)) throw invalid(name, 'is a List whose _value is not an array');
      return inner.map((item) => decodeTyped(item, name));
    case 'Map':
      return decodeMap(inner, name);
    default: {
      const what = typeof type === 'string' && Object.hasOwn(UNMODELLED, type) ? UNMODELLED[type] : undefined;
      if (what !== undefined) {
        throw new Neo4jError(StatusCode.NotSupported, `A parameter holding ${what} ($${name}) is not supported by cypher-sysdb.`);
      }
      throw invalid(name, 'has a $type the Query API does not know');
    }
  }
}

/** Typed `parameters` (or `txMetadata`): each member decoded, named by its key. */
export function decodeParameters(value: Readonly<Record<string, unknown>>): Record<string, unknown> {
  return mapOf(Object.entries(value), (key, item) => decodeTyped(item, key));
}

function decodeMap(value: unknown, name: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw invalid(name, 'is a Map whose _value is not an object');
  return mapOf(Object.entries(value), (_, item) => decodeTyped(item, name));
}

function mapOf(entries: [string, unknown][], decode: (key: string, item: unknown) => unknown): Record<string, unknown> {
  const map: Record<string, unknown> = {};
  for (const [key, item] of entries) {
    // defineProperty: a key called `__proto__` is a key like any other.
    Object.defineProperty(map, key, { value: decode(key, item), enumerable: true, writable: true, configurable: true });
  }
  return map;
}

function invalid(name: string, problem: string): HttpError {
  return new HttpError(400, REQUEST_INVALID, `The parameter $${name} ${problem}.`);
}
