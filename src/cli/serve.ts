/**
 * `sysdb serve`: a Bolt server (and with --http Neo4j's HTTP Query API) over an in-memory system
 * database, configured as Neo4j's Docker image is.
 */
import {
  LOG_LEVELS,
  parseListenAddress,
  ServerOptionError,
  ServerStartError,
  startServer,
  stderrLog,
  type BoltServer,
  type LogLevel,
  type StartServerOptions,
} from '../server/index.js';
import { choice, listOption, parseArgs, UsageError, type ParsedArgs } from './args.js';
import { FileError, type CliIO } from './io.js';

export { SERVE_HELP } from './serve-help.js';

export interface ServeOptions {
  /** Where NEO4J_AUTH is read (default the process environment). */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Resolves when the server is to stop (default: the first SIGINT or SIGTERM). */
  readonly stop?: Promise<unknown>;
  /** Sees the running server (tests). */
  readonly started?: (server: BoltServer) => void;
}

/** Where the auth configuration came from, to name it in a message. */
interface AuthConfig {
  readonly auth: boolean;
  readonly initialPassword?: string;
  readonly requirePasswordChange?: boolean;
  readonly source: string;
}

export async function serve(argv: readonly string[], io: CliIO, options: ServeOptions = {}): Promise<number> {
  const args = parseArgs(argv, [
    '--bolt',
    '--http',
    '--data',
    '--initial-password',
    '--no-auth',
    '--log-level',
    '--max-connections',
    '--max-message-bytes',
    '--databases',
  ]);
  if (args.positional.length > 0) throw new UsageError('takes no arguments, only options');
  const bolt = address(args, '--bolt');
  const http = address(args, '--http');
  const data = valued(args, '--data');
  const level = choice(args, '--log-level', LOG_LEVELS, 'quiet') as LogLevel;
  const auth = authConfig(args, options.env ?? process.env);
  const databases = listOption(args.options.get('--databases'), '--databases');
  const config: StartServerOptions = {
    ...(bolt === undefined ? {} : { bolt }),
    ...(http === undefined ? {} : { http }),
    ...(data === undefined ? {} : { data }),
    auth: auth.auth,
    ...(auth.initialPassword === undefined ? {} : { initialPassword: auth.initialPassword }),
    ...(auth.requirePasswordChange ? { requirePasswordChange: true } : {}),
    log: stderrLog(level, io.stderr),
    ...(databases === undefined ? {} : { databases }),
    ...count(args, '--max-connections', 'maxConnections'),
    ...count(args, '--max-message-bytes', 'maxMessageBytes'),
  };
  const signals = options.stop === undefined ? signalled() : null;
  let server: BoltServer;
  try {
    server = await start(config, auth.source);
  } catch (error) {
    signals?.dispose();
    throw error;
  }
  io.stdout(`Bolt listening on ${server.boltUrl}\n`);
  if (server.httpUrl !== undefined) io.stdout(`HTTP listening on ${server.httpUrl}\n`);
  options.started?.(server);
  await (options.stop ?? signals?.stopped);
  await server.close();
  return 0;
}

async function start(config: StartServerOptions, passwordSource: string): Promise<BoltServer> {
  try {
    return await startServer(config);
  } catch (error) {
    if (error instanceof ServerOptionError) {
      throw new UsageError(`${error.option === 'initialPassword' ? passwordSource : error.option}: ${error.reason}`);
    }
    if (error instanceof ServerStartError) throw new FileError(error.message);
    throw error;
  }
}

/** The first SIGINT or SIGTERM; after it the handlers are gone, so a second signal ends the process at once. */
function signalled(): { readonly stopped: Promise<void>; readonly dispose: () => void } {
  let dispose = () => {};
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      dispose();
      resolve();
    };
    dispose = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return { stopped, dispose };
}

/**
 * --no-auth and --initial-password, else NEO4J_AUTH as the Docker image reads it: `none`, or
 * `neo4j/PW` with an optional `/true` (change required). Messages never quote the value: it holds a password.
 */
function authConfig(args: ParsedArgs, env: Readonly<Record<string, string | undefined>>): AuthConfig {
  const initialPassword = valued(args, '--initial-password');
  const noAuth = args.options.has('--no-auth');
  if (noAuth || initialPassword !== undefined) {
    return { auth: !noAuth, ...(initialPassword === undefined ? {} : { initialPassword }), source: '--initial-password' };
  }
  const value = env['NEO4J_AUTH'];
  if (value === undefined || value === '') return { auth: true, source: 'NEO4J_AUTH' };
  if (value === 'none') return { auth: false, source: 'NEO4J_AUTH' };
  // The image's own pattern: a password has no slash; a trailing `/true` asks for a change at first login.
  const match = /^([^/]+)\/([^/]+)\/?([tT][rR][uU][eE])?$/.exec(value);
  if (match === null) throw new UsageError('Invalid value for NEO4J_AUTH: expected none, neo4j/<password> or neo4j/<password>/true');
  const [, user, password, reset] = match;
  if (user !== 'neo4j') throw new UsageError('NEO4J_AUTH: Invalid admin username, it must be neo4j.');
  if (password === 'neo4j') throw new UsageError("NEO4J_AUTH: Invalid value for password. It cannot be 'neo4j', which is the default.");
  return { auth: true, initialPassword: password ?? '', requirePasswordChange: reset !== undefined, source: 'NEO4J_AUTH' };
}

function valued(args: ParsedArgs, name: string): string | undefined {
  const value = args.options.get(name);
  if (value === true) throw new UsageError(`option '${name}' needs a value`);
  return value;
}

function address(args: ParsedArgs, name: string): string | undefined {
  const value = valued(args, name);
  if (value === undefined) return undefined;
  const parsed = parseListenAddress(value);
  if ('problem' in parsed) throw new UsageError(`option '${name}' ${value}: ${parsed.problem}`);
  return value;
}

function count(args: ParsedArgs, name: string, key: 'maxConnections' | 'maxMessageBytes'): Partial<StartServerOptions> {
  const value = valued(args, name);
  if (value === undefined) return {};
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`option '${name}' needs a positive integer`);
  return { [key]: n };
}
