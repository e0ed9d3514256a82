// PLACEHOLDER: replaced by the Bolt protocol implementation
/**
 * Until the Bolt protocol lands, a connection is held open and refused at its first bytes: the
 * handshake is answered with version 0.0 ("none of the versions you offer"), so a driver fails at
 * once with a clear message instead of waiting for a reply.
 */
import type { Socket } from 'node:net';
import type { Dbms } from '../../index.js';
import type { ServerLog } from '../log.js';

export interface BoltConnectionOptions {
  readonly dbms: Dbms;
  /** false: --no-auth / NEO4J_AUTH=none: LOGON accepts anything and statements run with auth disabled (user null). */
  readonly authEnabled: boolean;
  readonly log: ServerLog;
  readonly maxMessageBytes: number;
  /** Bolt versions offered, highest first, as "major.minor" strings (tests force one); default all we serve. */
  readonly versions?: readonly string[];
}

export interface BoltConnection {
  /** Ends the connection (server shutdown); resolves when the socket is closed. */
  close(): Promise<void>;
  readonly closed: Promise<void>;
}

export function serveBoltConnection(socket: Socket, options: BoltConnectionOptions): BoltConnection {
  const closed = new Promise<void>((resolve) => {
    if (socket.destroyed) resolve();
    else socket.once('close', () => resolve());
  });
  socket.once('data', () => {
    options.log.info('the Bolt protocol is not implemented yet: closing');
    socket.end(Buffer.alloc(4));
  });
  return {
    closed,
    close: () => {
      socket.end();
      return closed;
    },
  };
}
