/** The Bolt server state machine, message by message, without sockets. */
import { describe, expect, it } from 'vitest';
import { Dbms, SystemDatabase } from '../../../src/index.js';
import { BoltMachine, type Reply } from '../../../src/server/bolt/machine.js';
import type { RequestMessage } from '../../../src/server/bolt/messages.js';
import type { BoltVersion } from '../../../src/server/bolt/version.js';

const V58: BoltVersion = { major: 5, minor: 8 };

function dict(entries: Record<string, unknown> = {}): Map<string, never> {
  return new Map(
    Object.entries(entries).map(([k, v]) => [
      k,
      (v instanceof Object && !Array.isArray(v) && !(v instanceof Map) ? dict(v as Record<string, unknown>) : v) as never,
    ]),
  );
}

const hello = (extra: Record<string, unknown> = {}): RequestMessage => ({ kind: 'HELLO', extra: dict({ user_agent: 'test/1', ...extra }) });
const logon = (principal: string, credentials: string): RequestMessage => ({
  kind: 'LOGON',
  auth: dict({ scheme: 'basic', principal, credentials }),
});
const run = (query: string, parameters: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): RequestMessage => ({
  kind: 'RUN',
  query,
  parameters: dict(parameters),
  extra: dict(extra),
});
const pull = (n = -1n, qid = -1n): RequestMessage => ({ kind: 'PULL', n, qid });

/** A DBMS whose neo4j has changed the initial password to 'neo4j-secret'. */
function dbms(): Dbms {
  const d = new Dbms(SystemDatabase.create());
  d.session({ user: 'neo4j' }).run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'neo4j-secret'");
  return d;
}

function machine(options: { dbms?: Dbms; version?: BoltVersion; manifest?: boolean; authEnabled?: boolean } = {}) {
  const failedLogins: string[] = [];
  const m = new BoltMachine({
    dbms: options.dbms ?? dbms(),
    authEnabled: options.authEnabled ?? true,
    version: options.version ?? V58,
    manifest: options.manifest ?? true,
    connectionId: 'bolt-7',
    address: '127.0.0.1:7687',
    onFailedLogin: (user, reason) => failedLogins.push(`${user}: ${reason}`),
  });
  return { m, failedLogins };
}

/** A machine logged in as neo4j. */
function ready(options: Parameters<typeof machine>[0] = {}) {
  const made = machine(options);
  made.m.handle(hello());
  made.m.handle(logon('neo4j', 'neo4j-secret'));
  return made.m;
}

const kinds = (replies: readonly Reply[]) => replies.map((r) => r.kind);
function failureOf(reply: Reply | undefined) {
  if (reply?.kind !== 'FAILURE') throw new Error(`expected a FAILURE, got ${reply?.kind}`);
  return reply.error;
}

