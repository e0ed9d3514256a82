/**
 * Every example statement of the spec (Neo4j's "Manage users" page, 2026.06) parses to the AST we
 * expect. The printer round trip of the same statements is in test/printer.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { withoutSpans } from '../support/spans.js';
import { parseOne } from '../support/parse.js';
import { SPEC_EXAMPLES } from '../support/spec-examples.js';

describe('the spec examples parse to the expected AST', () => {
  it.each(SPEC_EXAMPLES)('%s', (query, ast) => {
    expect(withoutSpans(parseOne(query))).toEqual(ast);
  });
});
