/** `sysdb plan`: what a script would change in a saved database (or a fresh DBMS), saving nothing. */
import { SystemDatabase, toJson, type RerunProblem, type ScriptOptions } from '../index.js';
import { UsageError, choice, parseArgs } from './args.js';
import { writeChanges } from './changes.js';
import { escapeControls } from './controls.js';
import type { CliIO } from './io.js';
import { executingUser, jsonStatement, loadState, paramsChecked, readJsonObject, writeStatement } from './run.js';

export const PLAN_HELP = `Usage: sysdb plan <script.cypher|-> [--state db.json] [--params params.json] [--as user | --no-auth]
                 [--format text|json] [--check] [--rerun] [--skip-unsupported]

Runs the script against the database saved in --state (or a fresh DBMS) without saving anything, and
prints what it would change: one line per user, role or privilege (+ add, ~ change, > rename,
- delete), then "Plan: N to add, M to change, K to delete.". Failing statements go to stderr as
sysdb run reports them. Passwords never appear: only "password changed".

  --state FILE          start from a database saved with sysdb run --save
  --params FILE         parameters as a JSON object
  --as USER             run the statements as USER (default neo4j)
  --no-auth             run them with authentication disabled (dbms.security.auth_enabled=false)
  --format text|json    {"changes":[...],"statements":[...]}, statements as sysdb run --format json
  --check               exit 1 when the plan is not empty: a CI gate that re-applying a migration
                        to production changes nothing
  --rerun               run the script, then again on its own result, and report each statement
                        that fails or changes something the second time, with the form that may
                        repeat (IF NOT EXISTS, IF EXISTS): {"problems":[...]} in JSON
  --skip-unsupported    pass over statements cypher-sysdb does not model, as sysdb run does

Exit status: 0 done (--check: no changes; --rerun: no problems), 1 a statement failed, --check found
changes or --rerun found problems, 2 bad usage or an unreadable file.
`;

export function plan(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, ['--state', '--params', '--as', '--no-auth', '--format', '--check', '--rerun', '--skip-unsupported']);
  const format = choice(args, '--format', ['text', 'json'], 'text');
  const [scriptPath] = args.positional;
  if (args.positional.length !== 1 || scriptPath === undefined)
    throw new UsageError('expects exactly one script (or - for standard input)');
  if (args.options.has('--check') && args.options.has('--rerun')) throw new UsageError('--check and --rerun are two checks: give one');
  const script = scriptPath === '-' ? io.readStdin() : io.readFile(scriptPath);
  const statePath = args.options.get('--state');
  const db = typeof statePath === 'string' ? loadState(io, statePath) : SystemDatabase.create();
  const skipUnsupported = args.options.has('--skip-unsupported');
  const options: ScriptOptions = {
    params: readJsonObject(io, args.options.get('--params'), '--params'),
    ...executingUser(args),
    onUnsupported: skipUnsupported ? 'skip' : 'fail',
  };
  const where = scriptPath === '-' ? '<stdin>' : scriptPath;
  if (args.options.has('--rerun'))
    return rerun(
      io,
      paramsChecked(() => db.rerun(script, options)),
      format,
      where,
    );

  const { changes, statements } = paramsChecked(() => db.plan(script, options));
  if (format === 'json') {
    const shown = statements.map((s) => jsonStatement(s, { notifications: false, skipped: skipUnsupported }));
    io.stdout(`${toJson({ changes, statements: shown })}\n`);
  } else {
    // A plan shows changes, not result tables: only failures (and statements passed over) are written.
    for (const s of statements) if (s.error !== null || s.skipped !== null) writeStatement(io, scriptPath, s, false);
    writeChanges(io, changes);
  }
  if (statements.some((s) => s.error !== null)) return 1;
  return args.options.has('--check') && changes.length > 0 ? 1 : 0;
}

function rerun(io: CliIO, problems: readonly RerunProblem[], format: string, where: string): number {
  if (format === 'json') io.stdout(`${toJson({ problems })}\n`);
  else {
    for (const p of problems) {
      const hint = p.hint === null ? '' : `  = help: ${escapeControls(p.hint)}\n`;
      io.stdout(`${escapeControls(where)}:${p.line}: ${escapeControls(p.reason)}\n${hint}`);
    }
    io.stderr(
      problems.length === 0
        ? 'runs again without failing or changing anything\n'
        : `${problems.length} ${problems.length === 1 ? 'statement fails or changes' : 'statements fail or change'} something when run again\n`,
    );
  }
  return problems.length > 0 ? 1 : 0;
}
