/** One statement of a Dbms session or transaction: routed to its database, a probe answered, or run. */
import type { ExecuteOptions, SystemDatabase } from '../database.js';
import { resolveDatabase } from './routing.js';
import { answerProbe } from './probes.js';
import { executedOutcome, probeOutcome, type Ran } from './outcome.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';
import { CREDENTIALS_EXPIRED } from '../exec/execute.js';

export function runStatement(
  db: SystemDatabase,
  query: string,
  params: Readonly<Record<string, unknown>>,
  options: ExecuteOptions,
  /** The database the client named (Bolt's `db`, the Query API's path), if any. */
  requested: string | null | undefined,
): Ran {
  const user = options.user === undefined ? 'neo4j' : options.user;
  const login = user === null ? null : db.login(user);
  const database = resolveDatabase(db, requested, login?.home ?? null);
  const probe = answerProbe(query, { db, user });
  if (probe !== null) {
    // The password-change gate holds for probes too: until then, changing the password is all a user may do.
    if (options.enforcePasswordChange === true && login?.changeRequired === true) {
      throw new Neo4jError(StatusCode.CredentialsExpired, CREDENTIALS_EXPIRED);
    }
    return { db, outcome: probeOutcome(probe, database) };
  }
  const executed = db.execute(query, params, options);
  return { db: executed.db, outcome: executedOutcome(executed, database) };
}
