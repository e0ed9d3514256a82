/**
 * YIELD, WHERE and RETURN after SHOW, as Neo4j runs them: it rewrites them into WITH ... RETURN
 * (AdministrationShowCommandUtils.generateReturnClause), which decides the default order and where
 * WHERE, SKIP and LIMIT apply.
 */
import { describe, expect, it } from 'vitest';
import { ARGUMENT_ERROR, expectFailure, freshSession, SYNTAX_ERROR } from '../support/db.js';

function team() {
  const session = freshSession();
  // Created out of alphabetical order, so default sorting is visible.
  session.run("CREATE USER carol SET PASSWORD 'abcd1234' CHANGE NOT REQUIRED SET STATUS SUSPENDED SET TAGS 'ops'");
  session.run("CREATE USER alice SET PASSWORD 'abcd1234' SET TAGS 'dev', 'ops'");
  session.run("CREATE USER bob SET PASSWORD 'abcd1234' SET HOME DATABASE sales");
  session.run('GRANT ROLE reader TO alice, bob');
  return session;
}

describe('default order', () => {
  const session = team();

  it('without YIELD: the default columns, ORDER BY user', () => {
    expect(session.run('SHOW USERS YIELD user').rows).toEqual([['alice'], ['bob'], ['carol'], ['neo4j']]);
    expect(session.run('SHOW USERS').rows.map((r) => r[0])).toEqual(['alice', 'bob', 'carol', 'neo4j']);
  });

  it('a bare WHERE filters and keeps the default order', () => {
    expect(session.run('SHOW USERS WHERE NOT suspended').rows.map((r) => r[0])).toEqual(['alice', 'bob', 'neo4j']);
  });

  it('YIELD of a renamed user column is not sorted by default (creation order)', () => {
    expect(session.run('SHOW USERS YIELD user AS name').rows).toEqual([['neo4j'], ['carol'], ['alice'], ['bob']]);
  });

  it('RETURN sorts by user when YIELD had no order and RETURN names a user column', () => {
    expect(session.run('SHOW USERS YIELD user AS name RETURN name AS user').rows).toEqual([['alice'], ['bob'], ['carol'], ['neo4j']]);
  });

  it('YIELD ORDER BY, SKIP and LIMIT', () => {
    expect(session.run('SHOW USERS YIELD user, suspended ORDER BY suspended DESC, user SKIP 1 LIMIT 2').rows).toEqual([
      ['alice', false],
      ['bob', false],
    ]);
  });

  it('YIELD ... WHERE applies SKIP and LIMIT before the WHERE, and again after it (as Neo4j does)', () => {
    // WITH user ORDER BY user SKIP 1 WHERE user <> 'carol' RETURN user ORDER BY user SKIP 1:
    // bob, carol, neo4j -> bob, neo4j -> neo4j.
    expect(session.run("SHOW USERS YIELD user SKIP 1 WHERE user <> 'carol'").rows).toEqual([['neo4j']]);
    expect(session.run("SHOW USERS YIELD user LIMIT 3 WHERE user <> 'alice'").rows).toEqual([['bob'], ['carol']]);
  });

  it('WHERE after YIELD sees only what was yielded', () => {
    expectFailure(
      session,
      'SHOW USERS YIELD user WHERE suspended',
      SYNTAX_ERROR,
      'Variable `suspended` not defined (line 1, column 29 (offset: 28))',
    );
  });

  it('a bare WHERE sees only the default columns', () => {
    expectFailure(session, "SHOW USERS WHERE 'ops' IN tags", SYNTAX_ERROR, 'Variable `tags` not defined (line 1, column 27 (offset: 26))');
  });
});

