import { expect } from 'vitest';
import type { Statement } from '../../src/ast/index.js';
import { StatusCode } from '../../src/diagnostics/codes.js';
import { parse, type ParseOptions } from '../../src/parse.js';
import { format } from '../../src/render/printer.js';
import { expectDirectAgreement } from './direct.js';
import { collectSpans, spanProblem } from './spans.js';

/**
 * Invariants every parse must keep, whatever the input: checked on every test case. `parse` turns a
 * crash of ours into an internal-error diagnostic rather than throw; that is a failure here. Spans lie
 * in the text, and the direct reader builds the parser's trees (test/support/direct.ts).
 */
export function expectWellFormed(text: string, result = parse(text)): void {
  const internal = result.diagnostics.filter((d) => d.code === StatusCode.InternalError).map((d) => d.message);
  expect(internal, 'internal errors').toEqual([]);
  for (const { path, span } of collectSpans(result)) {
    const problem = spanProblem(text, span);
    if (problem !== null) expect(problem, `span at ${path}`).toBeNull();
  }
  expectDirectAgreement(text);
}

/** Parses one statement that must be free of errors. */
export function parseOne(text: string, options?: ParseOptions): Statement {
  const result = parse(text, options);
  expectWellFormed(text, result);
  expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  expect(result.statements).toHaveLength(1);
  return result.statements[0]!;
}

export interface Reported {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/** The diagnostics of a script as a user reads them: message and 1-based position. */
export function reported(text: string, options?: ParseOptions): Reported[] {
  const result = parse(text, options);
  expectWellFormed(text, result);
  return result.diagnostics.map((d) => ({ message: d.message, line: d.span.start.line, column: d.span.start.column }));
}

/** Parses one statement that must be free of syntax errors; semantic errors are allowed (grammar tests). */
export function parseSyntax(text: string): Statement {
  const result = parse(text);
  expectWellFormed(text, result);
  expect(result.statements, text).toHaveLength(1);
  return result.statements[0]!;
}

/** `input` parses cleanly and prints as `printed`, which is a fixed point: it parses and prints as itself. */
export function expectPrintsAs(input: string, printed: string): void {
  const result = parse(input);
  expect(result.diagnostics).toEqual([]);
  expect(result.statements.map((s) => format(s))).toEqual([printed]);
  expect(parse(printed).statements.map((s) => format(s))).toEqual([printed]);
}
