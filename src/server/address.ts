/** Listen addresses as Neo4j writes them (`server.bolt.listen_address`): `HOST:PORT`, `[IPv6]:PORT` or `:PORT`. */
import { isIP } from 'node:net';

export interface ListenAddress {
  readonly host: string;
  /** 0 asks the system for a free port. */
  readonly port: number;
}

/** Loopback: a server for tests is reachable from elsewhere only when asked to be. */
export const DEFAULT_HOST = '127.0.0.1';

/** The address, or why it is not one (the reason never quotes the text: it is the caller's to show). */
export function parseListenAddress(text: string): ListenAddress | { readonly problem: string } {
  const colon = text.lastIndexOf(':');
  if (colon < 0) return { problem: 'expected HOST:PORT' };
  const rawHost = text.slice(0, colon);
  const rawPort = text.slice(colon + 1);
  if (!/^[0-9]{1,5}$/.test(rawPort) || Number(rawPort) > 65535) return { problem: 'the port must be a number from 0 to 65535' };
  const bracketed = /^\[(.*)\]$/.exec(rawHost);
  const host = bracketed ? (bracketed[1] ?? '') : rawHost;
  if (bracketed && isIP(host) !== 6) return { problem: 'expected an IPv6 address between the brackets' };
  // An unbracketed IPv6 address would be ambiguous with its port: Neo4j asks for brackets too.
  if (!bracketed && host.includes(':')) return { problem: 'write an IPv6 address in brackets, e.g. [::1]:7687' };
  if (!bracketed && host !== '' && !/^[A-Za-z0-9.-]+$/.test(host)) return { problem: 'the host must be a name or an IP address' };
  return { host: host === '' ? DEFAULT_HOST : host, port: Number(rawPort) };
}

/** `host:port`, with an IPv6 host in brackets (as URLs and Bolt routing tables write it). */
export function hostPort(host: string, port: number): string {
  return `${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

/** `bolt://host:port`, with an IPv6 host in brackets. */
export function boltUrl(host: string, port: number): string {
  return `bolt://${hostPort(host, port)}`;
}
