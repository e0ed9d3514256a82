/**
 * What the wire layer throws on bad input from a client. Each is a protocol failure the server answers
 * by closing the connection (after a FAILURE where Bolt allows one), never an internal error: anything
 * else escaping these modules on client bytes is a bug.
 */
export abstract class BoltWireError extends Error {}

/** Bytes that are not one well-formed PackStream value, or a value PackStream cannot carry. */
export class PackStreamError extends BoltWireError {
  override readonly name = 'PackStreamError';
}

/** A chunk stream that breaks the framing rules, or a message over the size limit. */
export class ChunkingError extends BoltWireError {
  override readonly name = 'ChunkingError';
}

/** A handshake that is not Bolt's, or a manifest choice the server did not offer. */
export class HandshakeError extends BoltWireError {
  override readonly name = 'HandshakeError';
}

/** A well-formed value that is not a valid request message: unknown tag, wrong field count or type. */
export class ProtocolError extends BoltWireError {
  override readonly name = 'ProtocolError';
}
