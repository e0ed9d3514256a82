/**
 * Random privilege setups against a small reference model of Neo4j's rules: a command runs exactly
 * when every privilege it needs is granted (directly or through an including privilege) to one of
 * the user's roles, PUBLIC included, and denied to none of them; otherwise it fails with Forbidden,
 * "denied" when a DENY applies and "has not been granted" otherwise.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Neo4jError } from '../../src/index.js';
import { freshSession } from '../support/db.js';

/** The model's own copy of Neo4j's hierarchy: each privilege and what it directly includes. */
const INCLUDES: Record<string, readonly string[]> = {
  'ALL DBMS PRIVILEGES': ['USER MANAGEMENT', 'ROLE MANAGEMENT', 'PRIVILEGE MANAGEMENT', 'USER METADATA MANAGEMENT'],
  'USER MANAGEMENT': ['CREATE USER', 'DROP USER', 'RENAME USER', 'ALTER USER', 'SHOW USER'],
  'ALTER USER': ['SET PASSWORDS', 'SET AUTH', 'SET USER STATUS', 'SET USER HOME DATABASE'],
  'USER METADATA MANAGEMENT': ['SET USER METADATA', 'SHOW USER METADATA'],
  'ROLE MANAGEMENT': ['CREATE ROLE', 'DROP ROLE', 'RENAME ROLE', 'ASSIGN ROLE', 'REMOVE ROLE', 'SHOW ROLE'],
  'PRIVILEGE MANAGEMENT': ['SHOW PRIVILEGE', 'ASSIGN PRIVILEGE', 'REMOVE PRIVILEGE'],
};
const PRIVILEGES = [...new Set([...Object.keys(INCLUDES), ...Object.values(INCLUDES).flat()])];

function covers(privilege: string, needed: string): boolean {
  return privilege === needed || (INCLUDES[privilege] ?? []).some((child) => covers(child, needed));
}

const COMMANDS: readonly { statement: string; needs: readonly string[] }[] = [
  { statement: "CREATE USER x SET PASSWORD 'abcd1234'", needs: ['CREATE USER'] },
  { statement: "CREATE USER x SET PASSWORD 'abcd1234' SET TAGS 'a'", needs: ['CREATE USER', 'SET USER METADATA'] },
  { statement: 'DROP USER victim', needs: ['DROP USER'] },
  { statement: 'RENAME USER victim TO v2', needs: ['RENAME USER'] },
  { statement: "ALTER USER victim SET PASSWORD 'new-password' SET STATUS SUSPENDED", needs: ['SET PASSWORDS', 'SET USER STATUS'] },
  { statement: "ALTER USER victim REMOVE HOME DATABASE SET AUTH 'oidc' {SET ID 'v'}", needs: ['SET AUTH', 'SET USER HOME DATABASE'] },
  { statement: "ALTER USER victim REMOVE ALL TAGS ADD TAGS 'b'", needs: ['SET USER METADATA'] },
  { statement: 'SHOW USERS', needs: ['SHOW USER'] },
  { statement: 'SHOW ROLES WITH USERS', needs: ['SHOW ROLE', 'SHOW USER'] },
  { statement: 'CREATE ROLE fresh', needs: ['CREATE ROLE'] },
  { statement: 'CREATE OR REPLACE ROLE other', needs: ['CREATE ROLE', 'DROP ROLE'] },
  { statement: 'RENAME ROLE other TO other2', needs: ['RENAME ROLE'] },
  { statement: 'GRANT ROLE other TO victim', needs: ['ASSIGN ROLE'] },
  { statement: 'REVOKE ROLE other FROM victim', needs: ['REMOVE ROLE'] },
  { statement: 'SHOW PRIVILEGES', needs: ['SHOW PRIVILEGE'] },
  { statement: 'SHOW USER victim PRIVILEGES', needs: ['SHOW PRIVILEGE', 'SHOW USER'] },
  { statement: 'GRANT SHOW ROLE ON DBMS TO other', needs: ['ASSIGN PRIVILEGE'] },
  { statement: 'REVOKE SHOW ROLE ON DBMS FROM other', needs: ['REMOVE PRIVILEGE'] },
];

