/**
 * `=~` in a statement: Neo4j's Invalid Regex message (InvalidSemanticsException.invalidRegex, "Invalid
 * Regex: " + PatternSyntaxException.getMessage(): the description, " near index N", the pattern and a
 * caret line, whose indent keeps the pattern's tabs since JDK 18), and the statement's step budget.
 */
import { describe, expect, it } from 'vitest';
import { SystemDatabase } from '../../../src/index.js';
import { neo4jFailure } from '../../support/db.js';

const SEMANTIC_ERROR = 'Neo.ClientError.Statement.SemanticError';

function failure(query: string, params: Record<string, unknown> = {}, options = {}): { code: string; message: string } {
  return neo4jFailure(() => SystemDatabase.create(options).execute(query, params), query);
}

describe('Invalid Regex messages', () => {
  it.each([
    ["'a' =~ '(a'", 'Invalid Regex: Unclosed group near index 2\n(a'],
    ["'a' =~ ')'", "Invalid Regex: Unmatched closing ')'\n)"],
    ["'a' =~ 'a{2,1}'", 'Invalid Regex: Illegal repetition range near index 5\na{2,1}\n     ^'],
    ["'a' =~ '\\t**'", "Invalid Regex: Dangling meta character '*' near index 2\n\t**\n\t ^"],
    // The index counts code points, the caret's indent UTF-16 units, as in Java.
    ["'a' =~ '😀😀**'", "Invalid Regex: Dangling meta character '*' near index 3\n😀😀**\n   ^"],
    ["'a' =~ '\\\\Q(\\\\E)'", "Invalid Regex: Unmatched closing ')' near index 1\n\\Q(\\E)\n ^"],
  ])('%s', (expression, message) => {
    expect(failure(`SHOW USERS YIELD user RETURN ${expression} AS v`)).toEqual({ code: SEMANTIC_ERROR, message });
  });

  it('a pattern from a parameter is masked, with no caret under it', () => {
    expect(failure('SHOW USERS YIELD user RETURN user =~ $p AS v', { p: 'secret(' })).toEqual({
      code: SEMANTIC_ERROR,
      message: 'Invalid Regex: Unclosed group near index 7\n******',
    });
  });

  it('a refused feature is CypherSysdb.NotSupported', () => {
    expect(failure("SHOW USERS YIELD user RETURN user =~ '\\\\p{InGreek}' AS v")).toEqual({
      code: 'CypherSysdb.NotSupported',
      message: 'A regular expression with the character property \\p{InGreek} is not supported by cypher-sysdb.',
    });
  });
});

describe('matching is charged to the statement budget', () => {
  // A thousand live loops: every text position costs about a thousand steps.
  const costly = (text: string): string => `SHOW USERS YIELD user RETURN '${text}' =~ '(?:a*){1000}b' AS v`;

  it('a costly pattern on a long text times the statement out instead of running on', () => {
    expect(failure(costly('a'.repeat(5000))).code).toBe('Neo.ClientError.Transaction.TransactionTimedOut');
  });

  it('the same pattern on a short text fits the budget, and a smaller budget stops it', () => {
    expect(SystemDatabase.create().execute(costly('aab')).result.rows).toEqual([[true]]);
    expect(failure(costly('aab'), {}, { maxSteps: 2000 }).code).toBe('Neo.ClientError.Transaction.TransactionTimedOut');
  });
});
