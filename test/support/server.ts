/** Helpers for the server's tests: a log that collects lines, sockets, and connection handlers. */
import { connect as netConnect, type Socket } from 'node:net';
import type { BoltConnection, BoltConnectionOptions } from '../../src/server/bolt/connection.js';
import type { ServerLog } from '../../src/server/log.js';

export interface CollectedLog {
  readonly log: ServerLog;
  /** Every line as `level: text`, in order. */
  readonly lines: string[];
  /** Resolves once a line equal to `line` (or matching it) has been logged. */
  readonly waitFor: (line: string | RegExp) => Promise<void>;
}

export function collectingLog(): CollectedLog {
  const lines: string[] = [];
  const waiters: { test: (l: string) => boolean; resolve: () => void }[] = [];
  const add = (line: string) => {
    lines.push(line);
    for (const w of [...waiters])
      if (w.test(line)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
  };
  return {
    lines,
    log: { info: (l) => add(`info: ${l}`), debug: (l) => add(`debug: ${l}`), warn: (l) => add(`warn: ${l}`) },
    waitFor: (line) => {
      const test = (l: string) => (typeof line === 'string' ? l === line : line.test(l));
      if (lines.some(test)) return Promise.resolve();
      return new Promise((resolve) => waiters.push({ test, resolve }));
    },
  };
}

export function connect(port: number, host = '127.0.0.1'): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = netConnect({ port, host }, () => resolve(socket));
    socket.once('error', reject);
  });
}

/** Resolves when the socket has closed, whether the peer ended it or reset it (what it sends is read and dropped). */
export function closed(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    if (socket.destroyed) return resolve();
    socket.resume();
    socket.on('error', () => {});
    socket.once('close', () => resolve());
  });
}

/** The first bytes the server sends. */
export function firstData(socket: Socket): Promise<Buffer> {
  return new Promise((resolve) => socket.once('data', resolve));
}

function closedOf(socket: Socket): Promise<void> {
  return new Promise((resolve) => (socket.destroyed ? resolve() : socket.once('close', () => resolve())));
}

/** A handler that keeps each connection open and echoes what it receives; it records what it was given. */
export function echoHandler(seen: BoltConnectionOptions[] = []) {
  return (socket: Socket, options: BoltConnectionOptions): BoltConnection => {
    seen.push(options);
    socket.on('data', (chunk) => socket.write(chunk));
    const done = closedOf(socket);
    return {
      closed: done,
      close: () => {
        socket.end();
        return done;
      },
    };
  };
}
