/**
 * PackStream v1, the value encoding of every Bolt message.
 *
 * Value model (what `decode` returns):
 *   Null → `null`, Boolean → `boolean`, Integer → `bigint` (always, so 64-bit values stay exact),
 *   Float → `number`, String → `string`, Bytes → `Uint8Array` (a copy), List → array,
 *   Dictionary → `Map<string, PackValue>`, Structure → `Structure`.
 * Dictionaries decode to a Map rather than an object so that a client's `__proto__` or `constructor`
 * key is just an entry: it can never reach a prototype, and no reader of the map can confuse an entry
 * with an inherited property. `encode` also takes plain objects, for replies built as literals.
 * A JS `number` is always encoded as Float, as the official drivers do; use a bigint for an Integer.
 *
 * The decoder takes bytes from a client, so it trusts none of them: every declared size is checked
 * against the bytes that remain before anything is allocated, nesting is capped, and each failure is
 * a PackStreamError that says what was wrong and at which byte. Work is linear in the input.
 */
import { PackStreamError } from './errors.js';

/** A decoded value. */
export type PackValue = null | boolean | bigint | number | string | Uint8Array | PackValue[] | Dictionary | Structure;

/** A decoded Dictionary: string keys in wire order; a repeated key keeps its last value. */
export type Dictionary = Map<string, PackValue>;

/** What `encode` accepts: the decoded model, read-only, with plain objects as Dictionaries too. */
export type Packable =
  null | boolean | bigint | number | string | Uint8Array | readonly Packable[] | PackableDictionary | Structure<Packable>;

export type PackableDictionary = ReadonlyMap<string, Packable> | { readonly [key: string]: Packable };

/** A Structure: a tag byte and up to 15 fields (every Bolt message is one). */
export class Structure<F extends Packable = PackValue> {
  constructor(
    readonly tag: number,
    readonly fields: readonly F[],
  ) {}
}

/** Deeper values are refused: no Bolt message needs more, and it bounds the decoder's recursion. */
export const MAX_DEPTH = 64;

/** Our own values may nest deeper than a client's; this only has to stop a cycle before the stack does. */
const MAX_ENCODE_DEPTH = 1024;

/** PackStream sizes are unsigned but capped at 2^31 - 1, so a u32 size above that is malformed. */
const MAX_SIZE = 0x7fff_ffff;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;

// fatal: invalid UTF-8 is an error, not U+FFFD; ignoreBOM: a leading U+FEFF is part of the string.
const UTF8_DECODER = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
// Lone surrogates in a JS string encode as U+FFFD (as in TextEncoder and the drivers): always valid UTF-8.
const UTF8_ENCODER = new TextEncoder();

/** The PackStream type name of a value, for error messages ("got an Integer"). */
export function typeName(value: PackValue): string {
  if (value === null) return 'Null';
  if (typeof value === 'boolean') return 'Boolean';
  if (typeof value === 'bigint') return 'Integer';
  if (typeof value === 'number') return 'Float';
  if (typeof value === 'string') return 'String';
  if (value instanceof Uint8Array) return 'Bytes';
  if (Array.isArray(value)) return 'List';
  if (value instanceof Map) return 'Dictionary';
  return 'Structure';
}

// ---------------------------------------------------------------------------------------------------
// Encoding

export interface EncodeOptions {
  /** Nesting beyond this is refused: it catches a cyclic value instead of overflowing the stack. */
  readonly maxDepth?: number;
}

/** The PackStream bytes of one value. Throws PackStreamError for a value PackStream cannot carry. */
export function encode(value: Packable, options: EncodeOptions = {}): Uint8Array {
  const writer = new Writer(options.maxDepth ?? MAX_ENCODE_DEPTH);
  writer.value(value, 0);
  return writer.bytes();
}

class Writer {
  private buffer = new Uint8Array(256);
  private view = new DataView(this.buffer.buffer);
  private length = 0;

  constructor(private readonly maxDepth: number) {}

  bytes(): Uint8Array {
    return this.buffer.slice(0, this.length);
  }