describe('RETURN', () => {
  const session = team();

  it('aggregates with grouping keys', () => {
    expect(session.run('SHOW USERS YIELD * RETURN suspended, count(*) AS users, collect(user) AS names ORDER BY suspended')).toEqual({
      columns: ['suspended', 'users', 'names'],
      rows: [
        [false, 3, ['alice', 'bob', 'neo4j']],
        [true, 1, ['carol']],
      ],
    });
  });

  it('aggregates without grouping keys, also over no rows', () => {
    expect(session.run('SHOW USERS YIELD user RETURN count(*) AS n, min(user) AS first, max(user) AS last').rows).toEqual([
      [4, 'alice', 'neo4j'],
    ]);
    expect(session.run("SHOW USERS YIELD user WHERE user = 'nobody' RETURN count(user) AS n, collect(user) AS all").rows).toEqual([
      [0, []],
    ]);
  });

  it('DISTINCT, expressions, and default column names from the expression text', () => {
    expect(session.run('SHOW USERS YIELD roles RETURN DISTINCT size(roles) ORDER BY size(roles)')).toEqual({
      columns: ['size(roles)'],
      rows: [[1], [2]],
    });
    expect(
      session.run("SHOW USERS YIELD user, tags RETURN user, [t IN tags WHERE t STARTS WITH 'o' | toUpper(t)] AS o ORDER BY user LIMIT 1")
        .rows,
    ).toEqual([['alice', ['OPS']]]);
  });

  it('|| joins strings and lists as + does, and names its column as written', () => {
    expect(session.run("SHOW USERS YIELD user, tags RETURN user || '!', tags || ['x'] AS t ORDER BY user LIMIT 1")).toEqual({
      columns: ["user || '!'", 't'],
      rows: [['alice!', ['dev', 'ops', 'x']]],
    });
  });

  it('RETURN * lists the yielded columns alphabetically', () => {
    expect(session.run("SHOW USERS YIELD user, home WHERE user = 'bob' RETURN *")).toEqual({
      columns: ['home', 'user'],
      rows: [['sales', 'bob']],
    });
  });

  it('SKIP and LIMIT take expressions and parameters', () => {
    expect(session.run('SHOW USERS YIELD user RETURN user SKIP $s LIMIT 1 + 1', { s: 1 }).rows).toEqual([['bob'], ['carol']]);
  });

  // Neo4j's semantic analysis refuses a literal before the query runs (its front end, as
  // @neo4j-cypher/language-support ships it, gives this message at this offset); a parameter is only known when it runs.
  it('regression: refuses a negative LIMIT before it runs, as a syntax error with its position (it was refused as it ran)', () => {
    expectFailure(
      session,
      'SHOW USERS YIELD user RETURN user LIMIT -1',
      SYNTAX_ERROR,
      "Invalid input. '-1' is not a valid value. Must be a non-negative integer. (line 1, column 41 (offset: 40))",
    );
  });

  it('refuses a negative LIMIT given as a parameter as it runs', () => {
    expectFailure(
      session,
      'SHOW USERS YIELD user RETURN user LIMIT $n',
      ARGUMENT_ERROR,
      "Invalid input. '-1' is not a valid value. Must be a non-negative integer.",
      { n: -1 },
    );
  });
});

