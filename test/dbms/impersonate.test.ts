/**
 * Who may impersonate whom, from the stored IMPERSONATE privileges (Neo4j's operations manual, "The DBMS
 * IMPERSONATE privileges": granted to a role of the user, PUBLIC included, or through ALL DBMS
 * PRIVILEGES; a DENY on any role wins). The Bolt and HTTP layers call Dbms.mayImpersonate.
 */
import { describe, expect, it } from 'vitest';
import { Dbms, SystemDatabase } from '../../src/index.js';

function dbmsWith(script: string): Dbms {
  const db = SystemDatabase.create().runScript(
    `CREATE USER ann SET PASSWORD 'ann-password' CHANGE NOT REQUIRED; CREATE USER bob SET PASSWORD 'bob-password';
     CREATE USER cy SET PASSWORD 'cy-password'; CREATE ROLE r; CREATE ROLE s; GRANT ROLES r, s TO ann; ${script}`,
    { user: null },
  ).db;
  return new Dbms(db);
}

describe('Dbms.mayImpersonate', () => {
  it.each([
    ['nothing granted', '', false, false],
    ['IMPERSONATE (bob)', 'GRANT IMPERSONATE (bob) ON DBMS TO r', true, false],
    ['IMPERSONATE (*)', 'GRANT IMPERSONATE (*) ON DBMS TO r', true, true],
    ['IMPERSONATE with no users is (*)', 'GRANT IMPERSONATE ON DBMS TO r', true, true],
    ['granted to PUBLIC', 'GRANT IMPERSONATE (bob, cy) ON DBMS TO PUBLIC', true, true],
    ['ALL DBMS PRIVILEGES includes it', 'GRANT ALL DBMS PRIVILEGES ON DBMS TO r', true, true],
    ['a DENY on another role wins', 'GRANT IMPERSONATE (*) ON DBMS TO r; DENY IMPERSONATE (bob) ON DBMS TO s', false, true],
    ['DENY (*) wins over a named GRANT', 'GRANT IMPERSONATE (bob) ON DBMS TO r; DENY IMPERSONATE (*) ON DBMS TO s', false, false],
    ['DENY ALL DBMS PRIVILEGES wins', 'GRANT IMPERSONATE (*) ON DBMS TO r; DENY ALL DBMS PRIVILEGES ON DBMS TO s', false, false],
    ['revoked', 'GRANT IMPERSONATE (*) ON DBMS TO r; REVOKE IMPERSONATE (*) ON DBMS FROM r', false, false],
    ['a suspended user holds nothing', 'GRANT IMPERSONATE (*) ON DBMS TO r; ALTER USER ann SET STATUS SUSPENDED', false, false],
  ])('%s', (_, script, bob, cy) => {
    const dbms = dbmsWith(script);
    expect([dbms.mayImpersonate('ann', 'bob'), dbms.mayImpersonate('ann', 'cy')]).toEqual([bob, cy]);
  });

  it('the admin role may (ALL DBMS PRIVILEGES), an unknown user may not, and with auth disabled anyone may', () => {
    const dbms = dbmsWith('GRANT ROLE admin TO cy');
    expect([dbms.mayImpersonate('cy', 'bob'), dbms.mayImpersonate('nobody', 'bob'), dbms.mayImpersonate(null, 'bob')]).toEqual([
      true,
      false,
      true,
    ]);
  });

  it('shows IMPERSONATE as Neo4j does: one row per user, segment USER(name), resource database', () => {
    const db = dbmsWith('GRANT IMPERSONATE (bob, `we ird`) ON DBMS TO r').current;
    const show = (q: string) => db.execute(q, {}, { user: null }).result.rows;
    expect(show('SHOW ROLE r PRIVILEGES YIELD access, action, resource, graph, segment')).toEqual([
      ['GRANTED', 'impersonate', 'database', '*', 'USER(bob)'],
      ['GRANTED', 'impersonate', 'database', '*', 'USER(we ird)'],
    ]);
    expect(show('SHOW ROLE r PRIVILEGES AS COMMANDS')).toEqual([
      ['GRANT IMPERSONATE (`we ird`) ON DBMS TO `r`'],
      ['GRANT IMPERSONATE (bob) ON DBMS TO `r`'],
    ]);
  });
});
