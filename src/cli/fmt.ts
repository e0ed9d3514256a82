/**
 * `sysdb fmt`: rewrites scripts in canonical form. Comments are not kept (the AST has none), so fmt
 * refuses to touch files with syntax errors rather than lose text it could not read. Statements of
 * families cypher-sysdb does not model (GRANT ... ON DATABASE, MATCH, ...) are kept as written.
 */
import { format, parseScript } from '../index.js';
import { parseArgs } from './args.js';
import { readInputs } from './inputs.js';
import type { CliIO } from './io.js';
import { lint } from './lint.js';

export const FMT_HELP = `Usage: sysdb fmt [files|-] [--check] [--write]

Prints each script in canonical form: upper-case keywords, one statement per line, names quoted only
where needed. Comments are dropped. Passwords are kept (the output is your own script).
  --check   print nothing but the names of files that are not canonical; exit 1 if any
  --write   rewrite the files in place
`;

/** The script in canonical form, or null when it has errors. Statements we do not model are kept as written. */
function canonicalScript(text: string): string | null {
  const segments = parseScript(text);
  if (segments.some((s) => s.diagnostics.some((d) => d.severity === 'error'))) return null;
  return segments
    .map((s) => {
      if (s.statement === null) return `${s.text};\n`;
      // The parser removes a `CYPHER 25` prefix (the only one it accepts): the statement then starts after it.
      const version = s.statement.span.start.offset > s.span.start.offset ? 'CYPHER 25 ' : '';
      return `${version}${format(s.statement, { revealPasswords: true })}${s.statement.kind.startsWith('client-') ? '' : ';'}\n`;
    })
    .join('');
}

export function fmt(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, ['--check', '--write']);
  const check = args.options.has('--check');
  const write = args.options.has('--write');
  let status = 0;
  for (const input of readInputs(args.positional, io)) {
    const canonical = canonicalScript(input.text);
    if (canonical === null) {
      io.stderr(`sysdb: '${input.name}' has syntax errors; not formatted\n`);
      lint(input.path ? [input.path] : ['-'], { ...io, readStdin: () => input.text });
      status = 1;
      continue;
    }
    if (check) {
      if (canonical !== input.text) {
        io.stderr(`would reformat ${input.name}\n`);
        status = 1;
      }
    } else if (write && input.path) {
      if (canonical !== input.text) io.writeFile(input.path, canonical);
    } else {
      io.stdout(canonical);
    }
  }
  return status;
}
