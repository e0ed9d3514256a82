/**
 * Secrets never reach an output, whatever the typo around them: each case below leaked before the
 * masker worked from the statement's tokens (it only caught a string right after PASSWORD/FROM/TO).
 */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/database.js';
import { maskPasswords } from '../../src/render/mask.js';
import { parse } from '../../src/parse.js';
import { runCli } from '../support/cli.js';
import { leaks } from '../support/secrets.js';

const SECRET = 'Zq7SECRETpw9';

describe('regression: passwords leaked when written unquoted or after a malformed keyword', () => {
  it.each([
    // unquoted passwords
    [`CREATE USER u SET PASSWORD ${SECRET}`, 'CREATE USER u SET PASSWORD ******'],
    ['CREATE USER u SET PASSWORD 98765432109 CHANGE REQUIRED', 'CREATE USER u SET PASSWORD ****** CHANGE REQUIRED'],
    [`ALTER CURRENT USER SET PASSWORD FROM ${SECRET} TO ${SECRET}`, 'ALTER CURRENT USER SET PASSWORD FROM ****** TO ******'],
    [
      `CREATE USER u SET AUTH 'native' { SET PASSWORD ${SECRET} } SET TAGS 'a'`,
      "CREATE USER u SET AUTH 'native' { SET PASSWORD ****** } SET TAGS 'a'",
    ],
    [`:param pw => ${SECRET}`, ':param pw => ******'],
    [`:params {pw: ${SECRET}, n: 1}`, ':params {pw: ******, n: ******}'],
    [`CREATE USER u SET PASSWORD ${SECRET}-x!y SET STATUS ACTIVE`, 'CREATE USER u SET PASSWORD ****** SET STATUS ACTIVE'],
    // quoted passwords after a misspelled or malformed keyword
    [`CREATE USER u SET PASWORD '${SECRET}'`, "CREATE USER u SET PASWORD '******'"],
    [`CREATE USER u SET PASSWORDS '${SECRET}'`, "CREATE USER u SET PASSWORDS '******'"],
    [`ALTER CURRENT USER SET PASSWORD FORM '${SECRET}' TO 'abcdefgh'`, "ALTER CURRENT USER SET PASSWORD FORM '******' TO '******'"],
    [`ALTER CURRENT USER SET PASSWORD FROM 'abcdefgh' T0 '${SECRET}'`, "ALTER CURRENT USER SET PASSWORD FROM '******' T0 '******'"],
    [`CREATE USER u SET PASSWORD ('${SECRET}')`, "CREATE USER u SET PASSWORD ('******')"],
    [`CREATE USER u SET PASSWORD = '${SECRET}'`, "CREATE USER u SET PASSWORD = '******'"],
    [`CREATE USER u SET PASSWORD 'abc' + '${SECRET}'`, "CREATE USER u SET PASSWORD '******' + '******'"],
    [`:connect -u neo4j -p ${SECRET}`, ':connect -u neo4j -p ******'],
    [`:connect --password=${SECRET}`, ':connect ******'],
    [`:parm pw => '${SECRET}'`, ":parm pw => '******'"],
    // the masker and the splitter agree on where a client command starts
    [`SHOW USERS; :param pw => '${SECRET}'`, "SHOW USERS; :param pw => '******'"],
    // a missing quote pulls the keyword into a string, or runs to the end
    [`CREATE USER 'jake SET PASSWORD '${SECRET}'`, "CREATE USER 'jake SET PASSWORD '******"],
    [`CREATE USER u SET PASSWORD 'my set ${SECRET}`, 'CREATE USER u SET PASSWORD ******'],
  ])('%s', (script, masked) => {
    expect(maskPasswords(script).text).toBe(masked);
    expect(leaks(script, SECRET)).toEqual([]);
  });

  it('keeps what is not a secret: names, tags, providers, ids, SHOW filters, and the clause after a quoted password', () => {
    const script =
      "CREATE USER u SET PASSWORD 'x' IF NOT EXISTS;\nALTER USER u SET AUTH PROVIDER 'oidc' { SET ID 'sub-1' } SET TAGS ['a', 'b'];\nSHOW USERS WHERE user = 'jake'";
    expect(maskPasswords(script).text).toBe(
      "CREATE USER u SET PASSWORD '******' IF NOT EXISTS;\nALTER USER u SET AUTH PROVIDER 'oidc' { SET ID 'sub-1' } SET TAGS ['a', 'b'];\nSHOW USERS WHERE user = 'jake'",
    );
  });

  // Neo4j's privilege `SET PASSWORD[S] ON DBMS`: the words after it are its target, not a password.
  it.each([
    'REVOKE DENY SET PASSWORDS ON DATABASE * FROM role',
    'GRANT SET PASSWORD ON DBMS TO role',
    "CYPHER 25 GRANT IMMUTABLE SET PASSWORDS ON DBMS TO 'r'",
    'USE system REVOKE GRANT SET PASSWORDS ON DBMS FROM role',
  ])('shows the privilege SET PASSWORD(S) ON and its target: %s', (script) => {
    expect(maskPasswords(script).text).toBe(script);
  });

  it.each([
    // a user named `grant`: the statement is a CREATE USER, so ON stands where its password does
    ['CREATE USER grant SET PASSWORD ON', 'CREATE USER grant SET PASSWORD ******'],
    // no ON after it: a password clause typed into a GRANT
    [`GRANT SET PASSWORD '${SECRET}'`, "GRANT SET PASSWORD '******'"],
    [
      `GRANT SET PASSWORDS ON DBMS TO r CREATE USER u SET PASSWORD '${SECRET}'`,
      "GRANT SET PASSWORDS ON DBMS TO r CREATE USER u SET PASSWORD '******'",
    ],
  ])('still masks a password position near the privilege: %s', (script, masked) => {
    expect(maskPasswords(script).text).toBe(masked);
  });

  it('maps offsets onto the masked text, so carets point where they did', () => {
    const source = "CREATE USER u SET PASSWORD 'a-long-secret' SET STATUS nonsense";
    const masked = maskPasswords(source);
    const at = source.indexOf('nonsense');
    expect(masked.text.slice(masked.mapOffset(at), masked.mapOffset(at + 'nonsense'.length))).toBe('nonsense');
    expect(masked.mapOffset(source.indexOf("'a-long"))).toBe(masked.text.indexOf("'******'"));
  });
});

