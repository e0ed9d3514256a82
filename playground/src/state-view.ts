/** The users and roles panels' contents, as SHOW reports them: no password ever appears there. */
import type { QueryResult, SystemDatabase } from '../../src/index.js';

export interface StateTables {
  readonly users: Pick<QueryResult, 'columns' | 'rows'>;
  readonly roles: Pick<QueryResult, 'columns' | 'rows'>;
}

export function stateTables(db: SystemDatabase): StateTables {
  const users = db.execute(
    'SHOW USERS WITH AUTH YIELD user, roles, suspended, home, tags, provider RETURN user, roles, suspended, home, tags, collect(provider) AS auth',
  ).result;
  const roles = db.execute('SHOW ROLES WITH USERS YIELD role, member RETURN role, collect(member) AS members').result;
  return { users: { columns: users.columns, rows: users.rows }, roles: { columns: roles.columns, rows: roles.rows } };
}
