/**
 * neo4j-driver's own PackStream and chunking classes, as an oracle for src/server/bolt/. They live in
 * neo4j-driver-bolt-connection, which the driver speaks Bolt through; the package declares no types for
 * them, so this file loads it (as the driver itself resolves it) and types the few members the tests use.
 * Its value model: Bytes are Int8Array, Dictionaries plain objects, Structures `{signature, fields}`.
 */
import { createRequire } from 'node:module';
import { Structure, type PackValue } from '../../src/server/bolt/packstream.js';

/** The driver's byte buffer (a ChannelBuffer or a CombinedBuffer). */
interface DriverBuffer {
  remaining(): number;
  readUInt8(): number;
}

interface DriverStructure {
  readonly signature: number;
  readonly fields: DriverValue[];
}

export type DriverValue =
  null | boolean | bigint | number | string | Int8Array | DriverValue[] | DriverStructure | { [key: string]: DriverValue };

interface DriverChunker {
  messageBoundary(): void;
  flush(): void;
}

interface BoltConnection {
  packstream: {
    v1: {
      Packer: new (chunker: DriverChunker) => { packable(value: unknown): () => void };
      Unpacker: new (disableLosslessIntegers: boolean, useBigInt: boolean) => { unpack(buffer: DriverBuffer): unknown };
    };
    structure: { Structure: new (signature: number, fields: unknown[]) => DriverStructure };
  };
  channel: {
    alloc(bytes: Uint8Array): DriverBuffer;
    Chunker: new (sink: { write(buffer: DriverBuffer): void }, bufferSize?: number) => DriverChunker;
    Dechunker: new () => { onmessage: (buffer: DriverBuffer) => void; write(buffer: DriverBuffer): void };
  };
}

// Resolved from neo4j-driver, so it is the copy the driver runs whatever the install layout.
const fromDriver = createRequire(createRequire(import.meta.url).resolve('neo4j-driver'));
const bolt = fromDriver('neo4j-driver-bolt-connection') as BoltConnection;

function bytesOf(buffer: DriverBuffer): Uint8Array {
  const out = new Uint8Array(buffer.remaining());
  for (let i = 0; i < out.length; i++) out[i] = buffer.readUInt8();
  return out;
}

/** The driver's chunked bytes for a batch of messages, with its chunk buffer of `bufferSize` bytes. */
export function driverChunkedMessages(values: readonly DriverValue[], bufferSize?: number): Uint8Array {
  const written: Uint8Array[] = [];
  const chunker = new bolt.channel.Chunker({ write: (buffer) => written.push(bytesOf(buffer)) }, bufferSize);
  const packer = new bolt.packstream.v1.Packer(chunker);
  for (const value of values) {
    packer.packable(value)();
    chunker.messageBoundary();
  }
  chunker.flush();
  return Buffer.concat(written);
}

/** The driver's PackStream bytes for one value: its chunked form, dechunked by hand. */
export function driverPack(value: DriverValue): Uint8Array {
  const [message, ...more] = driverDechunk(driverChunkedMessages([value]));
  if (!message || more.length > 0) throw new Error('expected one message');
  return message;
}

/** The driver's Dechunker over a stream: the messages it reassembles. */
export function driverDechunk(stream: Uint8Array): Uint8Array[] {
  const messages: Uint8Array[] = [];
  const dechunker = new bolt.channel.Dechunker();
  dechunker.onmessage = (buffer) => messages.push(bytesOf(buffer));
  if (stream.length > 0) dechunker.write(bolt.channel.alloc(Buffer.from(stream)));
  return messages;
}

/** The driver's Unpacker, Integers as bigint; it must consume every byte. */
export function driverUnpack(bytes: Uint8Array): DriverValue {
  const buffer = bolt.channel.alloc(Buffer.from(bytes));
  const value = new bolt.packstream.v1.Unpacker(false, true).unpack(buffer) as DriverValue;
  if (buffer.remaining() !== 0) throw new Error(`the driver left ${buffer.remaining()} bytes unread`);
  return value;
}

/** Our value model in the driver's. */
export function toDriver(value: PackValue): DriverValue {
  if (value instanceof Uint8Array) return new Int8Array(value.buffer, value.byteOffset, value.length);
  if (Array.isArray(value)) return value.map(toDriver);
  if (value instanceof Structure) return new bolt.packstream.structure.Structure(value.tag, value.fields.map(toDriver));
  if (value instanceof Map) {
    const object: { [key: string]: DriverValue } = {};
    // defineProperty, as the driver's own Unpacker does: a `__proto__` key stays an own entry.
    for (const [key, item] of value)
      Object.defineProperty(object, key, { value: toDriver(item), enumerable: true, writable: true, configurable: true });
    return object;
  }
  return value;
}
