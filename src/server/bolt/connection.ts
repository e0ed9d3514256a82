/**
 * One Bolt client on a socket: the handshake, then chunked messages in, replies out. Every byte from
 * the client is hostile: framing, PackStream and message errors close this connection (after a
 * FAILURE where the protocol has one), and never reach another connection or the process.
 */
import type { Socket } from 'node:net';
import { StatusCode, wireError, type Dbms } from '../../index.js';
import type { ServerLog } from '../log.js';
import { hostPort } from '../address.js';
import { chunkAll, Dechunker } from './chunking.js';
import { BoltWireError, ProtocolError } from './errors.js';
import { DEFAULT_VERSIONS, negotiate, readManifestChoice, readOpening } from './handshake.js';
import { BoltMachine, type BoltState, type Reply } from './machine.js';
import { decodeRequest, failure, failureDetails, ignored, record, success, type RequestMessage } from './messages.js';
import { decode } from './packstream.js';
import { versionText, type BoltVersion } from './version.js';

export interface BoltConnectionOptions {
  readonly dbms: Dbms;
  /** false: --no-auth / NEO4J_AUTH=none: LOGON accepts anything and statements run with auth disabled (user null). */
  readonly authEnabled: boolean;
  readonly log: ServerLog;
  readonly maxMessageBytes: number;
  /** Bolt versions offered, highest first, as "major.minor" strings (tests force one); default all we serve. */
  readonly versions?: readonly string[];
  /** How long a client has to finish the handshake before it is dropped (default 10 s). */
  readonly handshakeTimeoutMs?: number;
  /**
   * How long a client may leave its replies unread before it is dropped: Neo4j's
   * `server.bolt.outbound_buffer_throttle.max_duration` (default 15 minutes).
   */
  readonly unreadTimeoutMs?: number;
}

export interface BoltConnection {
  /** Ends the connection (server shutdown); resolves when the socket is closed. */
  close(): Promise<void>;
  readonly closed: Promise<void>;
}

/** A client that has not finished the handshake by then is dropped (a slowloris holds no slot for long). */
const DEFAULT_HANDSHAKE_TIMEOUT_MS = 10_000;
const DEFAULT_UNREAD_TIMEOUT_MS = 15 * 60_000;
/** A closing socket that does not finish within this is destroyed. */
const CLOSE_TIMEOUT_MS = 2_000;
/**
 * Replies are written once this many bytes of them have gathered, and the next request waits if the
 * client is behind: one read of pipelined requests (64 KiB of RUN+PULL) can ask for megabytes of
 * replies, and these must meet the queued-bytes bound (guard.ts) and back-pressure as they go, not
 * after all of them have been built.
 */
const REPLY_BATCH_BYTES = 64 * 1024;
/**
 * The largest message before LOGON succeeds. HELLO and LOGON are a few hundred bytes, and anyone may
 * send them: a client that has not logged in gets no more than this decoded (an empty Dictionary is
 * one byte on the wire and some 200 of heap; MAX_CONTAINERS caps a message at some 13 MB), whatever
 * maxMessageBytes allows once it has.
 */
export const MAX_UNAUTHENTICATED_MESSAGE_BYTES = 64 * 1024;
const UNAUTHENTICATED: ReadonlySet<BoltState> = new Set(['NEGOTIATION', 'AUTHENTICATION']);

let connections = 0;

type Phase =
  | { readonly kind: 'opening'; readonly received: Uint8Array }
  | { readonly kind: 'manifest'; readonly offered: readonly BoltVersion[]; readonly received: Uint8Array }
  | {
      readonly kind: 'messages';
      readonly machine: BoltMachine;
      readonly version: BoltVersion;
      readonly dechunker: Dechunker;
      /** Requests received and not yet handled (while the client is behind on its replies); a framing error in turn. */
      readonly pending: (Uint8Array | BoltWireError)[];
    }
  | { readonly kind: 'closed' };

