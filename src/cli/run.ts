/** `sysdb run`: a script against an in-memory system database, printed like cypher-shell prints it. */
import {
  DEFAULT_LIMITS,
  JsonError,
  MAX_NESTING,
  Neo4jError,
  readJson,
  SystemDatabase,
  toJson,
  type Notification,
  type StatementRun,
} from '../index.js';
import { UsageError, choice, listOption, parseArgs, type ParsedArgs } from './args.js';
import type { CliIO } from './io.js';
import { table } from './table.js';

export const RUN_HELP = `Usage: sysdb run <script.cypher|-> [--params params.json] [--state in.json] [--save out.json]
                [--as user | --no-auth] [--continue-on-error] [--format table|json] [--notifications]
                [--databases a,b] [--auth-providers p,q] [--skip-unsupported]
                [--max-steps N] [--max-memory BYTES]

Runs a script of user and role commands against an in-memory Neo4j system database: a fresh one
(user neo4j with the built-in roles) or the one saved in --state. cypher-shell's :param lines set
parameters. Output is one table per statement, or JSON with --format json.

  --params FILE          parameters as a JSON object, e.g. {"password": "..."}
  --state FILE           start from a database saved with --save
  --save FILE            write the resulting database (password hashes only) as JSON
  --as USER              run the statements as USER (default neo4j)
  --no-auth              run them with authentication disabled, as Neo4j with
                         dbms.security.auth_enabled=false (how IMMUTABLE roles and privileges are made)
  --continue-on-error    run the remaining statements after a failure (default: stop)
  --format table|json    output format (default table)
  --notifications        show Neo4j's notifications (a grant that changed nothing, a home
                         database that does not exist, ...): on stderr, or in the JSON
  --skip-unsupported     pass over statements cypher-sysdb does not model (GRANT ... ON DATABASE,
                         CREATE DATABASE, MATCH, ...) with a warning, instead of failing on them
  --databases a,b        the databases a fresh DBMS has (default neo4j and system)
  --auth-providers p,q   the external auth providers its configuration defines (default none)
  --max-steps N          evaluation steps one statement may take (default ${DEFAULT_LIMITS.maxSteps}); beyond, it
                         fails as Neo4j's transaction timeout does (TransactionTimedOut)
  --max-memory BYTES     bytes of lists and strings one statement may build (default ${DEFAULT_LIMITS.maxMemoryBytes},
                         ${DEFAULT_LIMITS.maxMemoryBytes / 1024 / 1024} MiB); beyond, it fails as db.memory.transaction.max does

Exit status: 0 every statement succeeded, 1 a statement failed, 2 bad usage or unreadable file.
`;

export function run(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, [
    '--params',
    '--state',
    '--save',
    '--as',
    '--no-auth',
    '--continue-on-error',
    '--format',
    '--notifications',
    '--databases',
    '--auth-providers',
    '--skip-unsupported',
    '--max-steps',
    '--max-memory',
  ]);
  const skipUnsupported = args.options.has('--skip-unsupported');
  const notifications = args.options.has('--notifications');
  const format = choice(args, '--format', ['table', 'json'], 'table');
  const [scriptPath] = args.positional;
  if (args.positional.length !== 1 || scriptPath === undefined)
    throw new UsageError('expects exactly one script (or - for standard input)');
  const script = scriptPath === '-' ? io.readStdin() : io.readFile(scriptPath);
  const params = readJsonObject(io, args.options.get('--params'), '--params');
  const statePath = args.options.get('--state');
  const databases = listOption(args.options.get('--databases'), '--databases');
  const authProviders = listOption(args.options.get('--auth-providers'), '--auth-providers');
  if (typeof statePath === 'string' && (databases || authProviders)) {
    throw new UsageError('--databases and --auth-providers configure a fresh DBMS; the database in --state keeps its own configuration');
  }
  const limits = {
    ...positiveOption(args.options.get('--max-steps'), '--max-steps', 'maxSteps'),
    ...positiveOption(args.options.get('--max-memory'), '--max-memory', 'maxMemoryBytes'),
  };
  const db =
    typeof statePath === 'string'
      ? loadState(io, statePath, limits)
      : SystemDatabase.create({ ...(databases ? { databases } : {}), ...(authProviders ? { authProviders } : {}), ...limits });
  const user = executingUser(args);

  const progress = io.stderrIsTTY ? progressReporter(io, script) : undefined;
  const print = format === 'table' ? (s: StatementRun) => writeStatement(io, scriptPath, s, notifications) : undefined;
  const onStatement = progress ? progress.wrap(print) : print;
  const outcome = paramsChecked(() =>
    db.runScript(script, {
      params,
      ...user,
      onError: args.options.has('--continue-on-error') ? 'continue' : 'stop',
      onUnsupported: skipUnsupported ? 'skip' : 'fail',
      ...(onStatement ? { onStatement } : {}),
    }),
  );
  progress?.done();
  if (format === 'json') {
    const statements = outcome.statements.map((s) => jsonStatement(s, { notifications, skipped: skipUnsupported }));
    io.stdout(`${toJson({ statements })}\n`);
  }
  const savePath = args.options.get('--save');
  if (typeof savePath === 'string') io.writeFile(savePath, `${JSON.stringify(outcome.db.toJSON(), null, 2)}\n`);
  return outcome.statements.some((s) => s.error !== null) ? 1 : 0;
}

