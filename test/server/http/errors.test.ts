/**
 * Every error the Query API answers, as Neo4j answers it: the status, the `{"errors":[{code,
 * message}]}` body, and the headers (WWW-Authenticate on the 401s; the auth filter's own
 * Content-Type).
 */
import { describe, expect, it } from 'vitest';
import { ADMIN, basic, call, errors, PASSWORD, startHttp } from '../../support/http.js';

const FILTER_JSON = 'application/json; charset=UTF-8';
const CHALLENGE = 'Basic realm="Neo4j", Bearer realm="Neo4j"';
const SHOW = { statement: 'SHOW USERS YIELD user' };

describe('authentication, on every request', () => {
  it('401 without an Authorization header, with the challenge (None for Neo4j Browser)', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', { headers: { authorization: '' }, body: SHOW });
    expect(answer.status).toBe(401);
    expect(answer.headers).toMatchObject({ 'content-type': FILTER_JSON, 'www-authenticate': CHALLENGE });
    expect(answer.json).toEqual(errors('Neo.ClientError.Security.Unauthorized', 'No authentication header supplied.'));
    const browser = await call(url, '/db/system/query/v2', { headers: { authorization: '', 'x-ajax-browser-auth': 'true' }, body: SHOW });
    expect(browser.headers['www-authenticate']).toBe('None');
  });

  it.each([
    ['a wrong password', basic('neo4j', 'wrong-secret')],
    ['an unknown user', basic('nobody', PASSWORD)],
    ['an empty password', basic('neo4j', '')],
  ])('401 "Invalid credential." for %s, logging the user but never the password', async (_, header) => {
    const { url, log } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', { headers: { authorization: header }, body: SHOW });
    expect(answer.status).toBe(401);
    expect(answer.headers).toMatchObject({ 'content-type': FILTER_JSON, 'www-authenticate': CHALLENGE });
    expect(answer.json).toEqual(errors('Neo.ClientError.Security.Unauthorized', 'Invalid credential.'));
    expect(log.lines.filter((l) => l.includes('failed login'))).toEqual([
      expect.stringMatching(
        /^info: failed login for user '(neo4j|nobody)' from 127\.0\.0\.1:\d+: Neo\.ClientError\.Security\.Unauthorized$/,
      ),
    ]);
    expect(log.lines.join('\n')).not.toMatch(/wrong-secret|secret123/);
  });

  it.each([
    ['base64 that is not', 'Basic not-proper-base64!'],
    ['no colon between user and password', `Basic ${Buffer.from('neo4j').toString('base64')}`],
    ['a scheme Neo4j does not know', 'Digest abc'],
    ['a scheme and no token', 'Basic'],
    ['two tokens', `Basic ${Buffer.from('neo4j:x').toString('base64')} extra`],
    ['a Bearer with two tokens', 'Bearer a b'],
  ])('400 Request.InvalidFormat for a header with %s, without a challenge', async (_, header) => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', { headers: { authorization: header }, body: SHOW });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe(FILTER_JSON);
    expect(answer.headers['www-authenticate']).toBeUndefined();
    expect(answer.json).toEqual(errors('Neo.ClientError.Request.InvalidFormat', 'Invalid authentication header.'));
  });

  it('refuses a Bearer token as Neo4j does without an SSO provider (the scheme is matched in any case)', async () => {
    const { url } = await startHttp();
    for (const header of ['Bearer eyJhbGciOiJIUzI1NiJ9.e30.x', 'bearer abc']) {
      const answer = await call(url, '/db/system/query/v2', { headers: { authorization: header }, body: SHOW });
      expect(answer.status).toBe(401);
      expect(answer.headers['www-authenticate']).toBe(CHALLENGE);
      expect(answer.json).toEqual(
        errors('Neo.ClientError.Security.Unauthorized', "Unsupported authentication token, scheme 'bearer' is not supported."),
      );
    }
    // Basic in another case is Basic.
    expect(
      (await call(url, '/db/system/query/v2', { headers: { authorization: ADMIN.replace('Basic', 'bAsIc') }, body: SHOW })).status,
    ).toBe(202);
  });

  it('429 AuthenticationRateLimit after too many failures, even for the right password, until the lock time passes', async () => {
    const { url } = await startHttp({ dbmsOptions: { authLockTime: 300 } });
    for (let i = 0; i < 3; i++) {
      expect((await call(url, '/db/system/query/v2', { headers: { authorization: basic('neo4j', 'nope') }, body: SHOW })).status).toBe(401);
    }
    const locked = await call(url, '/db/system/query/v2', { body: SHOW });
    expect(locked.status).toBe(429);
    expect(locked.headers['www-authenticate']).toBeUndefined();
    expect(locked.json).toEqual(
      errors(
        'Neo.ClientError.Security.AuthenticationRateLimit',
        'Too many failed authentication requests. Please wait 5 seconds and try again.',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 350));
    expect((await call(url, '/db/system/query/v2', { body: SHOW })).status).toBe(202);
  });

  it('lets a user whose password must change in, to change it and nothing else (400 CredentialsExpired)', async () => {
    const { url } = await startHttp({ initialPassword: PASSWORD, requirePasswordChange: true });
    const refused = await call(url, '/db/system/query/v2', { body: SHOW });
    expect(refused.status).toBe(400);
    expect(refused.json).toMatchObject({ errors: [{ code: 'Neo.ClientError.Security.CredentialsExpired' }] });
    const change = await call(url, '/db/system/query/v2', {
      body: { statement: 'ALTER CURRENT USER SET PASSWORD FROM $old TO $new', parameters: { old: PASSWORD, new: 'secret456' } },
    });
    expect(change.status).toBe(202);
    expect((await call(url, '/db/system/query/v2', { headers: { authorization: basic('neo4j', 'secret456') }, body: SHOW })).status).toBe(
      202,
    );
  });

  it('needs no credentials with auth disabled, and ignores any given', async () => {
    const { url } = await startHttp({ auth: false, initialPassword: undefined });
    expect((await call(url, '/db/system/query/v2', { headers: { authorization: '' }, body: SHOW })).status).toBe(202);
    expect((await call(url, '/db/system/query/v2', { headers: { authorization: basic('x', 'y') }, body: SHOW })).status).toBe(202);
  });
});

