/** `sysdb lint`: every syntax and semantic error of admin scripts, as text with code frames or as JSON. */
import { diagnose, maskPasswords, type Diagnostic, type MaskedText } from '../index.js';
import { choice, parseArgs, positiveInteger } from './args.js';
import { escapeControls } from './controls.js';
import { codeFrames } from './frame.js';
import { readInputs, type Input } from './inputs.js';
import type { CliIO } from './io.js';

export const LINT_HELP = `Usage: sysdb lint [files|dirs|-] [--format text|json|github] [--min-password-length N] [--quiet]

Reports every syntax and semantic error with Neo4j's own message, as file:line:column.
Directories are searched for *.cypher files; - reads standard input.
  --quiet          report errors only (no warnings, such as statements cypher-sysdb does not check)
  --format github  GitHub Actions annotations (::error file=...,line=...::message), one per line
Exit status: 0 no errors (warnings allowed), 1 errors found, 2 bad usage or unreadable file.
`;

interface FileReport {
  readonly input: Input;
  readonly diagnostics: readonly Diagnostic[];
  /** Only computed for files with something to show: it lexes the whole file again. */
  readonly masked: MaskedText | null;
}

export function lint(argv: readonly string[], io: CliIO): number {
  const args = parseArgs(argv, ['--format', '--min-password-length', '--quiet']);
  const quiet = args.options.has('--quiet');
  const format = choice(args, '--format', ['text', 'json', 'github'], 'text');
  const minimumPasswordLength = positiveInteger(args, '--min-password-length');
  const reports: FileReport[] = readInputs(args.positional, io).map((input) => {
    const all = diagnose(input.text, minimumPasswordLength === undefined ? {} : { minimumPasswordLength });
    const diagnostics = quiet ? all.filter((d) => d.severity === 'error') : all;
    if (diagnostics.length === 0) return { input, diagnostics, masked: null };
    const masked = maskPasswords(input.text);
    return { input, diagnostics, masked };
  });
  if (format === 'json') io.stdout(`${JSON.stringify({ files: reports.map(jsonReport) })}\n`);
  else if (format === 'github') writeGithubAnnotations(reports, io);
  else writeText(reports, io);
  return reports.some((r) => r.diagnostics.some((d) => d.severity === 'error')) ? 1 : 0;
}

/** Exactly the documented shape: tools parse it (spelling hints are in the text output only). */
function jsonReport(report: FileReport) {
  return {
    file: report.input.name,
    diagnostics: report.diagnostics.map((d) => ({
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
    for (const d of report.diagnostics) {
      const { start, end } = d.span;
      const properties = [
        `file=${escapeProperty(escapeControls(report.input.name))}`,
        `line=${start.line}`,
        `col=${start.column}`,
        `endLine=${end.line}`,
        `endColumn=${end.column}`,
        `title=${escapeProperty(d.code)}`,
      ].join(',');
      io.stdout(`::${d.severity === 'error' ? 'error' : 'warning'} ${properties}::${escapeData(escapeControls(d.message))}\n`);
    }
  }
}

function writeText(reports: readonly FileReport[], io: CliIO): void {
  let errors = 0;
  let warnings = 0;
  let files = 0;
  for (const report of reports) {
    // Null exactly when the file has no diagnostics: nothing to show.
    if (report.masked === null) continue;
    files += 1;
    const frame = codeFrames(report.masked);
    const name = escapeControls(report.input.name);
    for (const d of report.diagnostics) {
      if (d.severity === 'error') errors += 1;
      else warnings += 1;
      const { line, column } = d.span.start;
      const hint = d.hint ? `\n${' '.repeat(String(line).length)} = help: ${escapeControls(d.hint)}` : '';
      io.stdout(`${name}:${line}:${column}: ${d.severity}: ${escapeControls(d.message)}\n${frame(d.span)}${hint}\n\n`);
    }
  }
  if (errors + warnings > 0) {
    const counted = [errors > 0 ? plural(errors, 'error') : '', warnings > 0 ? plural(warnings, 'warning') : '']
      .filter(Boolean)
      .join(' and ');
    io.stderr(`${counted} in ${plural(files, 'file')}\n`);
  } else {
    io.stderr(`no problems in ${plural(reports.length, 'file')}\n`);
  }
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