/** `--as USER` or `--no-auth` (authentication disabled: user null); neither runs as neo4j. */
export function executingUser(args: ParsedArgs): { readonly user?: string | null } {
  const user = args.options.get('--as');
  const noAuth = args.options.has('--no-auth');
  if (noAuth && user !== undefined) throw new UsageError('--as runs as a user and --no-auth as none: give one');
  if (noAuth) return { user: null };
  return typeof user === 'string' ? { user } : {};
}

/** A statement as `--format json` prints it; notifications and `skipped` only when asked for. */
export function jsonStatement(s: StatementRun, shown: { readonly notifications: boolean; readonly skipped: boolean }) {
  return {
    query: s.query,
    columns: s.columns,
    rows: s.rows,
    error: s.error,
    ...(shown.notifications ? { notifications: s.notifications } : {}),
    ...(shown.skipped ? { skipped: s.skipped } : {}),
  };
}

/** Failures (and passed-over statements) on stderr as `file:line: error: message (code)`; tables on stdout. */
export function writeStatement(io: CliIO, scriptPath: string, statement: StatementRun, showNotifications: boolean): void {
  const where = `${scriptPath === '-' ? '<stdin>' : scriptPath}:${statement.line}`;
  if (statement.error) {
    io.stderr(`${where}: error: ${statement.error.message} (${statement.error.code})\n`);
    return;
  }
  if (statement.skipped !== null) {
    io.stderr(`${where}: warning: skipped: ${statement.skipped}\n`);
    return;
  }
  // Like `cypher-shell -f`, write commands print nothing; only result tables are shown.
  if (statement.columns.length > 0) io.stdout(`${table(statement.columns, statement.rows)}\n`);
  if (showNotifications) for (const n of statement.notifications) io.stderr(`${where}: ${notificationLine(n)}\n`);
}

function notificationLine(n: Notification): string {
  return `${n.severity === 'WARNING' ? 'warning' : 'info'}: ${n.title} ${n.description} (${n.code})`;
}

export function readJsonObject(io: CliIO, path: string | true | undefined, option: string): Record<string, unknown> {
  if (path === undefined) return {};
  if (path === true) throw new UsageError(`option '${option}' needs a file`);
  let parsed: unknown;
  try {
    // Not JSON.parse: its messages quote the text around the mistake, a password in a parameters file.
    parsed = readJson(io.readFile(path), MAX_NESTING + 1);
  } catch (error) {
    if (error instanceof JsonError) throw new UsageError(`${option} ${path} is not valid JSON: ${error.message}`);
    throw error;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new UsageError(`${option} ${path} must hold a JSON object`);
  return parsed as Record<string, unknown>;
}

/** A limit option: a positive integer, as the named database option. */
function positiveOption(
  value: string | true | undefined,
  option: string,
  name: 'maxSteps' | 'maxMemoryBytes',
): { maxSteps?: number; maxMemoryBytes?: number } {
  if (value === undefined) return {};
  const n = value === true || !/^\d+$/.test(value) ? NaN : Number(value);
  if (!Number.isSafeInteger(n) || n <= 0) throw new UsageError(`option '${option}' needs a positive integer`);
  return { [name]: n };
}

/** Parameters that cannot be Cypher values (an integer a JSON number cannot hold exactly) are a usage error. */
export function paramsChecked<T>(run: () => T): T {
  try {
    return run();
  } catch (error) {
    if (error instanceof Neo4jError) throw new UsageError(`--params: ${error.message}`);
    throw error;
  }
}

export function loadState(
  io: CliIO,
  path: string,
  limits: { maxSteps?: number; maxMemoryBytes?: number } = {},
  option = '--state',
): SystemDatabase {
  const text = io.readFile(path);
  try {
    return SystemDatabase.fromJSON(text, limits);
  } catch (error) {
    throw new UsageError(`${option ? `${option} ` : ''}${path}: ${(error as Error).message}`);
  }
}

/** On a terminal, a one-line counter on stderr for long scripts (cleared at the end). */
function progressReporter(io: CliIO, script: string) {
  const total = (script.match(/;/g) ?? []).length;
  let shown = false;
  return {
    wrap:
      (inner: ((s: StatementRun) => void) | undefined) =>
      (statement: StatementRun, index: number): void => {
        inner?.(statement);
        if (total >= 100 && index % 100 === 0) {
          io.stderr(`\r${index + 1}/${total} statements`);
          shown = true;
        }
      },
    done: () => {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
