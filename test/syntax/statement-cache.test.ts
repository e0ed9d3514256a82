/** The parsed-statement cache: repeated statements are parsed twice at most, within bounds, keyed by what decides a parse. */
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/parse.js';
import { SystemDatabase } from '../../src/index.js';
import { cachedSegments } from '../../src/syntax/statement-cache.js';
import { neo4jFailure } from '../support/db.js';

function counting() {
  let parses = 0;
  const parse = (text: string) => () => {
    parses += 1;
    return parseScript(text);
  };
  return { parse, parses: () => parses };
}

describe('cachedSegments', () => {
  it('keeps a statement from its second sighting on, and gives the same segments back', () => {
    const { parse, parses } = counting();
    const text = `SHOW USERS YIELD user WHERE user = 'cache-${Math.random()}'`;
    cachedSegments(text, 8, parse(text));
    expect(parses()).toBe(1);
    // Seen once, not kept: a run of distinct statements keeps none of them alive.
    const second = cachedSegments(text, 8, parse(text));
    expect(parses()).toBe(2);
    expect(cachedSegments(text, 8, parse(text))).toBe(second);
    expect(cachedSegments(text, 8, parse(text))).toBe(second);
    expect(parses()).toBe(2);
  });

  it('keys by the minimum password length too', () => {
    const { parse, parses } = counting();
    const text = `CREATE USER a${Date.now()} SET PASSWORD 'abcde'`;
    cachedSegments(text, 8, parse(text));
    cachedSegments(text, 8, parse(text)); // kept for length 8
    cachedSegments(text, 4, parse(text));
    expect(parses()).toBe(3);
  });

  it('keeps at most 512 statements, dropping the least recently used', () => {
    const { parse, parses } = counting();
    const kept = `SHOW USERS YIELD user AS kept${Math.random().toString(36).slice(2)}`;
    const dropped = `SHOW USERS YIELD user AS dropped${Math.random().toString(36).slice(2)}`;
    // Each twice: a statement is kept from its second sighting on.
    for (const text of [dropped, dropped, kept, kept]) cachedSegments(text, 8, parse(text));
    for (let i = 0; i < 511; i++) {
      cachedSegments(kept, 8, parse(kept)); // used again, so it stays
      const other = `SHOW USERS YIELD user AS u${i}x${Math.random().toString(36).slice(2)}`;
      cachedSegments(other, 8, parse(other));
      cachedSegments(other, 8, parse(other));
    }
    const before = parses();
    cachedSegments(kept, 8, parse(kept));
    expect(parses()).toBe(before);
    cachedSegments(dropped, 8, parse(dropped));
    expect(parses()).toBe(before + 1);
  });

  it('does not keep long scripts', () => {
    const { parse, parses } = counting();
    const text = `SHOW USERS YIELD user WHERE user = '${'x'.repeat(5000)}'`;
    cachedSegments(text, 8, parse(text));
    cachedSegments(text, 8, parse(text));
    expect(parses()).toBe(2);
  });
});

describe('execute with the cache', () => {
  it('still checks each database’s own minimum password length on a statement it has seen', () => {
    const query = "CREATE USER alice SET PASSWORD 'abcdef'";
    expect(SystemDatabase.create({ minimumPasswordLength: 4 }).execute(query).result.columns).toEqual([]);
    expect(neo4jFailure(() => SystemDatabase.create().execute(query)).message).toBe('A password must be at least 8 characters.');
  });
});
