/** The `sysdb` command line. */
import { UsageError } from './args.js';
import { escapeControls } from './controls.js';
import { diff, DIFF_HELP } from './diff.js';
import { dump, DUMP_HELP } from './dump.js';
import { fmt, FMT_HELP } from './fmt.js';
import { FileError, nodeIO, type CliIO } from './io.js';
import { lint, LINT_HELP } from './lint.js';
import { plan, PLAN_HELP } from './plan.js';
import { run, RUN_HELP } from './run.js';
import { SERVE_HELP } from './serve-help.js';

const VERSION = '0.1.0';

const HELP = `sysdb ${VERSION}: Neo4j user administration, offline

Usage: sysdb <command> [options]

Commands:
  lint [files|dirs|-]   report syntax and semantic errors with Neo4j's messages
  fmt [files|-]         print scripts in canonical form (--check, --write)
  run <script>          run a script against an in-memory system database
  plan <script>         show what a script would change, saving nothing (--check, --rerun)
  diff <a> <b>          show what changed between two saved databases
  dump                  print a script that recreates a saved database on a fresh DBMS
  serve                 serve an in-memory system database over Bolt, for Neo4j's drivers
  help [command]        show help

Run 'sysdb <command> --help' for a command's options.
`;

interface Command {
  /** Most commands finish synchronously; `serve` runs until it is stopped. */
  readonly run: (argv: readonly string[], io: CliIO) => number | Promise<number>;
  readonly help: string;
}

const COMMANDS: Record<string, Command> = {
  lint: { run: lint, help: LINT_HELP },
  fmt: { run: fmt, help: FMT_HELP },
  run: { run, help: RUN_HELP },
  plan: { run: plan, help: PLAN_HELP },
  diff: { run: diff, help: DIFF_HELP },
  dump: { run: dump, help: DUMP_HELP },
  // Loaded on demand: the server's modules (and Node's net, http) cost the other commands' start-up.
  serve: { run: async (argv, io) => (await import('./serve.js')).serve(argv, io), help: SERVE_HELP },
};

/** The exit status, or (for `serve`) a promise of it. */
export function main(argv: readonly string[], io: CliIO = nodeIO): number | Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    const topic = command === 'help' ? rest[0] : undefined;
    io.stdout(topic && COMMANDS[topic] ? COMMANDS[topic].help : HELP);
    return 0;
  }
  if (command === '--version' || command === '-v') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const entry = COMMANDS[command];
  if (!entry) {
    io.stderr(`sysdb: unknown command '${command}'\n${HELP}`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(entry.help);
    return 0;
  }
  try {
    const status = entry.run(rest, io);
    return typeof status === 'number' ? status : status.catch((error: unknown) => failed(command, entry, io, error));
  } catch (error) {
    return failed(command, entry, io, error);
  }
}

function failed(command: string, entry: Command, io: CliIO, error: unknown): number {
  if (error instanceof UsageError) {
    io.stderr(`sysdb ${command}: ${error.message}\n${entry.help}`);
    return 2;
  }
  if (error instanceof FileError) {
    io.stderr(`sysdb: ${error.message}\n`);
    return 2;
  }
  io.stderr(internalErrorLine(error));
  return 2;
}

/**
 * A bug of ours (a RangeError from deep recursion, say) is reported in one line, never with a stack
 * trace or a snippet of the bundle's source.
 */
export function internalErrorLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const firstLine = escapeControls(message.split(/\r\n|\r|\n/, 1)[0] ?? '').slice(0, 500);
  return `sysdb: internal error: ${firstLine} (please report)\n`;
}
