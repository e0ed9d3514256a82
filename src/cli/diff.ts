/** `sysdb diff`: the change report between two saved databases, as `sysdb plan` prints it. */
import { toJson } from '../index.js';
import { UsageError, choice, parseArgs } from './args.js';
import { writeChanges } from './changes.js';
import type { CliIO } from './io.js';
import { loadState } from './run.js';

export const DIFF_HELP = `Usage: sysdb diff <a.json> <b.json> [--format text|json] [--check]

Prints what changed from the database saved in a.json to the one in b.json (files sysdb run --save
writes): one line per user, role or privilege (+ add, ~ change, > rename, - delete), then "Plan: N to
add, M to change, K to delete.", or {"changes":[...]} with --format json. Renames are recognised
when both files come from one database's history (a user's password hash is in both). Passwords
never appear: only "password changed".

  --check   exit 1 when the databases differ

Exit status: 0 done (--check: no difference), 1 --check found differences, 2 bad usage or unreadable file.
`;

export function diff(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, ['--format', '--check']);
  const format = choice(args, '--format', ['text', 'json'], 'text');
  const [a, b] = args.positional;
  if (args.positional.length !== 2 || a === undefined || b === undefined) throw new UsageError('expects two saved databases');
  const changes = loadState(io, a, {}, '').diff(loadState(io, b, {}, ''));
  if (format === 'json') io.stdout(`${toJson({ changes })}\n`);
  else writeChanges(io, changes);
  return args.options.has('--check') && changes.length > 0 ? 1 : 0;
}
