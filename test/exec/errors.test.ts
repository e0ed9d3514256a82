/**
 * Every refusal with Neo4j's status code and message; each also checks that the database is left
 * exactly as it was (see expectFailure).
 */
import { describe, expect, it } from 'vitest';
import { Neo4jError, SystemDatabase } from '../../src/index.js';
import { ARGUMENT_ERROR, expectFailure, freshSession, SYNTAX_ERROR } from '../support/db.js';

function sessionWithJake() {
  const session = freshSession();
  session.run("CREATE USER jake SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED");
  return session;
}

describe('CREATE USER', () => {
  it.each([
    ["CREATE USER jake SET PASSWORD 'abcd1234'", ARGUMENT_ERROR, "Failed to create the specified user 'jake': User already exists."],
    [
      "CREATE OR REPLACE USER neo4j SET PASSWORD 'abcd1234'",
      ARGUMENT_ERROR,
      "Failed to replace the specified user 'neo4j': Deleting yourself is not allowed.",
    ],
    [
      "CREATE USER `a:b` SET PASSWORD 'abcd1234'",
      ARGUMENT_ERROR,
      "Username 'a:b' contains illegal characters.\nUse ascii characters that are not ',', ':' or whitespaces.",
    ],
    ["CREATE USER bob SET PASSWORD 'short'", ARGUMENT_ERROR, 'A password must be at least 8 characters.'],
    ["CREATE USER bob SET PASSWORD ''", ARGUMENT_ERROR, 'A password cannot be empty.'],
    [
      "CREATE USER bob SET ENCRYPTED PASSWORD 'abc'",
      ARGUMENT_ERROR,
      "Incorrect format of encrypted password. Correct format is '<encryption-version>,<hash>,<salt>'.",
    ],
    ["CREATE USER bob SET ENCRYPTED PASSWORD '7,ab,cd'", ARGUMENT_ERROR, 'The encryption version specified is not available.'],
    ['CREATE USER bob SET STATUS ACTIVE', SYNTAX_ERROR, 'No auth given for user. (line 1, column 1 (offset: 0))'],
  ])('%s', (query, code, message) => {
    expectFailure(sessionWithJake(), query, code, message);
  });

  it('refuses an external id another user already has', () => {
    const session = sessionWithJake();
    session.run("ALTER USER jake SET AUTH 'oidc' {SET ID 'j1'}");
    expectFailure(
      session,
      "CREATE USER bob SET AUTH 'oidc' {SET ID 'j1'}",
      ARGUMENT_ERROR,
      "Failed to create the specified user 'bob': The combination of provider and id is already in use.",
    );
  });
});

describe('ALTER USER', () => {
  it.each([
    ["ALTER USER nobody SET PASSWORD 'abcd1234'", ARGUMENT_ERROR, "Failed to alter the specified user 'nobody': User does not exist."],
    [
      'ALTER USER neo4j SET STATUS SUSPENDED',
      ARGUMENT_ERROR,
      "Failed to alter the specified user 'neo4j': Changing your own activation status is not allowed.",
    ],
    [
      'ALTER USER neo4j IF EXISTS SET STATUS ACTIVE',
      ARGUMENT_ERROR,
      "Failed to alter the specified user 'neo4j': Changing your own activation status is not allowed.",
    ],
    [
      "ALTER USER jake SET PASSWORD 'abcd1234'",
      ARGUMENT_ERROR,
      "Failed to alter the specified user 'jake': Old password and new password cannot be the same.",
    ],
    [
      "ALTER USER jake REMOVE AUTH 'native'",
      ARGUMENT_ERROR,
      'User has no auth provider. Add at least one auth provider for the user or consider suspending them.',
    ],
    [
      "ALTER USER jake REMOVE AUTH 'native' SET PASSWORD CHANGE REQUIRED",
      ARGUMENT_ERROR,
      'Clause `SET PASSWORD` is mandatory for auth provider `native`.',
    ],
  ])('%s', (query, code, message) => {
    expectFailure(sessionWithJake(), query, code, message);
  });

  it('ALTER USERS is all or nothing without IF EXISTS', () => {
    expectFailure(
      sessionWithJake(),
      "ALTER USERS jake, nobody SET TAGS 'x'",
      ARGUMENT_ERROR,
      "Failed to alter the specified user 'nobody': User does not exist.",
    );
  });
});