  value(value: Packable, depth: number): void {
    if (value === null) this.u8(0xc0);
    else if (value === false) this.u8(0xc2);
    else if (value === true) this.u8(0xc3);
    else if (typeof value === 'bigint') this.integer(value);
    else if (typeof value === 'number') this.fixed(0xc1, 8, (at) => this.view.setFloat64(at, value));
    else if (typeof value === 'string') this.string(value);
    else if (value instanceof Uint8Array) {
      this.header(value.length, null, 0xcc, 'Bytes');
      this.raw(value);
    } else if (typeof value !== 'object') {
      throw new PackStreamError(`Cannot encode ${describe(value)} as PackStream`);
    } else {
      if (depth >= this.maxDepth) throw new PackStreamError(`Cannot encode a value nested deeper than ${this.maxDepth} levels`);
      this.container(value, depth + 1);
    }
  }

  private container(value: readonly Packable[] | PackableDictionary | Structure<Packable>, depth: number): void {
    if (isList(value)) {
      this.header(value.length, 0x90, 0xd4, 'List');
      for (const item of value) this.value(item, depth);
    } else if (value instanceof Structure) {
      const { tag, fields } = value;
      if (!Number.isInteger(tag) || tag < 0 || tag > 0xff) throw new PackStreamError(`Cannot encode Structure tag ${tag}: not a byte`);
      if (fields.length > 15) throw new PackStreamError(`Cannot encode a Structure of ${fields.length} fields: at most 15`);
      this.u8(0xb0 + fields.length);
      this.u8(tag);
      for (const field of fields) this.value(field, depth);
    } else if (value instanceof Map) {
      this.header(value.size, 0xa0, 0xd8, 'Dictionary');
      for (const [key, item] of value) {
        if (typeof key !== 'string') throw new PackStreamError(`Cannot encode a Dictionary key of type ${typeof key}`);
        this.value(key, depth);
        this.value(item, depth);
      }
    } else if (isPlainObject(value)) {
      const keys = Object.keys(value);
      this.header(keys.length, 0xa0, 0xd8, 'Dictionary');
      for (const key of keys) {
        this.value(key, depth);
        this.value(value[key] as Packable, depth);
      }
    } else {
      // undefined, a function, a Date, another typed array...: a bug of the caller, not silently `{}`.
      throw new PackStreamError(`Cannot encode ${describe(value)} as PackStream`);
    }
  }

  /** Most strings of a reply are short and ASCII (field names, codes): written directly, without an encoder call. */
  private string(value: string): void {
    if (value.length < 16) {
      let ascii = true;
      for (let i = 0; i < value.length && ascii; i++) ascii = value.charCodeAt(i) < 0x80;
      if (ascii) {
        this.reserve(1 + value.length);
        this.buffer[this.length++] = 0x80 + value.length;
        for (let i = 0; i < value.length; i++) this.buffer[this.length++] = value.charCodeAt(i);
        return;
      }
    }
    const bytes = UTF8_ENCODER.encode(value);
    this.header(bytes.length, 0x80, 0xd0, 'String');
    this.raw(bytes);
  }

  /** The smallest encoding: the compact widths are what Neo4j and the drivers send. */
  private integer(value: bigint): void {
    if (value < INT64_MIN || value > INT64_MAX) throw new PackStreamError(`Cannot encode Integer ${value}: outside the 64-bit range`);
    const n = Number(value);
    if (n >= -16 && n <= 127) this.u8(n & 0xff);
    else if (n >= -128 && n <= 127) this.fixed(0xc8, 1, (at) => this.view.setInt8(at, n));
    else if (n >= -32_768 && n <= 32_767) this.fixed(0xc9, 2, (at) => this.view.setInt16(at, n));
    else if (n >= -2_147_483_648 && n <= 2_147_483_647) this.fixed(0xca, 4, (at) => this.view.setInt32(at, n));
    else this.fixed(0xcb, 8, (at) => this.view.setBigInt64(at, value));
  }

  /** A size header: tiny form (if the type has one) below 16, then 8-, 16- and 32-bit sizes. */
  private header(size: number, tiny: number | null, marker8: number, what: string): void {
    if (tiny !== null && size < 16) this.u8(tiny + size);
    else if (size <= 0xff) this.fixed(marker8, 1, (at) => this.view.setUint8(at, size));
    else if (size <= 0xffff) this.fixed(marker8 + 1, 2, (at) => this.view.setUint16(at, size));
    else if (size <= MAX_SIZE) this.fixed(marker8 + 2, 4, (at) => this.view.setUint32(at, size));
    else throw new PackStreamError(`Cannot encode a ${what} of size ${size}: PackStream sizes stop at ${MAX_SIZE}`);
  }

