/**
 * Clauses that may appear once. Neo4j finds these while parsing (its Cypher25SyntaxChecker), so they
 * come before every semantic error, positioned at the keyword after the second SET, ADD or REMOVE.
 */
import type { AlterUserClause } from '../ast/users.js';
import type { Diagnostic } from '../diagnostics/codes.js';
import { syntaxError, type CheckContext } from './context.js';

/** The message for a clause written twice; null for a clause that may repeat (or is checked elsewhere). */
const ONCE_ONLY: Record<AlterUserClause['kind'], string | null> = {
  'set-password': null,
  'set-password-change': null,
  'set-auth': null,
  'remove-home-database': null,
  'remove-auth': null,
  'remove-all-auth': null,
  'set-status': 'Duplicate SET STATUS {SUSPENDED|ACTIVE} clause',
  'set-home-database': 'Duplicate SET HOME DATABASE clause',
  'set-tags': 'Duplicate SET TAGS clause',
  'add-tags': 'Duplicate ADD TAGS clause',
  'remove-tags': 'Duplicate REMOVE TAGS clause',
  // REMOVE ALL TAGS is a REMOVE TAGS clause too.
  'remove-all-tags': 'Duplicate REMOVE TAGS clause',
};

export function duplicateClauses(clauses: readonly AlterUserClause[], context: CheckContext): Diagnostic[] {
  const seen = new Set<string>();
  const diagnostics: Diagnostic[] = [];
  for (const clause of clauses) {
    const message = ONCE_ONLY[clause.kind];
    if (!message) continue;
    if (seen.has(message)) diagnostics.push(syntaxError(context, clause.span, message));
    seen.add(message);
  }
  return diagnostics;
}