describe('HELLO and LOGON', () => {
  it('answer with the agent, connection id and, after a manifest handshake, the protocol version', () => {
    const { m } = machine();
    expect(m.handle(hello())).toEqual({
      replies: [{ kind: 'SUCCESS', metadata: { server: 'Neo4j/2026.06.0', connection_id: 'bolt-7', hints: {}, protocol_version: '5.8' } }],
      close: false,
    });
    expect(m.state).toBe('AUTHENTICATION');
    expect(m.handle(logon('neo4j', 'neo4j-secret'))).toEqual({ replies: [{ kind: 'SUCCESS', metadata: {} }], close: false });
    expect(m.state).toBe('READY');
  });

  it('leave protocol_version out after a legacy handshake', () => {
    const { m } = machine({ manifest: false });
    expect(m.handle(hello()).replies[0]).toEqual({
      kind: 'SUCCESS',
      metadata: { server: 'Neo4j/2026.06.0', connection_id: 'bolt-7', hints: {} },
    });
  });

  it('refuse a wrong password with Neo4j’s one Unauthorized, close, and log the user but not the password', () => {
    const { m, failedLogins } = machine();
    m.handle(hello());
    const handled = m.handle(logon('neo4j', 'wrong-password'));
    expect(handled.close).toBe(true);
    expect(failureOf(handled.replies[0])).toEqual({
      neo4jCode: 'Neo.ClientError.Security.Unauthorized',
      message: 'The client is unauthorized due to authentication failure.',
      gqlStatus: '42NFF',
      description:
        'error: syntax error or access rule violation - permission/access denied. The client is unauthorized due to authentication failure.',
      classification: 'CLIENT_ERROR',
    });
    expect(failedLogins).toEqual(['neo4j: Neo.ClientError.Security.Unauthorized']);
    expect(m.state).toBe('DEFUNCT');
  });

  it('refuse schemes other than basic', () => {
    const { m } = machine();
    m.handle(hello());
    const handled = m.handle({ kind: 'LOGON', auth: dict({ scheme: 'bearer', credentials: 'token' }) });
    expect(failureOf(handled.replies[0]).message).toBe("Unsupported authentication token, scheme 'bearer' is not supported.");
    expect(handled.close).toBe(true);
  });

  it('log in with the token in HELLO on Bolt 5.0', () => {
    const { m } = machine({ version: { major: 5, minor: 0 }, manifest: false });
    expect(kinds(m.handle(hello({ scheme: 'basic', principal: 'neo4j', credentials: 'neo4j-secret' })).replies)).toEqual(['SUCCESS']);
    expect(m.state).toBe('READY');
  });

  it('accept anything with authentication disabled, and run statements with auth disabled', () => {
    const { m } = machine({ dbms: new Dbms(), authEnabled: false });
    m.handle(hello());
    expect(m.handle({ kind: 'LOGON', auth: dict({ scheme: 'none' }) }).replies).toEqual([{ kind: 'SUCCESS', metadata: {} }]);
    m.handle(run("CREATE USER alice SET PASSWORD 'alice-secret'"));
    expect(kinds(m.handle(pull()).replies)).toEqual(['SUCCESS']);
  });

  it('LOGOFF returns to AUTHENTICATION, where another user may log on', () => {
    const m = ready();
    expect(m.handle({ kind: 'LOGOFF' }).replies).toEqual([{ kind: 'SUCCESS', metadata: {} }]);
    expect(m.state).toBe('AUTHENTICATION');
    expect(m.handle(logon('neo4j', 'neo4j-secret')).close).toBe(false);
  });
});