describe('ALTER CURRENT USER SET PASSWORD', () => {
  it.each([
    [
      "ALTER CURRENT USER SET PASSWORD FROM 'wrong-password' TO 'new-password'",
      "User 'neo4j' failed to alter their own password: Invalid principal or credentials.",
    ],
    [
      "ALTER CURRENT USER SET PASSWORD FROM 'secret-neo4j' TO 'secret-neo4j'",
      "User 'neo4j' failed to alter their own password: Old password and new password cannot be the same.",
    ],
  ])('%s', (query, message) => {
    expectFailure(freshSession(), query, ARGUMENT_ERROR, message);
  });

  // Neo4j's SetOwnPasswordExecutionPlanner throws a plain IllegalStateException here, which reaches the
  // client as ExecutionFailed (Neo4j's own Bolt test expects Status.Statement.ExecutionFailed).
  it('is not available with authentication disabled', () => {
    const session = SystemDatabase.create().session({ user: null });
    expectFailure(
      session,
      "ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'new-password'",
      'Neo.DatabaseError.Statement.ExecutionFailed',
      'User failed to alter their own password: Command not available with auth disabled.',
    );
  });

  it('is not permitted for a user without native auth (AuthorizationViolationException.alterCurrentUserNotAllowed)', () => {
    const admin = freshSession();
    admin.run("CREATE USER sso SET AUTH 'oidc' {SET ID 'sso-1'}");
    expectFailure(
      admin.db.session({ user: 'sso' }),
      "ALTER CURRENT USER SET PASSWORD FROM 'x' TO 'new-password'",
      'Neo.ClientError.Security.Forbidden',
      '`ALTER CURRENT USER` is not permitted.',
    );
  });
});

describe('RENAME and DROP USER', () => {
  it.each([
    ['RENAME USER nobody TO bob', "Failed to rename the specified user 'nobody' to 'bob': The user 'nobody' does not exist."],
    ['RENAME USER jake TO neo4j', "Failed to rename the specified user 'jake' to 'neo4j': User 'neo4j' already exists."],
    ['DROP USER nobody', "Failed to delete the specified user 'nobody': User does not exist."],
    ['DROP USER neo4j', "Failed to delete the specified user 'neo4j': Deleting yourself is not allowed."],
    ['DROP USER neo4j IF EXISTS', "Failed to delete the specified user 'neo4j': Deleting yourself is not allowed."],
  ])('%s', (query, message) => {
    expectFailure(sessionWithJake(), query, ARGUMENT_ERROR, message);
  });

  it('IF EXISTS makes renaming or dropping a missing user a no-op', () => {
    const session = sessionWithJake();
    const before = session.db.toJSON();
    session.run('RENAME USER nobody IF EXISTS TO bob');
    session.run('DROP USER nobody IF EXISTS');
    expect(session.db.toJSON()).toEqual(before);
  });
});

describe('roles', () => {
  it.each([
    ['CREATE ROLE reader', "Failed to create the specified role 'reader': Role already exists."],
    ['CREATE ROLE PUBLIC', "Failed to create the specified role 'PUBLIC': 'PUBLIC' is a reserved role."],
    ['CREATE ROLE x AS COPY OF nothing', "Failed to create a role as copy of 'nothing': Role does not exist."],
    ['DROP ROLE nothing', "Failed to delete the specified role 'nothing': Role does not exist."],
    ['DROP ROLE PUBLIC', "Failed to delete the specified role 'PUBLIC': 'PUBLIC' is a reserved role."],
    ['RENAME ROLE nothing TO x', "Failed to rename the specified role 'nothing' to 'x': The role 'nothing' does not exist."],
    ['RENAME ROLE reader TO editor', "Failed to rename the specified role 'reader' to 'editor': Role 'editor' already exists."],
    ['GRANT ROLE nothing TO jake', "Failed to grant role 'nothing' to user 'jake': Role does not exist."],
    ['GRANT ROLE reader TO nobody', "Failed to grant role 'reader' to user 'nobody': User does not exist."],
    ['GRANT ROLE reader, editor TO jake, nobody', "Failed to grant role 'reader' to user 'nobody': User does not exist."],
    ['REVOKE ROLE PUBLIC FROM jake', "Failed to revoke role 'PUBLIC' from user 'jake': 'PUBLIC' is a reserved role."],
  ])('%s', (query, message) => {
    expectFailure(sessionWithJake(), query, ARGUMENT_ERROR, message);
  });
});

describe('parameters', () => {
  it('binds names, passwords, tags and home databases', () => {
    const session = freshSession();
    session.run('CREATE USER $name SET PASSWORD $password SET TAGS $tags SET HOME DATABASE $home', {
      name: 'ann',
      password: 'abcd1234',
      tags: ['a', 'b'],
      home: 'Sales',
    });
    expect(session.run('SHOW USERS YIELD user, tags, home WHERE user = $who', { who: 'ann' }).rows).toEqual([['ann', ['a', 'b'], 'sales']]);
  });

  it.each([
    [
      'CREATE USER $name SET PASSWORD $password',
      { password: 'abcd1234' },
      'Neo.ClientError.Statement.ParameterMissing',
      'Expected parameter(s): name',
    ],
    [
      'CREATE USER $name SET PASSWORD $password',
      { name: 'ann' },
      'Neo.ClientError.Statement.ParameterMissing',
      'Expected parameter(s): password',
    ],
    [
      'CREATE USER $name SET PASSWORD $password',
      { name: 1, password: 'abcd1234' },
      'Neo.ClientError.Statement.TypeError',
      'Expected parameter $name to have type String but was Integer',
    ],
    [
      'CREATE USER ann SET PASSWORD $password',
      { password: 12345678 },
      'Neo.ClientError.Statement.TypeError',
      'Expected password parameter $password to have type String but was Integer',
    ],
    ['CREATE USER ann SET PASSWORD $password', { password: 'short' }, ARGUMENT_ERROR, 'A password must be at least 8 characters.'],
    [
      'CREATE USER ann SET PASSWORD $password SET TAGS $tags',
      { password: 'abcd1234', tags: [''] },
      ARGUMENT_ERROR,
      'Expected a non-empty String, List of non-empty Strings, or Parameter.',
    ],
  ])('%s with %j', (query, params, code, message) => {
    expectFailure(freshSession(), query, code, message, params);
  });
});