describe('messages mask what Neo4j would quote, where it stands for a secret', () => {
  it.each([
    [
      `CREATE USER u SET PASSWORD ${SECRET}`,
      "Invalid input '******': expected a parameter, a string or 'CHANGE' (line 1, column 28 (offset: 27))",
    ],
    [
      `CREATE USER u SET PASSWORD '${SECRET}' '${SECRET}'`,
      "Invalid input ''******'': expected 'CHANGE', 'SET' or <EOF> (line 1, column 43 (offset: 42))",
    ],
    [`:param pw => ${SECRET}`, 'Variable `******` not defined (line 1, column 14 (offset: 13))'],
    [`:param pw => ${SECRET}(1)`, "Unknown function '******' (line 1, column 14 (offset: 13))"],
  ])('%s', (script, message) => {
    expect(parse(script).diagnostics.map((d) => d.message)).toEqual([message]);
  });

  it('keeps the position suffix and the words around the mask', () => {
    const [diagnostic] = parse(':param pw => y').diagnostics;
    expect(diagnostic?.message).toBe('Variable `******` not defined (line 1, column 14 (offset: 13))');
  });
});

describe('regression: parameter values were echoed in type errors', () => {
  const params = { pw: { secret: SECRET }, list: [SECRET, 1], bad: `${SECRET})` };
  it.each([
    [
      "CREATE USER x SET PASSWORD 'abcdefgh12' SET TAGS $pw",
      'Neo.ClientError.Statement.ArgumentError',
      "Expected parameter `$pw` to be a String or a List of Strings but was `{secret: '******'}`.",
    ],
    [
      "CREATE USER x SET PASSWORD 'abcdefgh12' SET TAGS $list",
      'Neo.ClientError.Statement.ArgumentError',
      "Expected parameter `$list` to be a String or a List of Strings but was `['******', 1]`.",
    ],
    ['CREATE USER $pw SET PASSWORD $pw', 'Neo.ClientError.Statement.TypeError', 'Expected parameter $pw to have type String but was Map'],
    [
      'SHOW USERS YIELD user RETURN toInteger($pw)',
      'Neo.ClientError.Statement.TypeError',
      "Expected a String, Integer, Float or Boolean value for 'toInteger', but got: Map({secret: ******})",
    ],
    // Neo4j quotes the pattern under its caret; a pattern from a parameter is masked instead.
    [
      'SHOW USERS YIELD user WHERE user =~ $bad',
      'Neo.ClientError.Statement.SemanticError',
      "Invalid Regex: Unmatched closing ')' near index 11\n******",
    ],
  ])('%s', (query, code, message) => {
    expect(() => SystemDatabase.create().execute(query, params)).toThrow(expect.objectContaining({ code, message }));
    expect(leaks(query, SECRET, params)).toEqual([]);
  });
});

