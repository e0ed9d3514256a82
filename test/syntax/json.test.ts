import { describe, expect, it } from 'vitest';
import { JsonError, readJson } from '../../src/index.js';

describe('readJson', () => {
  it('keeps integers as numbers where a number holds them, bigints beyond', () => {
    expect(readJson('[1, 1.0, 9007199254740993, -2e3]', 4)).toEqual([1, 1, 9007199254740993n, -2000]);
  });

  it("with integers: 'bigint', tells an INTEGER literal from a FLOAT one as Neo4j's JSON reader does", () => {
    expect(readJson('{"a": [1, 1.0, -0, 1e2, 9007199254740993]}', 4, { integers: 'bigint' })).toEqual({
      a: [1n, 1, 0n, 100, 9007199254740993n],
    });
  });

  it('reports a mistake by line and column, never quoting the text', () => {
    expect(() => readJson('{"password": "s3cret" oops}', 4)).toThrow(new JsonError("expected ',' or '}' at line 1, column 23"));
  });
});