describe('the initial-password gate (an option)', () => {
  it('refuses everything but changing the password while it must change', () => {
    const session = SystemDatabase.create({ enforcePasswordChange: true }).session();
    let caught: unknown;
    try {
      session.run('SHOW USERS');
    } catch (error) {
      caught = error;
    }
    expect((caught as Neo4jError).code).toBe('Neo.ClientError.Security.CredentialsExpired');
    // Neo4j's text, from AuthorizationViolationException.generateCredentialsExpiredMessage.
    expect((caught as Neo4jError).message).toBe(
      'Permission denied.\n\nThe credentials you provided were valid, but must be changed before you can use this instance. ' +
        'If this is the first time you are using Neo4j, this is to ensure you are not using the default credentials in production. ' +
        'If you are not using default credentials, you are getting this message because an administrator requires a password change.\n' +
        "To change your password, issue an `ALTER CURRENT USER SET PASSWORD FROM 'current password' TO 'new password'` statement against the system database.",
    );
    session.run("ALTER CURRENT USER SET PASSWORD FROM 'neo4j' TO 'a-new-password'");
    expect(session.run('SHOW USERS').rows).toHaveLength(1);
  });
});

describe('regression: aggregation outside RETURN crashed the executor, and implicit grouping keys gave arbitrary values', () => {
  it.each([
    ['SHOW USERS WHERE count(*) > 1', 'Invalid use of aggregating function count(...) in this context (line 1, column 18 (offset: 17))'],
    [
      'SHOW USERS YIELD user ORDER BY max(user) RETURN user',
      'Cannot use aggregation in ORDER BY if there are no aggregate expressions in the preceding WITH (line 1, column 12 (offset: 11))',
    ],
    [
      'SHOW USERS YIELD user RETURN user SKIP count(*)',
      'Invalid use of aggregating function count(...) in this context (line 1, column 40 (offset: 39))',
    ],
    [
      'SHOW USERS YIELD user RETURN collect(collect(user))',
      "Can't use aggregate functions inside of aggregate functions. (line 1, column 38 (offset: 37))",
    ],
    // These ran and answered with values taken from an arbitrary row of each group.
    [
      'SHOW USERS YIELD user, roles RETURN roles[0] AS r, count(*) AS n ORDER BY user',
      'In a WITH/RETURN with DISTINCT or an aggregation, it is not possible to access variables declared before the WITH/RETURN: user (line 1, column 75 (offset: 74))',
    ],
    [
      'SHOW USERS YIELD user, roles RETURN count(*) + size(roles) AS n',
      'Aggregation column contains implicit grouping expressions. ' +
        "For example, in 'RETURN n.a, n.a + n.b + count(*)' the aggregation expression 'n.a + n.b + count(*)' includes the implicit grouping key 'n.b'. " +
        'It may be possible to rewrite the query by extracting these grouping/aggregation expressions into a preceding WITH clause. ' +
        'Illegal expression(s): roles (line 1, column 53 (offset: 52))',
    ],
  ])('%s is refused as Neo4j refuses it', (query, message) => {
    expectFailure(freshSession(), query, SYNTAX_ERROR, message);
  });
});

describe('regression: hostile :param values crashed runScript (and sysdb run) instead of failing their line', () => {
  it.each([
    // A :param value may be a password: messages mask it where Neo4j would quote it.
    [':param x => y', 'Neo.ClientError.Statement.SyntaxError', 'Variable `******` not defined (line 1, column 13 (offset: 12))'],
    [':param {a: count(*)}', 'CypherSysdb.NotSupported', 'Aggregating functions in :param values are not supported by cypher-sysdb.'],
    [':param x => sizee(1)', 'Neo.ClientError.Statement.SyntaxError', "Unknown function '******' (line 1, column 13 (offset: 12))"],
  ])('%s', (line, code, message) => {
    const { statements } = SystemDatabase.create().runScript(`${line}\nSHOW CURRENT USER YIELD user`, { onError: 'continue' });
    expect(statements.map((s) => [s.line, s.error, s.rows])).toEqual([
      [1, { code, message }, []],
      [2, null, [['neo4j']]],
    ]);
  });
});