describe('statement errors: the engine’s Neo4j code and message, 400 for client errors', () => {
  it.each([
    [
      'a syntax error',
      'SHOW USERS WHERE',
      'Neo.ClientError.Statement.SyntaxError',
      "Invalid input '': expected an expression, ',', 'PRIVILEGE' or 'PRIVILEGES' (line 1, column 17 (offset: 16))",
    ],
    [
      'an argument error',
      "CREATE USER x SET PASSWORD 'short'",
      'Neo.ClientError.Statement.ArgumentError',
      'A password must be at least 8 characters.',
    ],
    [
      'a user that exists',
      "CREATE USER neo4j SET PASSWORD 'abcdefgh'",
      'Neo.ClientError.Statement.ArgumentError',
      "Failed to create the specified user 'neo4j': User already exists.",
    ],
    [
      'what cypher-sysdb does not model',
      'MATCH (n) RETURN n',
      'Neo.ClientError.Statement.UnsupportedOperationError',
      'Graph queries are not supported by cypher-sysdb (it runs user administration commands against the system database): this statement is not checked.',
    ],
  ])('%s', async (_, statement, code, message) => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', { body: { statement } });
    expect(answer.status).toBe(400);
    expect(answer.headers['content-type']).toBe('application/json');
    expect(answer.json).toEqual(errors(code, message));
  });

  it('400, never 202 with errors, for an administration error on every endpoint that runs a statement', async () => {
    // Neo4j runs an updating system command to its end when the query starts
    // (UpdatingSystemCommandExecutionPlan.run: consumeAll, then assertNotFailed), so the embedded
    // driver's run throws and Neo4jExceptionMapper answers the ClientException with 400.
    const { url } = await startHttp();
    const exists = errors('Neo.ClientError.Statement.ArgumentError', "Failed to create the specified user 'neo4j': User already exists.");
    const statement = "CREATE USER neo4j SET PASSWORD 'abcdefgh'";
    const begin = async () =>
      ((await call(url, '/db/system/query/v2/tx', { body: {} })).json as { transaction: { id: string } }).transaction.id;
    const answers = [
      await call(url, '/db/system/query/v2', { body: { statement } }),
      await call(url, '/db/system/query/v2/tx', { body: { statement } }),
      await call(url, `/db/system/query/v2/tx/${await begin()}`, { body: { statement } }),
      await call(url, `/db/system/query/v2/tx/${await begin()}/commit`, { body: { statement } }),
    ];
    expect(answers.map((a) => [a.status, a.json])).toEqual(answers.map(() => [400, exists]));
  });

  it('400 Forbidden for a user without the privilege', async () => {
    const { url } = await startHttp();
    await call(url, '/db/system/query/v2', { body: { statement: "CREATE USER bob SET PASSWORD 'bob-secret' CHANGE NOT REQUIRED" } });
    const answer = await call(url, '/db/system/query/v2', { headers: { authorization: basic('bob', 'bob-secret') }, body: SHOW });
    expect(answer.status).toBe(400);
    expect(answer.json).toMatchObject({
      errors: [{ code: 'Neo.ClientError.Security.Forbidden', message: expect.stringContaining('SHOW USER') }],
    });
  });

  it('404 DatabaseNotFound for a database the DBMS lacks, on auto-commit and on begin', async () => {
    const { url } = await startHttp();
    const expected = errors('Neo.ClientError.Database.DatabaseNotFound', "Database does not exist. Database name: 'nope'.");
    const auto = await call(url, '/db/nope/query/v2', { body: SHOW });
    expect(auto.status).toBe(404);
    expect(auto.json).toEqual(expected);
    const begin = await call(url, '/db/nope/query/v2/tx', { body: {} });
    expect(begin.status).toBe(404);
    expect(begin.json).toEqual(expected);
  });

  it('impersonatedUser on auto-commit and begin: its context, its refusals, a blank one none (rules: test/dbms/run-as.test.ts)', async () => {
    const { url } = await startHttp();
    const setup = "CREATE USER alice SET PASSWORD 'alice-secret' CHANGE NOT REQUIRED; GRANT IMPERSONATE (alice) ON DBMS TO PUBLIC";
    for (const statement of setup.split('; ')) expect((await call(url, '/db/system/query/v2', { body: { statement } })).status).toBe(202);
    const current = { statement: 'SHOW CURRENT USER YIELD user' };
    const shown = await call(url, '/db/system/query/v2', { body: { ...current, impersonatedUser: ' alice ' } });
    expect(shown.status).toBe(202);
    expect(shown.json).toMatchObject({ data: { fields: ['user'], values: [['alice']] } });
    const begun = await call(url, '/db/system/query/v2/tx', { body: { ...current, impersonatedUser: 'alice' } });
    expect(begun.json).toMatchObject({ data: { values: [['alice']] } });
    const write = { statement: 'CREATE ROLE r', impersonatedUser: 'alice' };
    for (const path of ['/db/system/query/v2', '/db/system/query/v2/tx']) {
      const refused = await call(url, path, { body: write });
      expect(refused.status).toBe(400);
      expect(refused.json).toEqual(
        errors(
          'Neo.ClientError.Security.Forbidden',
          'Permission has not been granted for CREATE ROLE. Try executing SHOW USER PRIVILEGES to determine the missing or denied privileges. In case of missing privileges, they need to be granted (See GRANT). In case of denied privileges, they need to be revoked (See REVOKE) and granted.',
        ),
      );
      const unknown = await call(url, path, { body: { ...current, impersonatedUser: 'nobody' } });
      expect([unknown.status, unknown.json]).toEqual([400, errors('Neo.ClientError.Security.Forbidden', 'Permission denied.')]);
    }
    expect((await call(url, '/db/system/query/v2', { body: { ...current, impersonatedUser: '  ' } })).json).toMatchObject({
      data: { values: [['neo4j']] },
    });
  });

  it('accessMode READ refuses an updating command (400 Statement.AccessMode), on auto-commit and in a transaction', async () => {
    const { url } = await startHttp();
    const message = 'Writing in read access mode not allowed. Attempted write to system';
    for (const path of ['/db/system/query/v2', '/db/system/query/v2/tx']) {
      const answer = await call(url, path, { body: { statement: 'CREATE ROLE r', accessMode: 'READ' } });
      expect([answer.status, answer.json]).toEqual([400, errors('Neo.ClientError.Statement.AccessMode', message)]);
    }
    expect((await call(url, '/db/system/query/v2', { body: { ...SHOW, accessMode: 'READ' } })).status).toBe(202);
    expect((await call(url, '/db/system/query/v2', { body: { statement: 'CREATE ROLE r', accessMode: 'WRITE' } })).status).toBe(202);
  });

  it('500 UnknownError for a bug of ours, logging its kind only', async () => {
    const { url, server, log } = await startHttp();
    server.dbms.session = () => {
      throw new TypeError(`a bug that quotes ${PASSWORD}`);
    };
    const answer = await call(url, '/db/system/query/v2', { body: SHOW });
    expect(answer.status).toBe(500);
    expect(answer.json).toEqual(errors('Neo.DatabaseError.General.UnknownError', 'An unknown error occurred.'));
    expect(log.lines).toContain('warn: internal error in an HTTP request: TypeError');
    expect(log.lines.join('\n')).not.toContain(PASSWORD);
  });
});

