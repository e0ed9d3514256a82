/** `=~` as Neo4j runs it (java.util.regex Pattern.matches, whole string), on our linear-time engine. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Pattern } from '../../src/exec/regex/pattern.js';
import { SystemDatabase } from '../../src/index.js';
import { neo4jFailure } from '../support/db.js';

const db = SystemDatabase.create();

function value(expression: string): unknown {
  return db.execute(`SHOW USERS YIELD * RETURN ${expression} AS v`).result.rows[0]![0];
}

function failure(expression: string): { code: string; message: string } {
  return neo4jFailure(() => value(expression), expression);
}

afterEach(() => vi.restoreAllMocks());

describe('=~ matches the whole string, as Pattern.matches does', () => {
  it.each([
    ["'neo4j' =~ 'neo.*'", true],
    ["'neo4j' =~ 'neo'", false],
    ["'neo4j' =~ 'o4'", false],
    ["'a|b' =~ 'a|b'", false],
    ["'b' =~ 'a|b'", true],
    // Java's inline flags that we model.
    ["'NEO4J' =~ '(?i)neo4j'", true],
    ["'NEO4J' =~ 'neo4j'", false],
    ["'a\\nb' =~ 'a.b'", false],
    ["'a\\nb' =~ '(?s)a.b'", true],
    ["'a\\nb' =~ '(?m)a$\\\\nb'", true],
    ["'Neo' =~ '(?i:n)eo'", true],
    ["'x' =~ '[(]|x'", true],
    ["'a(' =~ 'a\\\\('", true],
  ])('%s is %s', (expression, expected) => {
    expect(value(expression)).toBe(expected);
  });

  it('a pattern with catastrophic backtracking in Java answers promptly, and right', () => {
    // '(a+)+$' against 33 a's and a '!' takes exponential time in a backtracking engine.
    const session = SystemDatabase.create().session();
    session.run(`CREATE USER ${'a'.repeat(34)} SET PASSWORD 'password1'`);
    session.run(`CREATE USER \`${'a'.repeat(33)}!\` SET PASSWORD 'password1'`);
    expect(session.run("SHOW USERS YIELD user WHERE user =~ '(a+)+$'").rows).toEqual([['a'.repeat(34)]]);
  });

  it('compiles a pattern once per statement, however many rows the WHERE sees', () => {
    const session = SystemDatabase.create().session();
    for (let i = 0; i < 5; i++) session.run(`CREATE USER u${i} SET PASSWORD 'password1'`);
    const compile = vi.spyOn(Pattern, 'compile');
    expect(session.run("SHOW USERS YIELD user WHERE user =~ 'u[0-9]'").rows).toEqual([['u0'], ['u1'], ['u2'], ['u3'], ['u4']]);
    expect(compile).toHaveBeenCalledTimes(1);
  });
});

describe("an invalid pattern is Neo4j's Invalid Regex error", () => {
  // neo4j/neo4j InvalidSemanticsException.invalidRegex: "Invalid Regex: " + PatternSyntaxException.getMessage()
  // (called from CypherBoolean.regex / CypherFunctions), status Neo.ClientError.Statement.SemanticError.
  // Java's getMessage(): the description, " near index N", then the pattern and a caret under N.
  it.each([
    ["'xb' =~ 'a)|(b'", "Invalid Regex: Unmatched closing ')' near index 0\na)|(b\n^"],
    ["'a' =~ '(a'", 'Invalid Regex: Unclosed group near index 2\n(a'],
    ["'a' =~ '[a'", 'Invalid Regex: Unclosed character class near index 1\n[a\n ^'],
    ["'a' =~ '*a'", "Invalid Regex: Dangling meta character '*' near index 0\n*a\n^"],
  ])('%s', (expression, message) => {
    // Before, 'a)|(b' escaped the ^(?:...)$ wrapper and matched 'xb'.
    expect(failure(expression)).toEqual({ code: 'Neo.ClientError.Statement.SemanticError', message });
  });
});

describe('Java regex features we do not model are refused, never run differently', () => {
  it.each([
    ["'aa' =~ '(a)\\\\1'", 'a backreference (\\1)'],
    ["'ab' =~ 'a(?=b).'", 'a lookahead (?=...)'],
    ["'ab' =~ 'a(?!c).'", 'a lookahead (?!...)'],
    ["'ab' =~ '.(?<=a)b'", 'a lookbehind (?<=...)'],
    ["'aa' =~ 'a++'", 'a possessive quantifier (++)'],
    ["'aa' =~ 'a{1,2}+'", 'a possessive quantifier ({1,2}+)'],
    ["'a' =~ '(?>a)'", 'an atomic group (?>...)'],
    ["'a' =~ '(?x) a'", 'the inline flag (?x) (comments)'],
    ["'a' =~ '(?U)a'", 'the inline flag (?U) (Unicode character classes)'],
  ])('%s', (expression, feature) => {
    expect(failure(expression)).toEqual({
      code: 'CypherSysdb.NotSupported',
      message: `A regular expression with ${feature} is not supported by cypher-sysdb.`,
    });
  });

  it('an escaped or bracketed look-alike is not refused', () => {
    expect(value("'(?=' =~ '\\\\(\\\\?='")).toBe(true);
    expect(value("'+' =~ '[+]+'")).toBe(true);
  });
});
