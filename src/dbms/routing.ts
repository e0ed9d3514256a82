/**
 * Which database a statement runs against. Neo4j routes administration commands sent to any
 * database to `system` (the spec says so of Bolt); the probe queries answer on any database; a
 * database the DBMS does not have is DatabaseNotFound. Names are case-insensitive, as Neo4j's are.
 * The databases are the system database's own configuration (`SystemDatabaseOptions.databases`).
 */
import type { SystemDatabase } from '../database.js';
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';

/** The database a request names, checked; with none, `home` (the user's home database, else the default). */
export function resolveDatabase(db: SystemDatabase, requested: string | null | undefined, home: string | null): string {
  const target = requested === undefined || requested === null || requested === '' ? (home ?? db.defaultDatabase) : requested;
  const name = target.toLowerCase();
  if (!db.databases.includes(name))
    throw new Neo4jError(StatusCode.DatabaseNotFound, `Database does not exist. Database name: '${target}'.`);
  return name;
}

/** A user's home database, or the default for a user without one. A home the DBMS lacks stays: using it is DatabaseNotFound. */
export function homeDatabase(db: SystemDatabase, user: string | null): string {
  return (user === null ? null : db.login(user)?.home) ?? db.defaultDatabase;
}
