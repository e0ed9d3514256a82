/** GRANT and REVOKE ROLE over many roles and users: one sub-command per (role, user) pair, roles outer. */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';

import { noEffect } from '../support/notifications.js';

function setup() {
  const session = SystemDatabase.create().session();
  session.runScript(
    "CREATE ROLE a; CREATE ROLE b; CREATE ROLE c; CREATE USER x SET PASSWORD 'password1'; CREATE USER y SET PASSWORD 'password1'; GRANT ROLE b TO y",
  );
  return session;
}

const rolesOf = (session: ReturnType<typeof setup>) => session.run('SHOW USERS YIELD user, roles WHERE user <> "neo4j"').rows;

describe('GRANT ROLE a, b, c TO x, y', () => {
  it("grants every pair, sorts each user's roles, and notifies once per pair that changed nothing", () => {
    const session = setup();
    session.run('GRANT ROLE c, b, a, b TO x, y');
    const notifications = session.notifications;
    expect(rolesOf(session)).toEqual([
      ['x', ['a', 'b', 'c', 'PUBLIC']],
      ['y', ['a', 'b', 'c', 'PUBLIC']],
    ]);
    expect(notifications).toEqual([
      noEffect('00N70', 'GRANT ROLE b TO y', 'The user already has the role.'),
      noEffect('00N70', 'GRANT ROLE b TO x', 'The user already has the role.'),
      noEffect('00N70', 'GRANT ROLE b TO y', 'The user already has the role.'),
    ]);
  });

  it('REVOKE notifies per pair not held, in role-major order', () => {
    const session = setup();
    session.run('REVOKE ROLE a, b FROM x, y');
    const notifications = session.notifications;
    expect(rolesOf(session)).toEqual([
      ['x', ['PUBLIC']],
      ['y', ['PUBLIC']],
    ]);
    expect(notifications).toEqual([
      noEffect('00N71', 'REVOKE ROLE a FROM x', 'The user does not have the role.'),
      noEffect('00N71', 'REVOKE ROLE a FROM y', 'The user does not have the role.'),
      noEffect('00N71', 'REVOKE ROLE b FROM x', 'The user does not have the role.'),
    ]);
  });

  it('a failing pair fails the statement and changes nothing, even after pairs that succeeded', () => {
    const session = setup();
    expect(() => session.run('GRANT ROLE a, nope TO x, y')).toThrow("Failed to grant role 'nope' to user 'x': Role does not exist.");
    expect(() => session.run('GRANT ROLE a TO x, ghost')).toThrow("Failed to grant role 'a' to user 'ghost': User does not exist.");
    expect(rolesOf(session)).toEqual([
      ['x', ['PUBLIC']],
      ['y', ['b', 'PUBLIC']],
    ]);
  });
});
