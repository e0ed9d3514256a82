/** A change report on stdout, as `sysdb plan` and `sysdb diff` print it: text (coloured on a terminal) or JSON. */
import { changeSign, planLines, planSummary, type Change, type ChangeSign } from '../index.js';
import { escapeControls } from './controls.js';
import type { CliIO } from './io.js';

/** ANSI colours, terraform's: green adds, yellow changes, red deletes. */
const COLOUR: Readonly<Record<ChangeSign, string>> = { '+': '\x1b[32m', '~': '\x1b[33m', '>': '\x1b[33m', '-': '\x1b[31m' };
const RESET = '\x1b[0m';

export function writeChanges(io: CliIO, changes: readonly Change[]): void {
  // Names may hold control characters: shown escaped, never sent to the terminal.
  const lines = planLines(changes).map((text, i) => {
    const line = escapeControls(text);
    const change = changes[i];
    return io.stdoutColour && change ? `${COLOUR[changeSign(change)]}${line}${RESET}` : line;
  });
  io.stdout(`${lines.map((l) => `${l}\n`).join('')}${lines.length > 0 ? '\n' : ''}${planSummary(changes)}\n`);
}