  private fixed(marker: number, width: number, write: (at: number) => void): void {
    this.u8(marker);
    this.reserve(width);
    write(this.length);
    this.length += width;
  }

  private u8(byte: number): void {
    this.reserve(1);
    this.view.setUint8(this.length, byte);
    this.length += 1;
  }

  private raw(bytes: Uint8Array): void {
    this.reserve(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** Doubling growth keeps encoding linear. */
  private reserve(extra: number): void {
    const needed = this.length + extra;
    if (needed <= this.buffer.length) return;
    let capacity = this.buffer.length * 2;
    while (capacity < needed) capacity *= 2;
    const grown = new Uint8Array(capacity);
    grown.set(this.buffer.subarray(0, this.length));
    this.buffer = grown;
    this.view = new DataView(grown.buffer);
  }
}

// Array.isArray does not narrow a readonly array type.
function isList(value: unknown): value is readonly Packable[] {
  return Array.isArray(value);
}

function isPlainObject(value: object): value is { readonly [key: string]: Packable } {
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  const prototype: unknown = Object.getPrototypeOf(value);
  const name = typeof prototype === 'object' && prototype !== null ? (prototype.constructor as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? `${/^[AEIOU]/.test(name) ? 'an' : 'a'} ${name}` : 'an object';
}

// ---------------------------------------------------------------------------------------------------
// Decoding

export interface DecodeOptions {
  /** Containers (List, Dictionary, Structure) nested deeper than this are refused. Default MAX_DEPTH. */
  readonly maxDepth?: number;
  /**
   * Containers in the whole value, at most. An empty Dictionary is one byte on the wire but some
   * 200 bytes of heap, so this bounds what a message can cost in memory. Default MAX_CONTAINERS.
   */
  readonly maxContainers?: number;
}

/** Far more Lists and Dictionaries than any Bolt request holds; some 13 MB of heap at worst. */
export const MAX_CONTAINERS = 65_536;

/** The one value `bytes` holds; trailing bytes are an error (a Bolt message is exactly one value). */
export function decode(bytes: Uint8Array, options: DecodeOptions = {}): PackValue {
  const reader = new Reader(bytes, options.maxDepth ?? MAX_DEPTH, options.maxContainers ?? MAX_CONTAINERS);
  const value = reader.value(0);
  reader.end();
  return value;
}

class Reader {
  private readonly view: DataView;
  private position = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly maxDepth: number,
    private containersLeft: number,
  ) {
    // byteOffset matters: a Node Buffer is often a window into a larger pooled ArrayBuffer.
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }

  end(): void {
    const left = this.bytes.length - this.position;
    if (left > 0) this.fail(`${counted(left, 'trailing byte')} after the value`);
  }

  /** One value; `depth` is how many containers enclose it. */
  value(depth: number): PackValue {
    const at = this.position;
    const marker = this.u8();
    if (marker <= 0x7f) return BigInt(marker);
    if (marker >= 0xf0) return BigInt(marker - 0x100);
    const high = marker & 0xf0;
    const low = marker & 0x0f;
    if (high === 0x80) return this.string(low);
    if (high === 0x90) return this.list(low, depth, at);
    if (high === 0xa0) return this.dictionary(low, depth, at);
    if (high === 0xb0) return this.structure(low, depth, at);
    switch (marker) {
      case 0xc0:
        return null;
      case 0xc1:
        return this.view.getFloat64(this.take(8));
      case 0xc2:
        return false;
      case 0xc3:
        return true;
      case 0xc8:
        return BigInt(this.view.getInt8(this.take(1)));
      case 0xc9:
        return BigInt(this.view.getInt16(this.take(2)));
      case 0xca:
        return BigInt(this.view.getInt32(this.take(4)));
      case 0xcb:
        return this.view.getBigInt64(this.take(8));
      case 0xcc:
      case 0xcd:
      case 0xce:
        return this.byteArray(this.size(marker - 0xcc));
      case 0xd0:
      case 0xd1:
      case 0xd2:
        return this.string(this.size(marker - 0xd0));
      case 0xd4:
      case 0xd5:
      case 0xd6:
        return this.list(this.size(marker - 0xd4), depth, at);
      case 0xd8:
      case 0xd9:
      case 0xda:
        return this.dictionary(this.size(marker - 0xd8), depth, at);
      default:
        return this.fail(`Reserved marker 0x${hex(marker)}`, at);
    }
  }

  private string(length: number): string {
    const start = this.available(length, 'String');
    try {
      return UTF8_DECODER.decode(this.bytes.subarray(start, start + length));
    } catch {
      return this.fail('String is not valid UTF-8', start);
    }
  }

  private byteArray(length: number): Uint8Array {
    const start = this.available(length, 'Bytes value');
    // A copy, typed as a plain Uint8Array: the caller's buffer may be reused, and Buffer#slice shares.
    return new Uint8Array(this.bytes.subarray(start, start + length));
  }

  private list(count: number, depth: number, at: number): PackValue[] {
    this.enter(at, depth, 'List', count, count);
    const items: PackValue[] = [];
    for (let i = 0; i < count; i++) items.push(this.value(depth + 1));
    return items;
  }

  private dictionary(count: number, depth: number, at: number): Dictionary {
    this.enter(at, depth, 'Dictionary', count, 2 * count);
    const entries: Dictionary = new Map();
    for (let i = 0; i < count; i++) {
      const key = this.key();
      entries.set(key, this.value(depth + 1));
    }
    return entries;
  }

  private structure(count: number, depth: number, at: number): Structure {
    this.enter(at, depth, 'Structure', count, 1 + count);
    const tag = this.u8();
    const fields: PackValue[] = [];
    for (let i = 0; i < count; i++) fields.push(this.value(depth + 1));
    return new Structure(tag, fields);
  }

  /** A Dictionary key: refused before it is read when its marker is not a String's. */
  private key(): string {
    const at = this.position;
    const marker = this.u8();
    if ((marker & 0xf0) === 0x80) return this.string(marker & 0x0f);
    if (marker >= 0xd0 && marker <= 0xd2) return this.string(this.size(marker - 0xd0));
    return this.fail(`Dictionary key is not a String: marker 0x${hex(marker)}`, at);
  }

  /**
   * Checks before a container is filled: the depth cap, and that the bytes left could hold its
   * entries at one byte per value (plus a Structure's tag). So a declared count of 2^31 in a
   * short message fails here, before any allocation or loop.
   */
  private enter(at: number, depth: number, what: keyof typeof ENTRIES, count: number, minimumBytes: number): void {
    if (depth >= this.maxDepth) this.fail(`${what} nested deeper than ${this.maxDepth} levels`, at);
    if (--this.containersLeft < 0) this.fail(`More Lists, Dictionaries and Structures than one message may hold`, at);
    const left = this.bytes.length - this.position;
    if (minimumBytes > left)
      this.fail(`${what} declares ${counted(count, ENTRIES[what][0], ENTRIES[what][1])}, but only ${counted(left, 'byte')} left`);
  }

  /** A size of 1, 2 or 4 bytes (`width` 0, 1, 2), capped as PackStream caps sizes. */
  private size(width: number): number {
    if (width === 0) return this.view.getUint8(this.take(1));
    if (width === 1) return this.view.getUint16(this.take(2));
    const at = this.take(4);
    const size = this.view.getUint32(at);
    if (size > MAX_SIZE) this.fail(`Size ${size} exceeds PackStream's limit of ${MAX_SIZE}`, at);
    return size;
  }

  private available(length: number, what: string): number {
    const left = this.bytes.length - this.position;
    if (length > left) this.fail(`${what} of ${counted(length, 'byte')}, but only ${counted(left, 'byte')} left`);
    return this.take(length);
  }

  private u8(): number {
    return this.view.getUint8(this.take(1));
  }

  /** Advances past `width` bytes and returns where they start; running out is a truncation error. */
  private take(width: number): number {
    const at = this.position;
    if (at + width > this.bytes.length) this.fail(`Truncated: ${counted(width, 'more byte')} needed`);
    this.position = at + width;
    return at;
  }

  private fail(message: string, at = this.position): never {
    throw new PackStreamError(`${message} (at byte ${at})`);
  }
}

const ENTRIES = { List: ['item', 'items'], Dictionary: ['entry', 'entries'], Structure: ['field', 'fields'] } as const;

function counted(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** A byte as error messages show it: `0x` is the caller's. */
export function hex(byte: number): string {
  return byte.toString(16).padStart(2, '0').toUpperCase();
}
