/**
 * Content assist (the expected list of a syntax error) costs length times nesting of the tokens
 * before the error: each script gets a budget of it, and errors after the same tokens share one run.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { parse } from '../../src/parse.js';

let assists = 0;
// Every run of content assist goes through nextTokens: the mock counts them.
vi.mock('../../src/syntax/next-tokens.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/syntax/next-tokens.js')>();
  return {
    ...original,
    nextTokens: (...args: Parameters<typeof original.nextTokens>) => {
      assists += 1;
      return original.nextTokens(...args);
    },
  };
});
beforeEach(() => {
  assists = 0;
});

describe('the content-assist budget of a script', () => {
  it('runs out on many deeply nested errors: later ones say what and where, without the expected list', () => {
    // Each statement is nested one level deeper than the last, so no two share an assist.
    const script = Array.from({ length: 20 }, (_, i) => `SHOW USERS WHERE ${'('.repeat(41 + i)}x x`).join(';\n');
    const messages = parse(script).diagnostics.map((d) => d.message);
    expect(messages[0]).toBe("Invalid input 'x': expected an expression (line 1, column 61 (offset: 60))");
    expect(messages[16]).toBe("Invalid input 'x': expected an expression (line 1, column 77 (offset: 76))");
    expect(messages[17]).toBe("Invalid input 'x' (line 1, column 78 (offset: 77))");
    expect(messages[19]).toBe("Invalid input 'x' (line 1, column 80 (offset: 79))");
    expect(assists).toBe(17);
  });

  it('is per script: the next script gets the expected lists again', () => {
    const script = Array.from({ length: 20 }, (_, i) => `SHOW USERS WHERE ${'('.repeat(41 + i)}x x`).join(';\n');
    parse(script);
    expect(parse('SHOW USERS WHERE ((x x').diagnostics[0]!.message).toBe(
      "Invalid input 'x': expected an expression (line 1, column 22 (offset: 21))",
    );
  });

  it('is not spent on the same error again: one assist for a thousand repeats, each with its expected list', () => {
    const script = 'SHOW USERS WHERE ((((((((((x x;\n'.repeat(1000);
    const messages = parse(script).diagnostics.map((d) => d.message);
    expect(messages).toHaveLength(1000);
    expect(new Set(messages)).toEqual(new Set(["Invalid input 'x': expected an expression (line 1, column 30 (offset: 29))"]));
    expect(assists).toBe(1);
  });
});