describe('auto-commit RUN and PULL', () => {
  it('stream SHOW USERS as Neo4j does: fields, records, then the summary with the main GQL status', () => {
    const m = ready();
    expect(m.handle(run('SHOW USERS', {}, { db: 'system' }))).toEqual({
      replies: [{ kind: 'SUCCESS', metadata: { fields: ['user', 'roles', 'passwordChangeRequired', 'suspended', 'home'], t_first: 0n } }],
      close: false,
    });
    expect(m.state).toBe('STREAMING');
    const replies = m.handle(pull()).replies;
    expect(replies[0]).toEqual({ kind: 'RECORD', values: ['neo4j', ['admin', 'PUBLIC'], false, false, null] });
    expect(replies[1]).toEqual({
      kind: 'SUCCESS',
      metadata: {
        type: 'r',
        t_last: 0n,
        db: 'system',
        bookmark: 'FB:sysdb:1',
        statuses: [
          {
            gql_status: '00000',
            status_description: 'note: successful completion',
            // All of its diagnostic record is default, which Neo4j leaves out (DefaultMetadataHandler).
          },
        ],
      },
    });
    expect(m.state).toBe('READY');
  });

  it('report the database on 5.8 when the client named none', () => {
    const m = ready();
    expect(m.handle(run('SHOW CURRENT USER YIELD user')).replies[0]).toEqual({
      kind: 'SUCCESS',
      metadata: { fields: ['user'], t_first: 0n, db: 'neo4j' },
    });
  });

  it('count system updates of an administration command, with an omitted-result status', () => {
    const m = ready();
    m.handle(run('CREATE USER alice SET PASSWORD $p', { p: 'alice-secret' }));
    expect(m.handle(pull()).replies).toEqual([
      {
        kind: 'SUCCESS',
        metadata: {
          type: 's',
          t_last: 0n,
          db: 'neo4j',
          bookmark: 'FB:sysdb:2',
          stats: { 'system-updates': 1n, 'contains-system-updates': true },
          statuses: [
            {
              gql_status: '00001',
              status_description: 'note: successful completion - omitted result',
            },
          ],
        },
      },
    ]);
  });

  it('pull n records at a time with has_more', () => {
    const d = dbms();
    for (const name of ['a', 'b']) d.session().run(`CREATE USER ${name} SET PASSWORD '${name}-secret-1'`);
    const m = ready({ dbms: d });
    m.handle(run('SHOW USERS YIELD user'));
    expect(m.handle(pull(2n)).replies).toEqual([
      { kind: 'RECORD', values: ['a'] },
      { kind: 'RECORD', values: ['b'] },
      { kind: 'SUCCESS', metadata: { has_more: true } },
    ]);
    expect(m.state).toBe('STREAMING');
    expect(kinds(m.handle(pull(2n)).replies)).toEqual(['RECORD', 'SUCCESS']);
    expect(m.state).toBe('READY');
  });

  it('DISCARD ends the stream without records', () => {
    const m = ready();
    m.handle(run('SHOW USERS'));
    expect(kinds(m.handle({ kind: 'DISCARD', n: -1n, qid: -1n }).replies)).toEqual(['SUCCESS']);
    expect(m.state).toBe('READY');
  });

  it('keep INTEGER and FLOAT parameters apart', () => {
    const m = ready();
    m.handle(run('SHOW USERS YIELD user RETURN $i AS i, $f AS f', { i: 7n, f: 7 }));
    expect(m.handle(pull()).replies[0]).toEqual({ kind: 'RECORD', values: [7n, 7] });
  });

  it('send notifications as GQL statuses on 5.6+, and as notifications before', () => {
    for (const [version, key] of [
      [{ major: 5, minor: 6 }, 'statuses'],
      [{ major: 5, minor: 4 }, 'notifications'],
    ] as const) {
      const m = ready({ version });
      m.handle(run('GRANT ROLE admin TO neo4j'));
      const summary = m.handle(pull()).replies[0];
      if (summary?.kind !== 'SUCCESS') throw new Error('no summary');
      const metadata = summary.metadata as Record<string, unknown>;
      expect(Object.keys(metadata)).toContain(key);
      if (key === 'notifications') {
        expect(metadata['notifications']).toEqual([
          {
            code: 'Neo.ClientNotification.Security.CommandHasNoEffect',
            title: '`GRANT ROLE admin TO neo4j` has no effect.',
            description: 'The user already has the role. See Status Codes documentation for more information.',
            severity: 'INFORMATION',
            category: 'SECURITY',
          },
        ]);
      } else {
        expect((metadata['statuses'] as unknown[])[1]).toEqual({
          gql_status: '00N70',
          status_description:
            'note: successful completion - role or privilege already assigned. `GRANT ROLE admin TO neo4j` has no effect. The role or privilege is already assigned.',
          neo4j_code: 'Neo.ClientNotification.Security.CommandHasNoEffect',
          title: '`GRANT ROLE admin TO neo4j` has no effect.',
          description: 'The user already has the role. See Status Codes documentation for more information.',
          // Default entries left out, the empty position (-1, -1, -1) with them (DefaultMetadataHandler).
          diagnostic_record: { _severity: 'INFORMATION', _classification: 'SECURITY' },
        });
      }
    }
  });
});