type Change = {
  readonly verb: 'GRANT' | 'DENY' | 'REVOKE GRANT' | 'REVOKE DENY' | 'REVOKE';
  readonly privilege: string;
  readonly role: string;
};
const ROLES = ['r0', 'r1', 'r2', 'PUBLIC'];

const change: fc.Arbitrary<Change> = fc.record({
  verb: fc.constantFrom('GRANT' as const, 'DENY' as const, 'REVOKE GRANT' as const, 'REVOKE DENY' as const, 'REVOKE' as const),
  privilege: fc.constantFrom(...PRIVILEGES),
  role: fc.constantFrom(...ROLES),
});

describe('privilege enforcement against a reference model', () => {
  it('a command runs exactly when the model allows it, and fails as the model says otherwise', () => {
    fc.assert(
      fc.property(
        fc.subarray(['r0', 'r1', 'r2']),
        fc.array(change, { maxLength: 12 }),
        fc.constantFrom(...COMMANDS),
        fc.boolean(),
        (annRoles, changes, command, suspended) => {
          const admin = freshSession();
          admin.runScript(`
            CREATE USER ann SET PASSWORD 'ann-password' CHANGE NOT REQUIRED;
            CREATE USER victim SET PASSWORD 'victim-password' SET TAGS 'x';
            CREATE ROLE r0; CREATE ROLE r1; CREATE ROLE r2; CREATE ROLE other;
            GRANT ROLE other TO victim;
          `);
          for (const role of annRoles) admin.run(`GRANT ROLE ${role} TO ann`);
          // Privileges change with authentication disabled: a DENY to PUBLIC would otherwise lock the admin out too.
          const root = admin.db.session({ user: null });
          const grants = new Set<string>();
          const denies = new Set<string>();
          for (const c of changes) {
            const text = c.verb.startsWith('REVOKE')
              ? `${c.verb} ${c.privilege} ON DBMS FROM ${c.role}`
              : `${c.verb} ${c.privilege} ON DBMS TO ${c.role}`;
            root.run(text);
            const key = `${c.role}|${c.privilege}`;
            if (c.verb === 'GRANT') grants.add(key);
            if (c.verb === 'DENY') denies.add(key);
            if (c.verb === 'REVOKE GRANT' || c.verb === 'REVOKE') grants.delete(key);
            if (c.verb === 'REVOKE DENY' || c.verb === 'REVOKE') denies.delete(key);
          }
          if (suspended) root.run('ALTER USER ann SET STATUS SUSPENDED');

          const held = suspended ? [] : [...annRoles, 'PUBLIC'];
          const has = (set: Set<string>, needed: string) =>
            held.some((role) => PRIVILEGES.some((p) => set.has(`${role}|${p}`) && covers(p, needed)));
          const deniedNeeds = command.needs.filter((n) => has(denies, n));
          const missing = command.needs.filter((n) => !has(grants, n));

          let error: Neo4jError | null = null;
          try {
            root.db.session({ user: 'ann' }).run(command.statement);
          } catch (caught) {
            if (!(caught instanceof Neo4jError)) throw caught;
            error = caught;
          }
          if (deniedNeeds.length === 0 && missing.length === 0) {
            expect(error, `${command.statement} should run`).toBeNull();
          } else {
            expect(error?.code).toBe('Neo.ClientError.Security.Forbidden');
            const expected =
              deniedNeeds.length > 0
                ? `Permission denied for ${[...deniedNeeds].sort().join(' and/or ')}.`
                : `Permission has not been granted for ${[...missing].sort().join(' and/or ')}.`;
            expect(error?.message.startsWith(expected), `${error?.message} / ${expected}`).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
