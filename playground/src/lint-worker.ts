/// <reference lib="webworker" />
/** Lints off the main thread, so typing in a 5,000-line script never waits for the parser. */
import { diagnose } from '../../src/index.js';

export interface LintRequest {
  readonly id: number;
  readonly text: string;
}

export interface LintDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly code: string;
  readonly line: number;
  readonly column: number;
  readonly hint?: string;
}

self.onmessage = (event: MessageEvent<LintRequest>) => {
  const { id, text } = event.data;
  const diagnostics: LintDiagnostic[] = diagnose(text).map((d) => ({
    from: d.span.start.offset,
    to: d.span.end.offset,
    severity: d.severity,
    message: d.message,
    code: d.code,
    line: d.span.start.line,
    column: d.span.start.column,
    ...(d.hint ? { hint: d.hint } : {}),
  }));
  self.postMessage({ id, diagnostics });
};