describe('failures', () => {
  it('fail the statement, IGNORE what follows until RESET, and leave the database as it was', () => {
    const d = dbms();
    const before = d.current;
    const m = ready({ dbms: d });
    const failed = m.handle(run('CREATE USER neo4j SET PASSWORD $p', { p: 'whatever-1' }));
    expect(failureOf(failed.replies[0])).toMatchObject({
      neo4jCode: 'Neo.ClientError.Statement.ArgumentError',
      message: "Failed to create the specified user 'neo4j': User already exists.",
    });
    expect(failed.close).toBe(false);
    expect(m.state).toBe('FAILED');
    expect(m.handle(pull()).replies).toEqual([{ kind: 'IGNORED' }]);
    expect(m.handle({ kind: 'RESET' }).replies).toEqual([{ kind: 'SUCCESS', metadata: {} }]);
    expect(m.state).toBe('READY');
    expect(d.current).toBe(before);
  });

  it('send what cypher-sysdb does not support as Neo4j’s UnsupportedOperationError', () => {
    const m = ready();
    expect(failureOf(m.handle(run('CREATE DATABASE foo')).replies[0])).toMatchObject({
      neo4jCode: 'Neo.ClientError.Statement.UnsupportedOperationError',
      gqlStatus: '51N26',
      classification: 'CLIENT_ERROR',
    });
  });

  it('run RUN and BEGIN as imp_user, with its privileges, updating commands refused (rules: test/dbms/run-as.test.ts)', () => {
    const d = dbms();
    d.session({ user: 'neo4j' }).runScript(
      "CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED SET HOME DATABASE system; GRANT IMPERSONATE (alice) ON DBMS TO PUBLIC",
    );
    const m = ready({ dbms: d });
    m.handle(run('SHOW CURRENT USER YIELD user', {}, { imp_user: 'alice' }));
    expect(m.handle(pull()).replies[0]).toEqual({ kind: 'RECORD', values: ['alice'] });
    // alice (PUBLIC only) may not SHOW USERS: her context decides, not neo4j's.
    expect(failureOf(m.handle(run('SHOW USERS', {}, { imp_user: 'alice' })).replies[0])).toMatchObject({
      neo4jCode: 'Neo.ClientError.Security.Forbidden',
    });
    m.handle({ kind: 'RESET' });
    m.handle({ kind: 'BEGIN', extra: dict({ imp_user: 'alice' }) });
    expect(
      failureOf(m.handle(run('ALTER CURRENT USER SET PASSWORD FROM $o TO $n', { o: 'alice-secret', n: 'x-secret-1' })).replies[0]),
    ).toEqual({
      neo4jCode: 'Neo.ClientError.Security.Forbidden',
      message: 'Not allowed to run updating system commands when impersonating a user.',
      gqlStatus: '42NFF',
      description:
        'error: syntax error or access rule violation - permission/access denied. Not allowed to run updating system commands when impersonating a user.',
      classification: 'CLIENT_ERROR',
    });
    m.handle({ kind: 'RESET' });
    // ROUTE resolves the impersonated user's home database.
    const route = m.handle({ kind: 'ROUTE', routing: dict(), bookmarks: [], extra: dict({ imp_user: 'alice' }) }).replies[0];
    expect(route).toMatchObject({ kind: 'SUCCESS', metadata: { rt: { db: 'system' } } });
    expect(
      failureOf(m.handle({ kind: 'ROUTE', routing: dict(), bookmarks: [], extra: dict({ imp_user: 'nobody' }) }).replies[0]),
    ).toMatchObject({
      neo4jCode: 'Neo.ClientError.Security.Forbidden',
      message: 'Permission denied.',
    });
  });

  it('refuse an updating command in mode "r" with Neo4j’s AccessMode error', () => {
    const m = ready();
    expect(failureOf(m.handle(run('CREATE ROLE r', {}, { mode: 'r' })).replies[0])).toMatchObject({
      neo4jCode: 'Neo.ClientError.Statement.AccessMode',
      message: 'Writing in read access mode not allowed. Attempted write to system',
      gqlStatus: '08N03',
    });
    m.handle({ kind: 'RESET' });
    m.handle({ kind: 'BEGIN', extra: dict({ mode: 'r' }) });
    expect(failureOf(m.handle(run('CREATE ROLE r')).replies[0]).neo4jCode).toBe('Neo.ClientError.Statement.AccessMode');
    m.handle({ kind: 'RESET' });
    m.handle(run('CREATE ROLE r', {}, { mode: 'w' }));
    expect(kinds(m.handle(pull()).replies)).toEqual(['SUCCESS']);
  });

  it('close on a message the state does not allow, with Neo4j’s text', () => {
    const { m } = machine();
    const handled = m.handle(run('SHOW USERS'));
    expect(handled.close).toBe(true);
    expect(failureOf(handled.replies[0])).toMatchObject({
      neo4jCode: 'Neo.ClientError.Request.Invalid',
      message: "Message 'RUN' cannot be handled by a session in the NEGOTIATION state.",
    });
  });

  it('let a user whose password must change log in, but run nothing but the change', () => {
    const { m } = machine({ dbms: new Dbms() });
    m.handle(hello());
    expect(m.handle(logon('neo4j', 'neo4j')).close).toBe(false);
    expect(failureOf(m.handle(run('SHOW USERS')).replies[0]).neo4jCode).toBe('Neo.ClientError.Security.CredentialsExpired');
    m.handle({ kind: 'RESET' });
    m.handle(run('ALTER CURRENT USER SET PASSWORD FROM $old TO $new', { old: 'neo4j', new: 'neo4j-secret' }, { db: 'system' }));
    expect(kinds(m.handle(pull()).replies)).toEqual(['SUCCESS']);
    m.handle(run('SHOW USERS'));
    expect(kinds(m.handle(pull()).replies)).toEqual(['RECORD', 'SUCCESS']);
  });
});

