/**
 * `parse` is total: it never throws, whatever the input, and every span it reports lies inside the
 * input with line and column agreeing with the offset.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from '../../src/parse.js';
import { format } from '../../src/render/printer.js';
import { EscapedName, Parameter, StringLiteral } from '../../grammar/tokens.js';
import { tokenize } from '../../src/syntax/split.js';
import { VALID_STATEMENTS } from '../support/corpus.js';
import { expectWellFormed } from '../support/parse.js';

/** Tokens of a valid statement, deleted, swapped or duplicated at random: near-misses of real input. */
const mutatedStatement = fc
  .record({
    source: fc.constantFrom(...VALID_STATEMENTS),
    edits: fc.array(fc.record({ op: fc.constantFrom('delete', 'swap', 'duplicate'), at: fc.nat(), other: fc.nat() }), {
      minLength: 1,
      maxLength: 4,
    }),
  })
  .map(({ source, edits }) => {
    const pieces = tokenize(source).map((t) => t.image);
    for (const { op, at, other } of edits) {
      if (pieces.length === 0) break;
      const i = at % pieces.length;
      const j = other % pieces.length;
      if (op === 'delete') pieces.splice(i, 1);
      else if (op === 'duplicate') pieces.splice(i, 0, pieces[i]!);
      else [pieces[i], pieces[j]] = [pieces[j]!, pieces[i]!];
    }
    return pieces.join(' ');
  });

const cypherish = fc
  .array(
    fc.oneof(
      fc.constantFrom(
        'CREATE',
        'USER',
        'SET',
        'PASSWORD',
        "'",
        '"',
        '`',
        '$',
        ';',
        '{',
        '}',
        '[',
        ']',
        '(',
        ')',
        ',',
        '.',
        '\n',
        '/*',
        '//',
        'YIELD',
        'WHERE',
        'CASE',
        'END',
        ':param',
        'ALTER',
        'REMOVE',
        'ALL',
      ),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 40 },
  )
  .map((parts) => parts.join(' '));

describe('parse never throws and keeps every span inside the input', () => {
  it('for arbitrary strings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 200 }), (text) => expectWellFormed(text)),
      { numRuns: 300 },
    );
  });

  it('for Cypher-like token soup', () => {
    fc.assert(
      fc.property(cypherish, (text) => expectWellFormed(text)),
      { numRuns: 300 },
    );
  });

  it('for valid statements with tokens deleted, swapped or duplicated', () => {
    fc.assert(
      fc.property(mutatedStatement, (text) => {
        const result = parse(text);
        expectWellFormed(text, result);
        // A statement either parses or says why (an error, or that it is of a family we do not model); it never silently disappears.
        const explained = result.diagnostics.filter((d) => d.severity === 'error' || d.code === 'CypherSysdb.NotSupported');
        expect(result.statements.length + explained.length).toBeGreaterThan(0);
      }),
      { numRuns: 400 },
    );
  });
});

describe('hostile input', () => {
  it.each([
    ['deep lists', `SHOW USERS WHERE ${'['.repeat(5000)}`],
    ['a long name list', `GRANT ROLE r TO ${Array(20000).fill('a').join(', ')}`],
    ['an unterminated comment', `DROP USER a /* ${'x'.repeat(10000)}`],
    ['a lone quote before a long text', `CREATE USER a SET PASSWORD '${'x;'.repeat(10000)}`],
  ])(
    '%s yields diagnostics, not a crash',
    (_name, text) => {
      expect(() => parse(text)).not.toThrow();
      expectWellFormed(text);
    },
    30_000,
  );
});