export function serveBoltConnection(socket: Socket, options: BoltConnectionOptions): BoltConnection {
  const id = `bolt-${++connections}`;
  const peer = hostPort(socket.remoteAddress ?? '?', socket.remotePort ?? 0);
  // The listener logs open and close, sets TCP_NODELAY and bounds what a client leaves unread (guard.ts).
  const log = options.log;
  const versions = options.versions?.map(parseVersion) ?? DEFAULT_VERSIONS;
  let phase: Phase = { kind: 'opening', received: new Uint8Array(0) };
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const handshakeTimer = setTimeout(
    () => drop('did not complete the handshake in time'),
    options.handshakeTimeoutMs ?? DEFAULT_HANDSHAKE_TIMEOUT_MS,
  );
  handshakeTimer.unref();
  socket.once('close', () => {
    clearTimeout(handshakeTimer);
    phase = { kind: 'closed' };
  });
  // The client ended its side: say so if it left something unfinished (its connection closes anyway).
  socket.once('end', () => {
    if (phase.kind === 'messages' && phase.dechunker.midMessage) log.debug('the client ended the connection in the middle of a message');
    else if ((phase.kind === 'opening' || phase.kind === 'manifest') && phase.received.length > 0)
      log.debug('the client ended the connection in the middle of the handshake');
  });

  function drop(reason: string): void {
    if (phase.kind === 'closed') return;
    log.warn(`closed by the server: ${reason}`);
    phase = { kind: 'closed' };
    socket.destroy();
  }

  /** Whether reading is paused until the client has read what is queued for it. */
  let waiting = false;

  /**
   * Sends `bytes` in one write. False when the client is behind (or the socket is gone): reading
   * then stops, and on 'drain' the requests held meanwhile are handled before reading resumes.
   */
  function send(bytes: Uint8Array, end = false): boolean {
    if (end) {
      socket.end(bytes);
      phase = { kind: 'closed' };
      return false;
    }
    if (socket.write(bytes) && !socket.destroyed) return true;
    if (!waiting && !socket.destroyed) {
      waiting = true;
      socket.pause();
      const stalled = setTimeout(
        () => drop('the client left its replies unread too long'),
        options.unreadTimeoutMs ?? DEFAULT_UNREAD_TIMEOUT_MS,
      );
      stalled.unref();
      socket.once('close', () => clearTimeout(stalled));
      socket.once('drain', () =>
        guarded(() => {
          clearTimeout(stalled);
          waiting = false;
          handlePending();
          if (!waiting && phase.kind !== 'closed') socket.resume();
        }),
      );
    }
    return false;
  }

  function machineFor(version: BoltVersion, manifest: boolean): BoltMachine {
    return new BoltMachine({
      dbms: options.dbms,
      authEnabled: options.authEnabled,
      version,
      manifest,
      connectionId: id,
      // An IPv6 address in brackets, as a routing table's addresses are written.
      address: hostPort(socket.localAddress ?? '127.0.0.1', socket.localPort ?? 7687),
      onFailedLogin: (user, reason) => log.info(`failed login for user '${user}' from ${peer}: ${reason}`),
      // The kind only: an error's message may quote a statement, and so a password.
      onInternalError: (error) => log.warn(`internal error in a statement: ${error instanceof Error ? error.name : typeof error}`),
    });
  }

  function startMessages(version: BoltVersion, manifest: boolean, rest: Uint8Array): void {
    clearTimeout(handshakeTimer);
    log.debug(`speaks Bolt ${versionText(version)}`);
    phase = {
      kind: 'messages',
      machine: machineFor(version, manifest),
      version,
      dechunker: new Dechunker({ maxMessageSize: options.maxMessageBytes }),
      pending: [],
    };
    if (rest.length > 0) onMessages(rest);
  }

  function onOpening(received: Uint8Array): void {
    const opening = readOpening(received);
    if (opening.kind === 'incomplete') {
      phase = { kind: 'opening', received };
      return;
    }
    if (opening.kind === 'http') return drop('an HTTP request on the Bolt port');
    const negotiation = negotiate(opening.proposals, { versions });
    if (negotiation.kind === 'none') {
      send(negotiation.reply, true);
      log.info('offered no Bolt version this server speaks');
      return;
    }
    send(negotiation.reply);
    if (negotiation.kind === 'version') return startMessages(negotiation.version, false, opening.rest);
    phase = { kind: 'manifest', offered: negotiation.offered, received: new Uint8Array(0) };
    if (opening.rest.length > 0) onManifest(negotiation.offered, opening.rest);
  }

  function onManifest(offered: readonly BoltVersion[], received: Uint8Array): void {
    const choice = readManifestChoice(received, offered);
    if (choice.kind === 'incomplete') {
      phase = { kind: 'manifest', offered, received };
      return;
    }
    startMessages(choice.version, true, choice.rest);
  }

  function onMessages(bytes: Uint8Array): void {
    if (phase.kind !== 'messages') return;
    const { dechunker, pending } = phase;
    try {
      for (const message of dechunker.push(bytes)) pending.push(message);
    } catch (error) {
      if (!(error instanceof BoltWireError)) throw error;
      // Answered in turn, after the requests before it.
      pending.push(error);
    }
    if (!waiting) handlePending();
  }

  /** Handles the requests received so far, in order, until they are done or the client falls behind. */
  function handlePending(): void {
    if (phase.kind !== 'messages') return;
    const { machine, version, pending } = phase;
    const out: Uint8Array[] = [];
    let size = 0;
    let close = false;
    let next = 0;
    while (next < pending.length && !close) {
      const message = pending[next++];
      if (message === undefined) break;
      try {
        if (message instanceof BoltWireError) throw message;
        if (message.length > MAX_UNAUTHENTICATED_MESSAGE_BYTES && UNAUTHENTICATED.has(machine.state)) {
          throw new ProtocolError(
            `Message larger than the limit of ${MAX_UNAUTHENTICATED_MESSAGE_BYTES} bytes before authentication (${message.length} bytes)`,
          );
        }
        const request: RequestMessage = decodeRequest(decode(message), version);
        const handled = machine.handle(request);
        for (const reply of handled.replies) {
          const bytes = encodeReply(reply, version);
          out.push(bytes);
          size += bytes.length;
        }
        close = handled.close;
      } catch (error) {
        if (!(error instanceof BoltWireError)) throw error;
        // A malformed message: Neo4j answers with a protocol FAILURE and closes.
        log.warn(`closed by the server: ${error.message}`);
        out.push(failure(protocolFailure(error.message), version));
        close = true;
      }
      if (!close && size >= REPLY_BATCH_BYTES) {
        const flushed = send(chunkAll(out));
        out.length = 0;
        size = 0;
        if (!flushed) break;
      }
    }
    pending.splice(0, next);
    if (out.length > 0 || close) send(chunkAll(out), close);
  }

  /** Runs `work`; an error from it ends this connection only (a BoltWireError here is a handshake's). */
  function guarded(work: () => void): void {
    try {
      work();
    } catch (error) {
      // Anything else is our bug.
      drop(error instanceof BoltWireError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  socket.on('data', (data: Buffer) =>
    guarded(() => {
      const bytes = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      switch (phase.kind) {
        case 'opening':
          // Buffered only while fewer than the opening's 20 bytes have come: never more than 19 plus one read.
          return onOpening(phase.received.length === 0 ? bytes : concat(phase.received, bytes));
        case 'manifest':
          return onManifest(phase.offered, concat(phase.received, bytes));
        case 'messages':
          return onMessages(bytes);
        case 'closed':
          return;
      }
    }),
  );

  return {
    closed,
    close: () => {
      if (phase.kind !== 'closed') {
        phase = { kind: 'closed' };
        socket.end();
        setTimeout(() => socket.destroy(), CLOSE_TIMEOUT_MS).unref();
      }
      return closed;
    },
  };
}

function encodeReply(reply: Reply, version: BoltVersion): Uint8Array {
  switch (reply.kind) {
    case 'SUCCESS':
      return success(reply.metadata);
    case 'RECORD':
      return record(reply.values);
    case 'IGNORED':
      return ignored();
    case 'FAILURE':
      return failure(reply.error, version);
  }
}

function protocolFailure(message: string) {
  return failureDetails(wireError(StatusCode.RequestInvalid, message));
}

function parseVersion(text: string): BoltVersion {
  const match = /^(\d+)\.(\d+)$/.exec(text);
  if (!match) throw new RangeError(`A Bolt version is written major.minor, not '${text}'`);
  return { major: Number(match[1]), minor: Number(match[2]) };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
