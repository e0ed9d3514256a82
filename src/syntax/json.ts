/**
 * Reads the JSON files users hand the CLI (`--params`). `JSON.parse` is not enough: its error
 * messages quote the text around the mistake (a password, in a parameters file), integers beyond
 * 2^53 silently lose digits, and deep nesting later overflows the stack. This reader is iterative,
 * keeps such integers exact as bigints, limits nesting, and reports errors by line and column only.
 */

export class JsonError extends Error {}

/** What the reader returns: JSON values, with integers beyond Number.MAX_SAFE_INTEGER as bigints. */
export type JsonValue = null | boolean | number | bigint | string | JsonValue[] | { [key: string]: JsonValue };

interface Open {
  readonly container: JsonValue[] | Record<string, JsonValue>;
  /** For an object: the key whose value is being read. */
  key: string | null;
}

const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const KEYWORDS: readonly (readonly [string, JsonValue])[] = [
  ['true', true],
  ['false', false],
  ['null', null],
];
const ESCAPES: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };

export interface ReadJsonOptions {
  /**
   * `bigint`: every integer literal (no fraction, no exponent) is a bigint and every other number a
   * number, so that a wire protocol can tell INTEGER `1` from FLOAT `1.0` as Neo4j's JSON reader does.
   * Default `number`: integers are numbers where a number holds them exactly.
   */
  readonly integers?: 'number' | 'bigint';
}

export function readJson(source: string, maxDepth: number, options: ReadJsonOptions = {}): JsonValue {
  const bigIntegers = options.integers === 'bigint';
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source; // a UTF-8 byte order mark
  let i = 0;
  const stack: Open[] = [];
  let result: JsonValue | undefined;

  const fail = (what: string, at = i): never => {
    let line = 1;
    let lineStart = 0;
    for (let k = 0; k < at && k < text.length; k++) {
      if (text.charCodeAt(k) === 10) {
        line += 1;
        lineStart = k + 1;
      }
    }
    throw new JsonError(`${what} at line ${line}, column ${at - lineStart + 1}`);
  };
  const skipSpace = () => {
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      i += 1;
    }
  };
  const readString = (): string => {
    const start = i;
    i += 1;
    const parts: string[] = [];
    let from = i;
    while (i < text.length) {
      const c = text.charAt(i);
      if (c === '"') {
        parts.push(text.slice(from, i));
        i += 1;
        return parts.join('');
      }
      if (c.charCodeAt(0) < 0x20) fail('control character in a string');
      if (c === '\\') {
        parts.push(text.slice(from, i));
        const e = text[i + 1];
        const escaped = e === undefined ? undefined : ESCAPES[e];
        if (e === 'u') {
          const hex = text.slice(i + 2, i + 6);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) fail('invalid \\u escape');
          parts.push(String.fromCharCode(parseInt(hex, 16)));
          i += 6;
        } else if (escaped !== undefined) {
          parts.push(escaped);
          i += 2;
        } else fail('invalid escape in a string');
        from = i;
        continue;
      }
      i += 1;
    }
    return fail('unterminated string', start);
  };
  const readNumber = (): number | bigint => {
    NUMBER.lastIndex = i;
    const match = NUMBER.exec(text);
    if (!match) return fail('unexpected character');
    i += match[0].length;
    const literal = match[0];
    if (/^-?[0-9]+$/.test(literal)) {
      const exact = BigInt(literal);
      if (bigIntegers) return exact;
      return exact >= BigInt(Number.MIN_SAFE_INTEGER) && exact <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(literal) : exact;
    }
    return Number(literal);
  };
  const readKeywordOrNumber = (): JsonValue => {
    for (const [word, value] of KEYWORDS) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return value;
      }
    }
    return readNumber();
  };
  /** Puts a finished value into the container being read (or makes it the result). */
  const place = (value: JsonValue) => {
    const top = stack[stack.length - 1];
    if (!top) result = value;
    else if (Array.isArray(top.container)) top.container.push(value);
    else {
      // A value inside an object is read only after its key.
      if (top.key === null) throw new Error('readJson: an object member without a key');
      // defineProperty: a key such as `__proto__` must be an ordinary key, not the prototype.
      Object.defineProperty(top.container, top.key, { value, enumerable: true, writable: true, configurable: true });
      top.key = null;
    }
  };
  const open = (container: JsonValue[] | Record<string, JsonValue>) => {
    if (stack.length >= maxDepth) fail(`nested more than ${maxDepth} levels deep`);
    stack.push({ container, key: null });
  };

  /** What may come next: a value, or (inside a container) its end or the next member. */
  let expectValue = true;
  skipSpace();
  for (;;) {
    skipSpace();
    const top = stack[stack.length - 1];
    if (expectValue) {
      if (top && !Array.isArray(top.container) && top.key === null) {
        // An object member: "key": value
        if (text[i] === '}' && Object.keys(top.container).length === 0) {
          i += 1;
          stack.pop();
          place(top.container);
          expectValue = false;
          continue;
        }
        if (text[i] !== '"') fail('expected a string key');
        top.key = readString();
        skipSpace();
        if (text[i] !== ':') fail("expected ':'");
        i += 1;
        continue;
      }
      const c = text[i];
      if (c === undefined) fail('unexpected end of input');
      if (c === '{') {
        i += 1;
        open({});
        continue;
      }
      if (c === '[') {
        i += 1;
        const list: JsonValue[] = [];
        open(list);
        skipSpace();
        if (text[i] === ']') {
          i += 1;
          stack.pop();
          place(list);
          expectValue = false;
        }
        continue;
      }
      place(c === '"' ? readString() : readKeywordOrNumber());
      expectValue = false;
      continue;
    }
    if (!top) break;
    const c = text[i];
    const closer = Array.isArray(top.container) ? ']' : '}';
    if (c === ',') {
      i += 1;
      expectValue = true;
    } else if (c === closer) {
      i += 1;
      stack.pop();
      place(top.container);
    } else fail(c === undefined ? 'unexpected end of input' : `expected ',' or '${closer}'`);
  }
  skipSpace();
  if (i < text.length) fail('unexpected text after the JSON value');
  // The loop ends only with the stack empty after a value: the top-level one, placed as the result.
  if (result === undefined) throw new Error('readJson: no top-level value');
  return result;
}
