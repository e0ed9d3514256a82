/**
 * Between PackStream values and the engine's: parameters come in as decoded PackStream (Integer a
 * bigint, Float a number, Dictionary a Map); results need no conversion, as the engine's values are
 * PackStream's (bigint, number, lists, maps). Types the engine does not
 * model (Bytes, temporal and spatial structures) are refused as not supported, naming the parameter.
 */
import { Neo4jError, StatusCode } from '../../index.js';
import { Structure, type Dictionary, type PackValue } from './packstream.js';

/** A RUN's parameters as the engine takes them, with wire typing kept (`typedParams`). */
export function parametersOf(parameters: Dictionary): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [name, value] of parameters) {
    // defineProperty: a parameter called `__proto__` is a parameter like any other.
    Object.defineProperty(result, name, { value: engineValue(value, name), enumerable: true, writable: true, configurable: true });
  }
  return result;
}

function engineValue(value: PackValue, name: string): unknown {
  if (value instanceof Uint8Array) throw unsupported(name, 'a byte array');
  if (value instanceof Structure) throw unsupported(name, `a structure (tag 0x${value.tag.toString(16).toUpperCase()})`);
  if (value instanceof Map) {
    const map: Record<string, unknown> = {};
    for (const [key, item] of value) {
      Object.defineProperty(map, key, { value: engineValue(item, name), enumerable: true, writable: true, configurable: true });
    }
    return map;
  }
  if (Array.isArray(value)) return value.map((item) => engineValue(item, name));
  return value;
}

function unsupported(name: string, what: string): Neo4jError {
  return new Neo4jError(StatusCode.NotSupported, `A parameter holding ${what} ($${name}) is not supported by cypher-sysdb.`);
}
