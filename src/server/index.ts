/**
 * `cypher-sysdb/server`: a Bolt server that Neo4j's drivers talk to, and optionally Neo4j's HTTP
 * Query API for curl and HTTP clients, over one in-memory system database. Node only (the core,
 * `cypher-sysdb`, runs anywhere).
 *
 *   const server = await startServer({ bolt: '127.0.0.1:0', http: '127.0.0.1:0', initialPassword: 'secret123' });
 *   // connect a driver to server.boltUrl, curl to server.httpUrl; between tests: server.reset(); at the end: await server.close();
 */
import { serveBoltConnection } from './bolt/connection.js';
import { startServerWith, type BoltServer, type StartServerOptions } from './start.js';

export type { BoltServer, StartServerOptions } from './start.js';
export { ServerOptionError, ServerStartError } from './errors.js';
export { filterLog, LOG_LEVELS, stderrLog } from './log.js';
export type { LogLevel, ServerLog } from './log.js';
export { parseListenAddress } from './address.js';
export type { ListenAddress } from './address.js';

export function startServer(options: StartServerOptions = {}): Promise<BoltServer> {
  return startServerWith(options, serveBoltConnection);
}
