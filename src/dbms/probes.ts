/**
 * The few graph queries that drivers, cypher-shell and migration tools send on connect, answered
 * as Neo4j answers them, so that those clients start up against cypher-sysdb. Anything else that is
 * not user administration stays "not supported by cypher-sysdb"; an unknown procedure is Neo4j's
 * ProcedureNotFound.
 */
import type { SystemDatabase } from '../database.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';
import type { Value } from '../exec/values.js';

/** The Neo4j release cypher-sysdb models, as `dbms.components()` and a server's agent string give it. */
export const NEO4J_VERSION = '2026.06.0';
export const NEO4J_EDITION = 'enterprise';

export interface ProbeAnswer {
  readonly columns: readonly string[];
  readonly records: readonly (readonly Value[])[];
}

interface ProbeContext {
  readonly db: SystemDatabase;
  readonly user: string | null;
}

/** Longer queries are never probes; this also bounds the normalisation below. */
const MAX_PROBE_LENGTH = 200;

/** The probe's answer, or null when `query` is not a probe. Throws ProcedureNotFound for another bare procedure call. */
export function answerProbe(query: string, context: ProbeContext): ProbeAnswer | null {
  if (query.length > MAX_PROBE_LENGTH) return null;
  // Whitespace-normalised; compared without case, but aliases and literals keep theirs.
  const written = query.trim().replace(/;$/, '').replace(/\s+/g, ' ').trim();
  const text = written.toLowerCase();
  if (text === 'call db.ping()' || text === 'call db.ping') return { columns: ['success'], records: [[true]] };
  if (text === 'return 1') return { columns: ['1'], records: [[1n]] };
  if (text === "show procedures yield name where name = 'dbms.showcurrentuser' return count(*)") {
    return { columns: ['count(*)'], records: [[1n]] };
  }
  const components = COMPONENTS.exec(written);
  if (components) return componentsAnswer(components[1], components[2]);
  if (text === 'call dbms.showcurrentuser()' || text === 'call dbms.showcurrentuser() yield username return username') {
    return currentUser(context, text.endsWith('return username'));
  }
  // EXPLAIN and PROFILE too: neo4j-migrations probes `EXPLAIN CALL dbms.procedures()`, gone since Neo4j 5.
  const call = /^(?:(?:explain|profile) )?call ([\w.]+) ?\(/i.exec(written);
  if (call?.[1] !== undefined) {
    throw new Neo4jError(
      StatusCode.ProcedureNotFound,
      `There is no procedure with the name \`${call[1]}\` registered for this database instance. ` +
        "Please ensure you've spelled the procedure name correctly and that the procedure is properly deployed.",
    );
  }
  return null;
}

/**
 * `CALL dbms.components() [YIELD cols] [WHERE name = 'Neo4j Kernel'] [RETURN items]`, the version and
 * health checks of Spring Boot, neo4j-migrations and many tools. RETURN items are a yielded column,
 * `versions[0]`, or a string literal `+ versions[0]`, each with an optional alias.
 */
const COMPONENTS = /^call dbms\.components\(\)(?: yield ([\w, ]+?))?(?: where name = 'Neo4j Kernel')?(?: return (.+))?$/i;
const RETURN_ITEM = /^(?:'([^']*)' \+ )?(\w+)(\[0\])?(?: as (\w+))?$/i;

/** The only component is the kernel, so the WHERE keeps its row. */
function componentsAnswer(yielded: string | undefined, returned: string | undefined): ProbeAnswer | null {
  const row: Readonly<Record<string, Value>> = { name: 'Neo4j Kernel', versions: [NEO4J_VERSION], edition: NEO4J_EDITION };
  const columns = yielded === undefined ? ['name', 'versions', 'edition'] : yielded.split(',').map((c) => c.trim());
  if (!columns.every((c) => Object.hasOwn(row, c))) return null;
  if (returned === undefined) return { columns, records: [columns.map((c) => row[c] ?? null)] };
  const names: string[] = [];
  const values: Value[] = [];
  for (const item of returned.split(',').map((i) => i.trim())) {
    const match = RETURN_ITEM.exec(item);
    const [, prefix, column = '', first, alias] = match ?? [];
    if (match === null || !columns.includes(column)) return null;
    let value: Value = row[column] ?? null;
    if (first !== undefined) value = Array.isArray(value) ? ((value as readonly Value[])[0] ?? null) : null;
    if (prefix !== undefined) value = typeof value === 'string' ? prefix + value : null;
    names.push(alias ?? item);
    values.push(value);
  }
  return { columns: names, records: [values] };
}

/** `dbms.showCurrentUser()`: username, roles and flags (Neo4j flags a user that must change their password). */
function currentUser({ db, user }: ProbeContext, usernameOnly: boolean): ProbeAnswer {
  const shown = db.execute('SHOW CURRENT USER YIELD user, roles, passwordChangeRequired', {}, { user }).records[0];
  const [name = null, roles = [], changeRequired = false] = shown ?? [];
  if (usernameOnly) return { columns: ['username'], records: shown ? [[name]] : [] };
  const flags: Value = changeRequired === true ? ['password_change_required'] : [];
  return { columns: ['username', 'roles', 'flags'], records: shown ? [[name, roles, flags]] : [] };
}
