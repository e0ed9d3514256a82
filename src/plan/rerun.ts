/**
 * Re-run safety: a script deploy pipelines run on every deploy must fail nowhere and change nothing
 * when it runs on its own result. Each statement that does is a problem, with the form Neo4j has that
 * may repeat (`IF NOT EXISTS`, `IF EXISTS`) where there is one.
 */
import type { Statement } from '../ast/index.js';
import { parse } from '../parse.js';
import { format } from '../render/printer.js';
import type { Change } from './changes.js';
import { planLines } from './text.js';

export interface RerunProblem {
  /** 1-based line of the statement in the script. */
  readonly line: number;
  /** The statement, password literals masked. */
  readonly query: string;
  readonly reason: string;
  /** How to write it so that it may run again, where Neo4j has a way. */
  readonly hint: string | null;
}

interface Ran {
  readonly line: number;
  readonly query: string;
  readonly error: { readonly code: string; readonly message: string } | null;
}

const SAME_PASSWORD = 'Old password and new password cannot be the same.';

/** The statement written in its form that may repeat, when it has one it does not use. */
function repeatableForm(statement: Statement, failed: boolean): string | null {
  const noun = statement.kind.endsWith('-role') ? 'role' : 'user';
  switch (statement.kind) {
    case 'create-user':
    case 'create-role':
      // CREATE OR REPLACE never fails, but it re-creates: a new password hash; the roles (or members and privileges) are gone.
      if (statement.ifNotExists || failed === statement.orReplace) return null;
      return `${format({ ...statement, orReplace: false, ifNotExists: true })} leaves an existing ${noun} as it is`;
    case 'drop-user':
    case 'drop-role':
    case 'rename-user':
    case 'rename-role':
    case 'alter-user':
      return failed && !statement.ifExists
        ? `${format({ ...statement, ifExists: true })} does nothing when there is no such ${noun}`
        : null;
    default:
      return null;
  }
}

function hintFor(ran: Ran): string | null {
  if (ran.error?.message.endsWith(SAME_PASSWORD))
    return 'Neo4j refuses a password that is the current one: set it where the user is created (CREATE USER ... IF NOT EXISTS SET PASSWORD ...)';
  // The query is masked, but masking keeps a statement's shape: it parses as the original did.
  const [statement] = parse(ran.query).statements;
  return statement === undefined ? null : repeatableForm(statement, ran.error !== null);
}

/** What is wrong with a statement of the second run, or null: it failed, or it changed something. */
export function rerunProblem(ran: Ran, changes: readonly Change[]): RerunProblem | null {
  const base = { line: ran.line, query: ran.query };
  if (ran.error !== null) return { ...base, reason: `fails when run again: ${ran.error.message} (${ran.error.code})`, hint: hintFor(ran) };
  if (changes.length === 0) return null;
  return { ...base, reason: `changes something when run again: ${planLines(changes).join(', ')}`, hint: hintFor(ran) };
}

/** A statement that fails the first time: the script cannot be checked further. */
export function firstRunProblem(ran: Ran): RerunProblem | null {
  if (ran.error === null) return null;
  return { line: ran.line, query: ran.query, reason: `fails the first time: ${ran.error.message} (${ran.error.code})`, hint: null };
}