describe('request errors', () => {
  it('400 Request.Invalid for a missing or empty statement on auto-commit', async () => {
    const { url } = await startHttp();
    for (const body of [{}, { statement: '' }, { statement: null }, undefined]) {
      const answer = await call(url, '/db/system/query/v2', { body });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(errors('Neo.ClientError.Request.Invalid', 'statement cannot be null or empty'));
    }
  });

  it('400 Request.Invalid for a body that is not JSON, without echoing it', async () => {
    const { url, log } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', { body: `{"statement": "CREATE USER x SET PASSWORD 'hunter2-secret'" oops}` });
    expect(answer.status).toBe(400);
    expect(answer.json).toEqual(
      errors('Neo.ClientError.Request.Invalid', "The request body is not valid JSON: expected ',' or '}' at line 1, column 61."),
    );
    expect(answer.text + log.lines.join('\n')).not.toContain('hunter2');
    for (const [body, message] of [
      ['[1, 2]', 'The request body must be a JSON object.'],
      [' ', 'The request body is not valid JSON: unexpected end of input at line 1, column 2.'],
      ['{"statement": 1}', "The request field 'statement' must be a string."],
      ['{"statement": "SHOW USERS", "includeCounters": "yes"}', "The request field 'includeCounters' must be a boolean."],
      ['{"statement": "SHOW USERS", "accessMode": "ALL"}', `The request field 'accessMode' must be "READ" or "WRITE".`],
      ['{"statement": "SHOW USERS", "bookmarks": "FB:1"}', "The request field 'bookmarks' must be a list of strings."],
      ['{"statement": "SHOW USERS", "maxExecutionTime": 1.5}', "The request field 'maxExecutionTime' must be a whole number of seconds."],
      ['{"statement": "SHOW USERS", "statment": "typo"}', 'The request has a field the Query API does not know: "statment".'],
    ] as const) {
      const bad = await call(url, '/db/system/query/v2', { body });
      expect(bad.status, body).toBe(400);
      expect(bad.json, body).toEqual(errors('Neo.ClientError.Request.Invalid', message));
    }
  });

  it('takes every 2026.06 request field', async () => {
    const { url } = await startHttp();
    const answer = await call(url, '/db/system/query/v2', {
      body: {
        ...SHOW,
        parameters: {},
        includeCounters: false,
        accessMode: 'read',
        maxExecutionTime: 10,
        bookmarks: ['FB:sysdb:0'],
        impersonatedUser: null,
        txType: 'IMPLICIT',
        txMetadata: { app: 'onboarding' },
      },
    });
    expect(answer.status).toBe(202);
  });

  it('400 for a typed parameter that is not one, or of a type cypher-sysdb does not model', async () => {
    const { url } = await startHttp();
    const typed = { 'content-type': 'application/vnd.neo4j.query' };
    const cases = [
      [{ p: 'plain' }, 'Neo.ClientError.Request.Invalid', 'The parameter $p is not a typed value ({"$type": ..., "_value": ...}).'],
      [
        { p: { $type: 'Integer', _value: '1.5' } },
        'Neo.ClientError.Request.Invalid',
        'The parameter $p is an Integer whose _value is not an integer string.',
      ],
      [
        { p: { $type: 'Thing', _value: 1 } },
        'Neo.ClientError.Request.Invalid',
        'The parameter $p has a $type the Query API does not know.',
      ],
      [
        { p: { $type: 'Date', _value: '2015-03-26' } },
        'Neo.ClientError.Statement.UnsupportedOperationError',
        'A parameter holding a DATE ($p) is not supported by cypher-sysdb.',
      ],
    ] as const;
    for (const [parameters, code, message] of cases) {
      const answer = await call(url, '/db/system/query/v2', { headers: typed, body: { ...SHOW, parameters } });
      expect(answer.status).toBe(400);
      expect(answer.json).toEqual(errors(code, message));
    }
  });

  it('415 for a body type the Query API does not read, 406 for an Accept it cannot meet, both empty', async () => {
    const { url } = await startHttp();
    const form = await call(url, '/db/system/query/v2', {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'statement=SHOW+USERS',
    });
    expect(form.status).toBe(415);
    expect(form.text).toBe('');
    const html = await call(url, '/db/system/query/v2', { headers: { accept: 'text/html' }, body: SHOW });
    expect(html.status).toBe(406);
    expect(html.text).toBe('');
  });

  it('405 with Allow for a method a path does not take, 404 for a path that is not there (after authentication)', async () => {
    const { url } = await startHttp();
    const get = await call(url, '/db/system/query/v2', { method: 'GET' });
    expect(get.status).toBe(405);
    expect(get.headers['allow']).toBe('POST');
    const put = await call(url, '/db/system/query/v2/tx/abc', { method: 'PUT', body: {} });
    expect(put.status).toBe(405);
    expect(put.headers['allow']).toBe('DELETE, POST');
    expect((await call(url, '/db/system/query/v1', { body: SHOW })).status).toBe(404);
    expect((await call(url, '/db/system/query/v2/tx/abc/commit/more', { body: SHOW })).status).toBe(404);
    // The auth filter comes first, as in Neo4j; it lets OPTIONS by.
    expect((await call(url, '/db/system/query/v1', { headers: { authorization: '' }, body: SHOW })).status).toBe(401);
    const options = await call(url, '/db/system/query/v2', { method: 'OPTIONS', headers: { authorization: '' } });
    expect(options.status).toBe(200);
    expect(options.headers['allow']).toBe('POST, OPTIONS');
  });
});