describe('explicit transactions', () => {
  it('BEGIN, RUN with qids, PULL, COMMIT with a bookmark; the commit is visible to other sessions', () => {
    const d = dbms();
    const m = ready({ dbms: d });
    expect(m.handle({ kind: 'BEGIN', extra: dict({ db: 'system' }) }).replies).toEqual([{ kind: 'SUCCESS', metadata: {} }]);
    expect(m.handle(run("CREATE USER alice SET PASSWORD 'alice-secret'")).replies).toEqual([
      { kind: 'SUCCESS', metadata: { fields: [], t_first: 0n, qid: 0n } },
    ]);
    expect(m.handle(run('SHOW USERS YIELD user')).replies).toEqual([
      { kind: 'SUCCESS', metadata: { fields: ['user'], t_first: 0n, qid: 1n } },
    ]);
    expect(kinds(m.handle(pull(-1n, 0n)).replies)).toEqual(['SUCCESS']);
    expect(m.state).toBe('TX_STREAMING');
    const shown = m.handle(pull());
    expect(shown.replies.slice(0, 2)).toEqual([
      { kind: 'RECORD', values: ['alice'] },
      { kind: 'RECORD', values: ['neo4j'] },
    ]);
    expect(shown.replies[2]).toMatchObject({ kind: 'SUCCESS', metadata: { type: 'r', db: 'system' } });
    expect(m.state).toBe('TX_READY');
    expect(d.session().run('SHOW USERS YIELD user').result.rows).toEqual([['neo4j']]);
    expect(m.handle({ kind: 'COMMIT' }).replies).toEqual([{ kind: 'SUCCESS', metadata: { bookmark: 'FB:sysdb:2' } }]);
    expect(d.session().run('SHOW USERS YIELD user').result.rows).toEqual([['alice'], ['neo4j']]);
  });

  it('report the database of BEGIN on 5.8 when the client named none', () => {
    const m = ready();
    expect(m.handle({ kind: 'BEGIN', extra: dict() }).replies).toEqual([{ kind: 'SUCCESS', metadata: { db: 'neo4j' } }]);
  });

  it('ROLLBACK and RESET discard the transaction', () => {
    const d = dbms();
    const m = ready({ dbms: d });
    for (const end of [{ kind: 'ROLLBACK' }, { kind: 'RESET' }] as const) {
      m.handle({ kind: 'BEGIN', extra: dict() });
      m.handle(run("CREATE USER alice SET PASSWORD 'alice-secret'"));
      expect(m.handle(end).replies).toEqual([{ kind: 'SUCCESS', metadata: {} }]);
      expect(m.state).toBe('READY');
    }
    expect(d.session().run('SHOW USERS YIELD user').result.rows).toEqual([['neo4j']]);
  });

  it('fail a BEGIN on a database the DBMS does not have', () => {
    const m = ready();
    expect(failureOf(m.handle({ kind: 'BEGIN', extra: dict({ db: 'nope' }) }).replies[0])).toMatchObject({
      neo4jCode: 'Neo.ClientError.Database.DatabaseNotFound',
      message: "Database does not exist. Database name: 'nope'.",
    });
  });
});

describe('ROUTE', () => {
  it('gives a one-server table, at the address the client dialled, for the user’s home database', () => {
    const { m } = machine();
    m.handle(hello({ routing: { address: 'localhost:9999' } }));
    m.handle(logon('neo4j', 'neo4j-secret'));
    const addresses = ['localhost:9999'];
    expect(m.handle({ kind: 'ROUTE', routing: dict({ address: 'localhost:9999' }), bookmarks: [], extra: dict() }).replies).toEqual([
      {
        kind: 'SUCCESS',
        metadata: {
          rt: {
            ttl: 300n,
            db: 'neo4j',
            servers: [
              { addresses, role: 'ROUTE' },
              { addresses, role: 'READ' },
              { addresses, role: 'WRITE' },
            ],
          },
        },
      },
    ]);
  });
});

describe('GOODBYE', () => {
  it('closes with no reply', () => {
    expect(ready().handle({ kind: 'GOODBYE' })).toEqual({ replies: [], close: true });
  });
});