describe('SHOW ROLES', () => {
  const session = team();

  it('lists every role in order', () => {
    session.run('CREATE ROLE auditor');
    expect(session.run('SHOW ROLES')).toEqual({
      columns: ['role'],
      rows: [['PUBLIC'], ['admin'], ['architect'], ['auditor'], ['editor'], ['publisher'], ['reader']],
    });
    expect(session.run('SHOW ALL ROLES').rows).toHaveLength(7);
  });

  it('POPULATED ROLES WITH USERS: a row per member, members in creation order', () => {
    expect(session.run('SHOW POPULATED ROLES WITH USERS')).toEqual({
      columns: ['role', 'member'],
      rows: [
        ['PUBLIC', 'neo4j'],
        ['PUBLIC', 'carol'],
        ['PUBLIC', 'alice'],
        ['PUBLIC', 'bob'],
        ['admin', 'neo4j'],
        ['reader', 'alice'],
        ['reader', 'bob'],
      ],
    });
  });

  it('a role without members has a null member', () => {
    expect(session.run("SHOW ROLES WITH USERS WHERE role = 'editor'").rows).toEqual([['editor', null]]);
    expect(session.run("SHOW ROLES YIELD * WHERE role = 'editor'")).toEqual({ columns: ['role', 'immutable'], rows: [['editor', false]] });
  });

  it('role changes follow through to users', () => {
    const s = team();
    s.run('RENAME ROLE reader TO viewer');
    expect(s.run("SHOW USERS YIELD user, roles WHERE user = 'alice'").rows).toEqual([['alice', ['viewer', 'PUBLIC']]]);
    s.run('REVOKE ROLE viewer FROM alice');
    s.run('REVOKE ROLE viewer FROM alice'); // revoking what is not granted changes nothing
    s.run('GRANT ROLE viewer TO bob'); // neither does granting twice
    expect(s.run("SHOW ROLES WITH USERS WHERE role = 'viewer'").rows).toEqual([['viewer', 'bob']]);
    s.run('DROP ROLE viewer');
    expect(s.run("SHOW USERS YIELD user, roles WHERE user = 'bob'").rows).toEqual([['bob', ['PUBLIC']]]);
  });

  it('CREATE ROLE ... AS COPY OF copies the privileges, not the members', () => {
    const s = team();
    s.run('CREATE ROLE analyst AS COPY OF reader');
    expect(s.run("SHOW ROLES WITH USERS WHERE role = 'analyst'").rows).toEqual([['analyst', null]]);
    s.run('GRANT ROLE analyst TO carol');
    expect(s.run('SHOW USER carol PRIVILEGES AS COMMANDS').rows).toEqual(s.run('SHOW USER alice PRIVILEGES AS COMMANDS').rows);
  });
});

describe('SHOW USER PRIVILEGES', () => {
  const session = team();

  it("lists the privileges of the user's roles, PUBLIC included, as commands", () => {
    // The manual's "Built-in roles" page lists reader's and PUBLIC's privileges.
    expect(session.run('SHOW USER alice PRIVILEGES AS COMMANDS')).toEqual({
      columns: ['command'],
      rows: [
        ['GRANT ACCESS ON DATABASE * TO $role'],
        ['GRANT ACCESS ON HOME DATABASE TO $role'],
        ['GRANT EXECUTE FUNCTION * ON DBMS TO $role'],
        ['GRANT EXECUTE PROCEDURE * ON DBMS TO $role'],
        ['GRANT LOAD ON ALL DATA TO $role'],
        ['GRANT MATCH {*} ON GRAPH * NODE * TO $role'],
        ['GRANT MATCH {*} ON GRAPH * RELATIONSHIP * TO $role'],
        ['GRANT SHOW CONSTRAINT ON DATABASE * TO $role'],
        ['GRANT SHOW INDEX ON DATABASE * TO $role'],
      ],
    });
  });

  it('as revoke commands, filtered', () => {
    expect(session.run("SHOW USER alice PRIVILEGES AS REVOKE COMMANDS WHERE command CONTAINS 'EXECUTE'").rows).toEqual([
      ['REVOKE GRANT EXECUTE FUNCTION * ON DBMS FROM $role'],
      ['REVOKE GRANT EXECUTE PROCEDURE * ON DBMS FROM $role'],
    ]);
  });

  it("in Neo4j's columns; without names, the current user's", () => {
    const table = session.run('SHOW USER PRIVILEGES');
    expect(table.columns).toEqual(['access', 'action', 'resource', 'graph', 'segment', 'role', 'immutable', 'user']);
    expect(table.rows.slice(0, 3)).toEqual([
      ['GRANTED', 'execute', 'database', '*', 'FUNCTION(*)', 'PUBLIC', false, 'neo4j'],
      ['GRANTED', 'execute', 'database', '*', 'PROCEDURE(*)', 'PUBLIC', false, 'neo4j'],
      ['GRANTED', 'access', 'database', 'HOME', 'database', 'PUBLIC', false, 'neo4j'],
    ]);
    expect(table.rows.filter((r) => r[5] === 'admin').map((r) => r[1])).toContain('dbms_actions');
  });
});
