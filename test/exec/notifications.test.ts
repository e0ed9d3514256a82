/**
 * Neo4j's notifications for commands that succeed: codes, GQLSTATUS, titles and descriptions as in
 * Neo4j's status-code documentation ("Role or privilege already assigned", "Home database not found", ...).
 */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/index.js';

import { externalAuthNotEnabled, homeNotFound, noEffect, providerNotDefined } from '../support/notifications.js';

function session(options: Parameters<typeof SystemDatabase.create>[0] = {}) {
  const s = SystemDatabase.create(options).session();
  s.run("CREATE USER jane SET PASSWORD 'jane-password'");
  s.run("CREATE USER `jane.doe` SET PASSWORD 'jane-password'");
  return s;
}

describe('a role or privilege already assigned, or not assigned', () => {
  it('GRANT ROLE: one notification per role and user that already had it, with names escaped as Neo4j prints them', () => {
    const s = session();
    s.run('GRANT ROLE reader TO jane');
    s.run('GRANT ROLES reader, editor TO jane, neo4j');
    expect(s.notifications).toEqual([noEffect('00N70', 'GRANT ROLE reader TO jane', 'The user already has the role.')]);
    s.run('GRANT ROLE editor TO `jane.doe`');
    s.run('GRANT ROLES editor, reader TO $u', { u: 'jane.doe' });
    expect(s.notifications).toEqual([noEffect('00N70', 'GRANT ROLE editor TO `jane.doe`', 'The user already has the role.')]);
  });

  it('REVOKE ROLE: the manual’s example, for the role the user does not have', () => {
    const s = session();
    s.run('GRANT ROLE admin TO jane');
    s.run('REVOKE ROLE admin, reader FROM jane');
    expect(s.notifications).toEqual([noEffect('00N71', 'REVOKE ROLE reader FROM jane', 'The user does not have the role.')]);
  });

  it('GRANT or DENY a privilege the role already has', () => {
    const s = session();
    s.run('GRANT CREATE USER ON DBMS TO reader, editor');
    expect(s.notifications).toEqual([]);
    s.run('GRANT CREATE USER ON DBMS TO reader');
    expect(s.notifications).toEqual([noEffect('00N70', 'GRANT CREATE USER ON DBMS TO reader', 'The role already has the privilege.')]);
    s.run('DENY SET PASSWORDS ON DBMS TO reader');
    s.run('DENY SET PASSWORD ON DBMS TO reader, editor');
    expect(s.notifications).toEqual([noEffect('00N70', 'DENY SET PASSWORD ON DBMS TO reader', 'The role already has the privilege.')]);
  });

  it('REVOKE a privilege the role does not have: GRANT and DENY are revoked as separate sub-commands', () => {
    const s = session();
    s.run('GRANT DROP USER ON DBMS TO reader');
    s.run('REVOKE DROP USER ON DBMS FROM reader');
    expect(s.notifications).toEqual([
      noEffect('00N71', 'REVOKE DENY DROP USER ON DBMS FROM reader', 'The role does not have the privilege.'),
    ]);
    s.run('REVOKE GRANT DROP USER ON DBMS FROM reader');
    expect(s.notifications).toEqual([
      noEffect('00N71', 'REVOKE GRANT DROP USER ON DBMS FROM reader', 'The role does not have the privilege.'),
    ]);
  });
});

describe('settings that refer to what the DBMS does not have', () => {
  it('a home database that does not exist (the manual’s example), on CREATE and ALTER', () => {
    const s = session();
    s.run("CREATE USER john SET PASSWORD 'secret-password' SET HOME DATABASE nej4");
    expect(s.notifications).toEqual([homeNotFound('nej4')]);
    s.run('ALTER USER john SET HOME DATABASE Neo4j');
    expect(s.notifications).toEqual([]);
    const configured = session({ databases: ['neo4j', 'sales'] });
    configured.run('ALTER USER jane SET HOME DATABASE sales');
    expect(configured.notifications).toEqual([]);
  });

  it('an external auth provider the configuration does not define, and external auth without require_local_user', () => {
    const s = session();
    s.run("CREATE USER foo SET AUTH 'unknownProvider' { SET ID 'idString' }");
    expect(s.notifications).toEqual([providerNotDefined('unknownProvider'), externalAuthNotEnabled]);
    const configured = session({ authProviders: ['oidc-mysso1'], requireLocalUser: true });
    configured.run("ALTER USER jane SET AUTH 'oidc-mysso1' { SET ID 'jane-sso' }");
    expect(configured.notifications).toEqual([]);
    configured.run("ALTER USER jane SET AUTH 'ldap' { SET ID 'jane-ldap' }");
    expect(configured.notifications).toEqual([providerNotDefined('ldap')]);
  });

  it('the configuration is part of the snapshot, and older snapshots without it get Neo4j’s defaults', () => {
    const db = SystemDatabase.create({ authProviders: ['ldap'], requireLocalUser: true });
    const restored = SystemDatabase.fromJSON(JSON.stringify(db.toJSON()));
    expect(restored.execute("CREATE USER foo SET AUTH 'ldap' { SET ID 'x' }").notifications).toEqual([]);
    const old = db.toJSON() as unknown as { config: Record<string, unknown> };
    delete old.config['authProviders'];
    delete old.config['requireLocalUser'];
    expect(SystemDatabase.fromJSON(old as never).execute("CREATE USER foo SET AUTH 'ldap' { SET ID 'x' }").notifications).toEqual([
      providerNotDefined('ldap'),
      externalAuthNotEnabled,
    ]);
  });
});

describe('where notifications appear', () => {
  it('in execute(), in each runScript entry, and never for a statement that failed', () => {
    const db = SystemDatabase.create();
    expect(db.execute("CREATE USER bob SET PASSWORD 'bob-password' SET HOME DATABASE nope").notifications).toEqual([homeNotFound('nope')]);
    const { statements } = db.runScript(
      'GRANT ROLE reader TO neo4j; GRANT ROLE reader TO neo4j; GRANT ROLE nobody TO neo4j; SHOW USERS YIELD user',
      {
        onError: 'continue',
      },
    );
    expect(statements.map((s) => s.notifications.map((n) => n.title))).toEqual([
      [],
      ['`GRANT ROLE reader TO neo4j` has no effect.'],
      [],
      [],
    ]);
    expect(statements[2]!.error?.message).toBe("Failed to grant role 'nobody' to user 'neo4j': Role does not exist.");
  });
});