describe('regression: an invalid --params file was quoted back by the JSON parser', () => {
  it('says where the JSON is broken, and nothing of what it holds', () => {
    const files = { 's.cypher': 'SHOW CURRENT USER', 'p.json': `{"pw": ${SECRET}}` };
    const run = runCli(['run', 's.cypher', '--params', 'p.json'], files);
    expect(run.status).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('sysdb run: --params p.json is not valid JSON: unexpected character at line 1, column 8');
    expect(run.stderr).not.toContain('SECRET');
  });

  it.each([
    ['a trailing comma', '{"a": 1,}', 'expected a string key at line 1, column 9'],
    ['a wrong closer', '{"a": [1, 2}', "expected ',' or ']' at line 1, column 12"],
    ['a line break in a string', '{"a": "x\n"}', 'control character in a string at line 1, column 9'],
    ['text after the object', '{"a": 1} x', 'unexpected text after the JSON value at line 1, column 10'],
    ['an open string', '{"a": "', 'unterminated string at line 1, column 7'],
    ['nesting 8,000 deep', `{"a": ${'['.repeat(8000)}`, 'nested more than 65 levels deep at line 1, column 72'],
  ])('%s', (_, json, message) => {
    const run = runCli(['run', 's.cypher', '--params', 'p.json'], { 's.cypher': 'SHOW CURRENT USER', 'p.json': json });
    expect(run.stderr.split('\n')[0]).toBe(`sysdb run: --params p.json is not valid JSON: ${message}`);
  });

  it('keeps integers beyond 2^53 exact, reads a byte order mark, and keys such as __proto__ as ordinary keys', () => {
    const files = {
      's.cypher': 'SHOW CURRENT USER YIELD user RETURN toString($big) AS big, $obj AS obj',
      'p.json': '\ufeff{"big": 9007199254740993, "obj": {"__proto__": 1}}',
    };
    const run = runCli(['run', 's.cypher', '--params', 'p.json', '--format', 'json'], files);
    expect(JSON.parse(run.stdout).statements[0].rows).toEqual([['9007199254740993', { ['__proto__']: 1 }]]);
  });
});

describe('regression: parameters nested 8,000 deep crashed with a RangeError', () => {
  it('refuses them with a clear error, in execute() and runScript()', () => {
    let deep: unknown = 'x';
    for (let i = 0; i < 8000; i++) deep = [deep];
    const error = {
      code: 'CypherSysdb.NotSupported',
      message: 'Parameter values nested more than 64 levels deep are not supported by cypher-sysdb.',
    };
    expect(() => SystemDatabase.create().execute('SHOW CURRENT USER', { deep })).toThrow(expect.objectContaining(error));
    const cyclic: unknown[] = [];
    cyclic.push(cyclic);
    expect(() => SystemDatabase.create().runScript('SHOW CURRENT USER', { params: { cyclic } })).toThrow(expect.objectContaining(error));
  });
});
