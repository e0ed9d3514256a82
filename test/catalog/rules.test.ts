/**
 * Each Neo4j value rule has one definition (src/catalog/): lint finds a bad literal and run a bad
 * parameter value, and both say the same thing with the same code.
 */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../src/database.js';
import { parse } from '../../src/parse.js';

describe('lint (literal) and run (parameter) refuse a bad value with the same message', () => {
  it.each([
    ['an empty username', 'CREATE USER `` SET PASSWORD $pw', 'CREATE USER $v SET PASSWORD $pw', '', 'The provided username is empty.'],
    [
      'an illegal username',
      'CREATE USER `a:b` SET PASSWORD $pw',
      'CREATE USER $v SET PASSWORD $pw',
      'a:b',
      "Username 'a:b' contains illegal characters.\nUse ascii characters that are not ',', ':' or whitespaces.",
    ],
    [
      'an illegal rename target',
      'RENAME USER neo4j TO `a b`',
      'RENAME USER neo4j TO $v',
      'a b',
      "Username 'a b' contains illegal characters.\nUse ascii characters that are not ',', ':' or whitespaces.",
    ],
    [
      'an illegal role name',
      'CREATE ROLE `a-b`',
      'CREATE ROLE $v',
      'a-b',
      "Role name 'a-b' contains illegal characters.\nUse simple ascii characters, numbers and underscores.",
    ],
    ['an empty password', "CREATE USER jake SET PASSWORD ''", 'CREATE USER jake SET PASSWORD $v', '', 'A password cannot be empty.'],
    [
      'a short password',
      "CREATE USER jake SET PASSWORD 'abc'",
      'CREATE USER jake SET PASSWORD $v',
      'abc',
      'A password must be at least 8 characters.',
    ],
    [
      'a malformed ENCRYPTED value',
      "CREATE USER jake SET ENCRYPTED PASSWORD 'x'",
      'CREATE USER jake SET ENCRYPTED PASSWORD $v',
      'x',
      "Incorrect format of encrypted password. Correct format is '<encryption-version>,<hash>,<salt>'.",
    ],
    [
      'an unknown encryption version',
      "CREATE USER jake SET ENCRYPTED PASSWORD '7,ab,cd'",
      'CREATE USER jake SET ENCRYPTED PASSWORD $v',
      '7,ab,cd',
      'The encryption version specified is not available.',
    ],
  ])('%s', (_, literal, parameterised, value, message) => {
    const code = 'Neo.ClientError.Statement.ArgumentError';
    const linted = parse(literal).diagnostics.map((d) => ({ code: d.code, message: d.message }));
    expect(linted).toEqual([{ code, message }]);
    expect(() => SystemDatabase.create().execute(parameterised, { v: value, pw: 'abcdefgh' }, { user: null })).toThrow(
      expect.objectContaining({ code, message }),
    );
  });
});
