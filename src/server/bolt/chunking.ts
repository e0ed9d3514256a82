/**
 * Bolt's framing: a message travels as chunks (a 2-byte big-endian length, 1 to 65 535, then that many
 * bytes) and ends with `00 00`. A `00 00` between messages is a NOOP keep-alive. TCP delivers the
 * stream in arbitrary slices, so the Dechunker keeps its place across calls.
 */
import { ChunkingError } from './errors.js';

export const MAX_CHUNK_SIZE = 0xffff;

/**
 * The default cap on one inbound message: far above any user-administration request. Kept low
 * because a decoded message can take some 200 times its size (`a0`, one byte, becomes a whole Map).
 */
export const DEFAULT_MAX_MESSAGE_SIZE = 1024 * 1024;

/** One message as chunks, ending in `00 00`. */
export function chunk(message: Uint8Array): Uint8Array {
  return chunkAll([message]);
}

/**
 * Several messages framed into one buffer, so a reply batch (RECORDs and their SUCCESS) goes out in
 * one socket write: small separate writes meet Nagle's algorithm and the client's delayed ACK.
 */
export function chunkAll(messages: readonly Uint8Array[]): Uint8Array {
  let total = 0;
  for (const message of messages) {
    // An empty message would be `00 00` alone, which the peer reads as a NOOP.
    if (message.length === 0) throw new ChunkingError('An empty message cannot be chunked');
    total += message.length + 2 * Math.ceil(message.length / MAX_CHUNK_SIZE) + 2;
  }
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const message of messages) {
    for (let start = 0; start < message.length; start += MAX_CHUNK_SIZE) {
      const piece = message.subarray(start, start + MAX_CHUNK_SIZE);
      view.setUint16(at, piece.length);
      out.set(piece, at + 2);
      at += 2 + piece.length;
    }
    at += 2; // the end marker: already zero
  }
  return out;
}

export interface DechunkerOptions {
  /** A message larger than this fails as soon as a chunk header announces it. */
  readonly maxMessageSize?: number;
}

/** Reassembles messages from a byte stream split anywhere. After an error it stays failed. */
export class Dechunker {
  private readonly maxMessageSize: number;
  /** The current message's chunk bodies so far, and their total length. */
  private parts: Uint8Array[] = [];
  private size = 0;
  /** How many of `parts` are copies (kept from an earlier push); the rest are views of this push's bytes. */
  private owned = 0;
  /** Bytes of the current chunk body still to come. */
  private chunkLeft = 0;
  /** The first byte of a chunk header whose second byte has not arrived. */
  private headerHigh: number | null = null;
  private failure: ChunkingError | null = null;

  constructor(options: DechunkerOptions = {}) {
    this.maxMessageSize = options.maxMessageSize ?? DEFAULT_MAX_MESSAGE_SIZE;
  }

  /** Whether a partial message or chunk header is buffered: if the peer closes now, it was cut off. */
  get midMessage(): boolean {
    return this.size > 0 || this.headerHigh !== null;
  }

  /**
   * Feeds the next slice of the stream; returns the messages it completed, in order (NOOPs skipped).
   * A message that arrived whole in this slice, in one chunk, is a view of `bytes` (no copy): the
   * caller must not overwrite `bytes` while it holds the messages (a socket's reads are fresh
   * buffers). What is kept for the next push is copied, so `bytes` may be reused after that.
   */
  push(bytes: Uint8Array): Uint8Array[] {
    if (this.failure) throw this.failure;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const messages: Uint8Array[] = [];
    let at = 0;
    while (at < bytes.length) {
      if (this.chunkLeft > 0) {
        const take = Math.min(this.chunkLeft, bytes.length - at);
        this.parts.push(bytes.subarray(at, at + take));
        this.chunkLeft -= take;
        at += take;
      } else if (this.headerHigh === null) {
        this.headerHigh = view.getUint8(at);
        at += 1;
      } else {
        const length = (this.headerHigh << 8) | view.getUint8(at);
        this.headerHigh = null;
        at += 1;
        if (length === 0) {
          if (this.size > 0) messages.push(this.takeMessage());
        } else if (this.size + length > this.maxMessageSize) {
          this.failure = new ChunkingError(`Message larger than the limit of ${this.maxMessageSize} bytes`);
          throw this.failure;
        } else {
          this.size += length;
          this.chunkLeft = length;
        }
      }
    }
    this.keepParts();
    return messages;
  }

  /** Copies the parts of an unfinished message that are still views: the caller may reuse its buffer once push returns. */
  private keepParts(): void {
    for (let i = this.owned; i < this.parts.length; i++) {
      const part = this.parts[i];
      if (part !== undefined) this.parts[i] = new Uint8Array(part);
    }
    this.owned = this.parts.length;
  }

  private takeMessage(): Uint8Array {
    const first = this.parts[0];
    const message = this.parts.length === 1 && first !== undefined ? first : concat(this.parts, this.size);
    this.parts = [];
    this.size = 0;
    this.owned = 0;
    return message;
  }
}

function concat(parts: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
