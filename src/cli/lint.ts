/** `sysdb lint`: every syntax and semantic error of admin scripts, as text with code frames or as JSON. */
import { diagnose, maskPasswords, type Diagnostic, type MaskedText } from '../index.js';
import { choice, parseArgs, positiveInteger } from './args.js';
import { escapeControls } from './controls.js';
import { codeFrames } from './frame.js';
import { readInputs, type Input } from './inputs.js';
import type { CliIO } from './io.js';

/**
 * Diagnostics shown per file by default. A hostile script (`x;` 50,000 times) has an error every two
 * bytes, and each takes a 150-byte message and a frame: without a cap its report is 160 times its size.
 */
const DEFAULT_MAX_DIAGNOSTICS = 100;

export const LINT_HELP = `Usage: sysdb lint [files|dirs|-] [--format text|json|github] [--min-password-length N] [--quiet]
                  [--max-diagnostics N]

Reports every syntax and semantic error with Neo4j's own message, as file:line:column.
Directories are searched for *.cypher files; - reads standard input.
  --quiet              report errors only (no warnings, such as statements cypher-sysdb does not check)
  --format github      GitHub Actions annotations (::error file=...,line=...::message), one per line
  --max-diagnostics N  show at most N per file (default ${DEFAULT_MAX_DIAGNOSTICS}; 0 shows all); the rest are counted
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable file.
`;

interface FileReport {
  readonly input: Input;
  /** Every diagnostic: the exit status and the counts include those not shown. */
  readonly diagnostics: readonly Diagnostic[];
  /** The first `--max-diagnostics` of them. */
  readonly shown: readonly Diagnostic[];
  /** Only computed for files with something to show: it lexes the whole file again. */
  readonly masked: MaskedText | null;
}

export function lint(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, ['--format', '--min-password-length', '--quiet', '--max-diagnostics']);
  const quiet = args.options.has('--quiet');
  const format = choice(args, '--format', ['text', 'json', 'github'], 'text');
  const minimumPasswordLength = positiveInteger(args, '--min-password-length');
  const limit = positiveInteger(args, '--max-diagnostics') ?? DEFAULT_MAX_DIAGNOSTICS;
  const reports: FileReport[] = readInputs(args.positional, io).map((input) => {
    const all = diagnose(input.text, minimumPasswordLength === undefined ? {} : { minimumPasswordLength });
    const diagnostics = quiet ? all.filter((d) => d.severity === 'error') : all;
    const shown = limit === 0 ? diagnostics : diagnostics.slice(0, limit);
    if (diagnostics.length === 0) return { input, diagnostics, shown, masked: null };
    const masked = maskPasswords(input.text);
    return { input, diagnostics, shown, masked };
  });
  if (format === 'json') io.stdout(`${JSON.stringify({ files: reports.map(jsonReport) })}\n`);
  else if (format === 'github') writeGithubAnnotations(reports, io);
  else writeText(reports, io);
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Exactly the documented shape: tools parse it (spelling hints are in the text output only). */
function jsonReport(report: FileReport) {
  const omitted = report.diagnostics.length - report.shown.length;
  return {
    file: report.input.name,
    ...(omitted > 0 ? { omitted } : {}),
    diagnostics: report.shown.map((d) => ({
      severity: d.severity,
      code: d.code,
      message: d.message,
      line: d.span.start.line,
      column: d.span.start.column,
      offset: d.span.start.offset,
      endLine: d.span.end.line,
      endColumn: d.span.end.column,
    })),
  };
}

/**
 * GitHub Actions workflow commands: each diagnostic becomes an annotation on the pull request.
 * Properties and messages are escaped as the runner expects (%, CR, LF; and `:`/`,` in properties).
 */
function writeGithubAnnotations(reports: readonly FileReport[], io: CliIO): void {
  const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
  for (const report of reports) {
    const file = `file=${escapeProperty(escapeControls(report.input.name))}`;
    for (const d of report.shown) {
      const { start, end } = d.span;
      const properties = [
        file,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(d.code)}`,
      ].join(',');
      io.stdout(`::${d.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(escapeControls(d.message))}\n`);
    }
    const omitted = notShown(report);
    if (omitted) io.stdout(`::notice ${file}::${escapeData(omitted)}\n`);
  }
}

/** What a capped report did not show, in a sentence that says how to see it; null when it shows everything. */
function notShown(report: FileReport): string | null {
  const hidden = report.diagnostics.slice(report.shown.length);
  if (hidden.length === 0) return null;
  return `${counted(hidden)} not shown (--max-diagnostics 0 shows them all)`;
}

/** `3 errors and 1 warning`. */
function counted(diagnostics: readonly Diagnostic[]): string {
  const errors = diagnostics.filter((d) => d.severity === 'error').length;
  const warnings = diagnostics.length - errors;
  return [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : ''].filter(Boolean).join(' and ');
}

function writeText(reports: readonly FileReport[], io: CliIO): void {
  const found = reports.flatMap((r) => r.diagnostics);
  for (const report of reports) {
    // Null exactly when the file has no diagnostics: nothing to show.
    if (report.masked === null) continue;
    const frame = codeFrames(report.masked);
    const name = escapeControls(report.input.name);
    for (const d of report.shown) {
      const { line, column } = d.span.start;
      const hint = d.hint ? `\n${' '.repeat(String(line).length)} = help: ${escapeControls(d.hint)}` : '';
      io.stdout(`${name}:${line}:${column}: ${d.severity}: ${escapeControls(d.message)}\n${frame(d.span)}${hint}\n\n`);
    }
    const omitted = notShown(report);
    if (omitted) io.stdout(`${name}: ${omitted}\n\n`);
  }
  if (found.length > 0) {
    const files = reports.filter((r) => r.diagnostics.length > 0).length;
    io.stderr(`${counted(found)} in ${plural(files, 'file')}\n`);
  } else {
    io.stderr(`no problems in ${plural(reports.length, 'file')}\n`);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