/** Each depth guard on its own: without it, recursion over these overflows the stack (an internal error). */
describe('depth guards', () => {
  const refused = (text: string) => {
    const result = parse(text);
    expectWellFormed(text, result);
    return result.diagnostics.map((d) => ({ code: d.code, message: d.message, column: d.span.start.column }));
  };
  const tooDeepBrackets = 'Brackets nested more than 64 levels deep are not supported by cypher-sysdb.';
  const tooDeepExpression = 'Expressions nested more than 500 levels deep are not supported by cypher-sysdb.';

  it('brackets nested too deep are refused before parsing, at the first bracket too many', () => {
    expect(refused(`SHOW USERS WHERE ${'('.repeat(5000)}true${')'.repeat(5000)}`)).toEqual([
      { code: 'CypherSysdb.NotSupported', message: tooDeepBrackets, column: 18 + 64 },
    ]);
  });

  it('brackets nested too deep in a :param value are refused too', () => {
    expect(refused(`:param x => ${'['.repeat(5000)}1${']'.repeat(5000)}`)).toEqual([
      { code: 'CypherSysdb.NotSupported', message: tooDeepBrackets, column: 13 + 64 },
    ]);
    expect(refused(`:param {a: ${'{a: '.repeat(3000)}1${'}'.repeat(3001)}}`)).toEqual([
      { code: 'CypherSysdb.NotSupported', message: tooDeepBrackets, column: 8 + 4 * 64 },
    ]);
  });

  it.each([
    ['a long operator chain', `SHOW USERS WHERE ${Array(20000).fill('1').join(' + ')} = 0`],
    ['a long property chain', `SHOW USERS WHERE ${Array(20000).fill('a').join('.')}`],
    ['a long NOT chain', `SHOW USERS WHERE ${'NOT '.repeat(20000)}true`],
    ['a long operator chain in a :param value', `:param x => ${Array(20000).fill('1').join(' + ')}`],
  ])('expressions nested too deep without brackets are refused while building the AST: %s', (_name, text) => {
    expect(refused(text)).toEqual([{ code: 'CypherSysdb.NotSupported', message: tooDeepExpression, column: expect.any(Number) }]);
  });
});

describe('strings and names longer than a regex can match', () => {
  const long = 'x'.repeat(9_000_000);
  // V8's backtracking regexes overflowed the stack on these (from about 8.4 million characters).
  it.each([
    ['a string', 'CREATE USER a SET PASSWORD ', `'${long}'`, StringLiteral],
    ['a double-quoted string', 'CREATE USER a SET PASSWORD ', `"${long}"`, StringLiteral],
    ['a quoted name', 'DROP USER ', `\`${long}\``, EscapedName],
    ['a quoted parameter name', 'SHOW USERS WHERE ', `$\`${long}\``, Parameter],
  ])(
    '%s of 9 million characters is one token, and parses',
    (_name, before, quoted, type) => {
      const tokens = tokenize(before + quoted);
      expect(tokens[tokens.length - 1]!.tokenType).toBe(type);
      expect(tokens[tokens.length - 1]!.image).toBe(quoted);
      expectWellFormed(before + quoted);
    },
    60_000,
  );
});

describe('lists, maps and calls with more items than a call has room for arguments', () => {
  // `push(...items)` and rest arguments threw RangeError from about 123,000 items.
  const many = (item: (i: number) => string) => Array.from({ length: 200_000 }, (_, i) => item(i)).join(', ');

  it('a list literal of 200,000 items parses, is checked and formats', () => {
    const text = `SHOW USERS YIELD user WHERE size([${many(() => '1')}]) > 0`;
    const result = parse(text);
    expectWellFormed(text, result);
    expect(result.diagnostics).toEqual([]);
    expect(format(result.statements[0]!).length).toBe(text.length);
  });

  it('a map of 200,000 entries, each an undefined variable, reports each', () => {
    const text = `SHOW USERS WHERE {${many((i) => `k${i}: u`)}} IS NULL`;
    const result = parse(text);
    expectWellFormed(text, result);
    expect(result.diagnostics).toHaveLength(200_000);
    expect(result.diagnostics[199_999]!.message).toMatch(/^Variable `u` not defined \(line 1, column \d+/);
    // 200,000 diagnostics, each held to every invariant: about 10 s alone, more on a busy machine.
  }, 60_000);

  it('a CASE of 50,000 lists where conditions must be, reports each list once (the check is linear in them)', () => {
    const text = `SHOW USERS WHERE CASE ${Array.from({ length: 50_000 }, () => 'WHEN [1] THEN 1').join(' ')} END IS NULL`;
    const result = parse(text);
    expectWellFormed(text, result);
    expect(result.diagnostics).toHaveLength(50_000);
    expect(result.diagnostics[49_999]!.message).toMatch(/^Coercion of list to boolean is not allowed\./);
  });

  it('a function call of 200,000 arguments', () => {
    const text = `SHOW USERS WHERE f(${many(() => '1')})`;
    const result = parse(text);
    expectWellFormed(text, result);
    expect(result.diagnostics.map((d) => d.message)).toEqual(["Unknown function 'f' (line 1, column 18 (offset: 17))"]);
  });
});
