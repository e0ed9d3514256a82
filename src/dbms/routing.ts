/**
 * Which database a statement runs against. Neo4j routes administration commands sent to any
 * database to `system` (the spec says so of Bolt); the probe queries answer on any database; a
 * database the DBMS does not have is DatabaseNotFound. Names are case-insensitive, as Neo4j's are.
 */
import { Neo4jError } from '../diagnostics/neo4j-error.js';
import { StatusCode } from '../diagnostics/codes.js';

export interface DatabasesOptions {
  /** The databases the DBMS has (default `system` and `neo4j`); `system` is always one of them. */
  readonly databases?: readonly string[];
  /** The DBMS default database (`initial.dbms.default_database`, default `neo4j`): the home of users without one. */
  readonly defaultDatabase?: string;
}

export class Databases {
  readonly names: readonly string[];
  readonly defaultDatabase: string;

  constructor(options: DatabasesOptions) {
    const names = (options.databases ?? ['system', 'neo4j']).map((name) => name.toLowerCase());
    this.names = [...new Set(['system', ...names])];
    this.defaultDatabase = (options.defaultDatabase ?? 'neo4j').toLowerCase();
    if (!this.names.includes(this.defaultDatabase)) this.names = [...this.names, this.defaultDatabase];
  }

  /** The database a request names, checked; with none, the user's home database (or the default). */
  resolve(requested: string | null | undefined, home: string | null): string {
    const target = requested === undefined || requested === null || requested === '' ? this.home(home) : requested;
    const name = target.toLowerCase();
    if (!this.names.includes(name)) {
      throw new Neo4jError(StatusCode.DatabaseNotFound, `Database does not exist. Database name: '${target}'.`);
    }
    return name;
  }

  /** A user's home database, or the default for a user without one. A home the DBMS lacks stays: using it is DatabaseNotFound. */
  home(home: string | null): string {
    return home ?? this.defaultDatabase;
  }
}
