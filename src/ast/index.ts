import type { ClientCommand } from './client.js';
import type { PrivilegeCommand } from './privileges.js';
import type { RoleCommand } from './roles.js';
import type { Span, Spanned } from './span.js';
import type { FunctionCall } from './expressions.js';
import type { DatabaseName } from './values.js';
import type { UserCommand } from './users.js';

export type * from './client.js';
export type * from './expressions.js';
export type * from './privileges.js';
export type * from './roles.js';
export type * from './show.js';
export type * from './span.js';
export type * from './users.js';
export type * from './values.js';

/** `USE system` written before an administration command. */
export interface UseClause extends Spanned {
  /**
   * The graph: a database's name (`USE system`, `USE GRAPH system` and `USE (system)` alike), or a graph function's call
   * (`USE graph.byName('system')`), which Neo4j resolves as the query runs.
   */
  readonly graph: DatabaseName | FunctionCall;
  /** The command after it, the USE left out: Neo4j places its errors about the whole command there, not at the USE. */
  readonly commandSpan: Span;
}

export type AdminCommand = UserCommand | RoleCommand | PrivilegeCommand;

/** A Cypher statement with the optional USE prefix. */
export type CypherStatement = AdminCommand & { readonly use: UseClause | null };

export type Statement = CypherStatement | ClientCommand;

export type StatementKind = Statement['kind'];

export function isClientCommand(statement: Statement): statement is ClientCommand {
  return statement.kind.startsWith('client-');
}
