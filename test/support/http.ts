/** Helpers for the HTTP Query API's tests: a server with HTTP on a free port, and curl-shaped requests through fetch. */
import { connect as netConnect } from 'node:net';
import { afterEach } from 'vitest';
import { startServer, type BoltServer, type StartServerOptions } from '../../src/server/index.js';
import { collectingLog, type CollectedLog } from './server.js';

export const PASSWORD = 'secret123';
export const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
export const ADMIN = basic('neo4j', PASSWORD);

const running: BoltServer[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((s) => s.close()));
});

export interface HttpTestServer {
  readonly server: BoltServer;
  readonly url: string;
  readonly log: CollectedLog;
}

/** A server with Bolt and HTTP on free loopback ports, `neo4j`/`secret123`, closed after the test. */
export async function startHttp(options: StartServerOptions = {}): Promise<HttpTestServer> {
  const log = collectingLog();
  const server = await startServer({ bolt: '127.0.0.1:0', http: '127.0.0.1:0', initialPassword: PASSWORD, log: log.log, ...options });
  running.push(server);
  return { server, url: server.httpUrl ?? '', log };
}

export interface Answer {
  readonly status: number;
  /** Lower-cased names, as fetch gives them. */
  readonly headers: Record<string, string>;
  readonly text: string;
  readonly json: unknown;
}

export interface Call {
  readonly method?: string;
  /** A value is sent as JSON text; a string as it is. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
}

/** One request, as curl would send it: JSON in and out unless the headers say otherwise, no redirects followed. */
export async function call(url: string, path: string, { method = 'POST', body, headers = {} }: Call = {}): Promise<Answer> {
  const sent: Record<string, string> = { authorization: ADMIN, 'content-type': 'application/json', accept: 'application/json', ...headers };
  for (const [name, value] of Object.entries(sent)) if (value === '') delete sent[name];
  const init: RequestInit = { method, headers: sent, redirect: 'manual' };
  if (body !== undefined) init.body = typeof body === 'string' ? body : JSON.stringify(body);
  const response = await fetch(url + path, init);
  const text = await response.text();
  const answer: Record<string, string> = {};
  response.headers.forEach((value, name) => {
    if (name !== 'date' && name !== 'keep-alive' && name !== 'connection') answer[name] = value;
  });
  return { status: response.status, headers: answer, text, json: parsed(text) };
}

function parsed(text: string): unknown {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The fourteen counters of a statement that changed `systemUpdates` system things. */
export function counters(systemUpdates = 0) {
  return {
    containsUpdates: false,
    nodesCreated: 0,
    nodesDeleted: 0,
    propertiesSet: 0,
    relationshipsCreated: 0,
    relationshipsDeleted: 0,
    labelsAdded: 0,
    labelsRemoved: 0,
    indexesAdded: 0,
    indexesRemoved: 0,
    constraintsAdded: 0,
    constraintsRemoved: 0,
    containsSystemUpdates: systemUpdates > 0,
    systemUpdates,
  };
}

/** The JSON error envelope. */
export const errors = (code: string, message: string) => ({ errors: [{ code, message }] });

/** Raw bytes to the server and everything it sends back until it closes (for what fetch will not send: a Host, a broken request). */
export function raw(url: string, text: string | Buffer, { endAfterMs }: { endAfterMs?: number } = {}): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = netConnect({ host: hostname, port: Number(port) }, () => socket.write(text));
    let received = '';
    socket.on('data', (chunk) => (received += String(chunk)));
    socket.on('error', reject);
    socket.on('close', () => resolve(received));
    if (endAfterMs !== undefined) setTimeout(() => socket.end(), endAfterMs);
  });
}
