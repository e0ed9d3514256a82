/**
 * The manual writes tag lists without brackets (`SET TAGS 'a', 'b'`); Neo4j's parser rejects them
 * (its UserAdministrationCommandParserTest and 2026.09 front end: Invalid input ','). cypher-sysdb
 * keeps accepting them and warns with its own code, pointing at the comma Neo4j would stop at.
 */
import { describe, expect, it } from 'vitest';
import { parse, StatusCode } from '../../src/index.js';
import { freshSession } from '../support/db.js';

describe('tag lists without brackets', () => {
  it('warn where Neo4j would fail, and show the bracketed form', () => {
    const [warning, ...rest] = parse('ALTER USER bob SET TAGS \'a\', "b"').diagnostics;
    expect(rest).toEqual([]);
    expect(warning).toEqual({
      severity: 'warning',
      code: StatusCode.UnbracketedTags,
      message: "Neo4j's parser rejects tags without brackets: Invalid input ',' (line 1, column 28 (offset: 27))",
      span: { start: { offset: 27, line: 1, column: 28 }, end: { offset: 28, line: 1, column: 29 } },
      hint: `Write SET TAGS ['a', "b"]`,
    });
  });

  it('warn once per clause, for ADD and REMOVE too', () => {
    const messages = parse("ALTER USER bob REMOVE TAG 'x', 'y' ADD TAGS 'a', 'b', 'c'").diagnostics.map((d) => d.hint);
    expect(messages).toEqual(["Write REMOVE TAG ['x', 'y']", "Write ADD TAGS ['a', 'b', 'c']"]);
  });

  it('leave a single tag and a bracketed list alone', () => {
    expect(parse("ALTER USER bob SET TAGS 'a'").diagnostics).toEqual([]);
    expect(parse("ALTER USER bob SET TAGS ['a', 'b']").diagnostics).toEqual([]);
  });

  it('still run, as the README promises', () => {
    const session = freshSession();
    session.run("CREATE USER bob SET PASSWORD 'abcdefgh' SET TAGS 'a', 'b'");
    expect(session.run("SHOW USERS YIELD user, tags WHERE user = 'bob'").rows).toEqual([['bob', ['a', 'b']]]);
  });
});

describe('auth provider lists of REMOVE AUTH without brackets', () => {
  it('regression: were accepted silently; they warn as tag lists do, PROVIDER[S] or not', () => {
    const diagnostics = parse(
      "ALTER USER bob REMOVE AUTH 'oidc', 'ldap' REMOVE AUTH PROVIDERS 'a', 'b' SET AUTH 'native' {SET PASSWORD 'abcdefgh'}",
    ).diagnostics;
    expect(diagnostics.map((d) => [d.code, d.message, d.hint])).toEqual([
      [
        StatusCode.UnbracketedTags,
        "Neo4j's parser rejects auth providers without brackets: Invalid input ',' (line 1, column 34 (offset: 33))",
        "Write REMOVE AUTH ['oidc', 'ldap']",
      ],
      [
        StatusCode.UnbracketedTags,
        "Neo4j's parser rejects auth providers without brackets: Invalid input ',' (line 1, column 68 (offset: 67))",
        "Write REMOVE AUTH PROVIDERS ['a', 'b']",
      ],
    ]);
  });

  it('leave one provider, a bracketed list and SET AUTH alone', () => {
    expect(
      parse("ALTER USER bob REMOVE AUTH 'oidc' REMOVE AUTH PROVIDER ['a', 'b'] SET AUTH 'native' {SET PASSWORD 'abcdefgh'}").diagnostics,
    ).toEqual([]);
  });
});
