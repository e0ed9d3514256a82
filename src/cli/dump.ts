/** `sysdb dump`: a Cypher script that recreates a saved database on a fresh DBMS. */
import { SystemDatabase } from '../index.js';
import { UsageError, parseArgs } from './args.js';
import { escapeControls } from './controls.js';
import type { CliIO } from './io.js';
import { loadState } from './run.js';

export const DUMP_HELP = `Usage: sysdb dump [--state db.json]

Prints a Cypher script that recreates the database saved in --state (default: a fresh DBMS) on a
fresh DBMS, run there as neo4j: roles (copies of built-in roles as AS COPY OF), their privileges as
SHOW PRIVILEGES AS COMMANDS prints them, users with their password hashes (SET ENCRYPTED PASSWORD,
never a plaintext), status, home database, tags, auth providers and roles, and the built-in roles
and neo4j where they differ from a fresh DBMS. What cannot be replayed is written as a comment and
reported on stderr.

Exit status: 0 done, 1 part of the database is only in comments, 2 bad usage or unreadable file.
`;

export function dump(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, ['--state']);
  if (args.positional.length > 0) throw new UsageError('takes no files: the database is read from --state');
  const statePath = args.options.get('--state');
  const db = typeof statePath === 'string' ? loadState(io, statePath) : SystemDatabase.create();
  let notes = 0;
  io.stdout(
    db.dump({
      onNote: (note) => {
        notes += 1;
        io.stderr(`sysdb dump: warning: not replayed (a comment in the script): ${escapeControls(note)}\n`);
      },
    }),
  );
  return notes > 0 ? 1 : 0;
}
