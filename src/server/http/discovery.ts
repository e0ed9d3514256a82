/**
 * `GET /`, Neo4j's discovery document (`CommunityDiscoverableURIs`), unauthenticated: where the Query
 * API and Bolt are, and the version. Absolute URLs are rebuilt from the request's Host, as Neo4j
 * does, so a client behind a port mapping is pointed back at the address it used. The legacy
 * `transaction` endpoint is not served, so it is not listed.
 */
import { hostPort } from '../address.js';
import { NEO4J_EDITION, NEO4J_VERSION } from '../../index.js';

export interface DiscoveryAddresses {
  /** The Host header, when it is a plain host[:port]; else the address listened on. */
  readonly host: string | undefined;
  readonly listening: { readonly host: string; readonly port: number };
  readonly boltPort: number;
}

/** A Host header of the form `name`, `name:port`, `[v6]` or `[v6]:port`; anything else is not used. */
const HOST = /^(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::[0-9]{1,5})?$/;

export function discoveryBody(addresses: DiscoveryAddresses): string {
  const authority = authorityOf(addresses);
  const name = authority.startsWith('[') ? authority.slice(0, authority.indexOf(']') + 1) : (authority.split(':')[0] ?? authority);
  const bolt = `${name}:${addresses.boltPort}`;
  return JSON.stringify({
    bolt_routing: `neo4j://${bolt}`,
    query: `http://${authority}/db/{databaseName}/query/v2`,
    bolt_direct: `bolt://${bolt}`,
    neo4j_version: NEO4J_VERSION,
    neo4j_edition: NEO4J_EDITION,
    auth_config: { oidc_providers: [] },
  });
}

/** Where a browser asking for `/` is sent (Neo4j's `DiscoveryService.redirectToBrowser`; there is no Browser here). */
export function browserLocation(addresses: DiscoveryAddresses): string {
  return `http://${authorityOf(addresses)}/browser/`;
}

function authorityOf({ host, listening }: DiscoveryAddresses): string {
  return host !== undefined && HOST.test(host) ? host : hostPort(listening.host, listening.port);
}
