/** ShardedMap against a plain Map: the same entries after any sequence of changes, and old versions unchanged. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { setFreezeStored, ShardedMap } from '../../src/store/sharded.js';

type Change = readonly ['set', string, number] | readonly ['delete', string];

// Few distinct keys, so that sets overwrite and deletes hit; long ones too, to spread over the trie.
const key = fc.oneof(fc.constantFrom('a', 'b', 'user1', 'user2', '__proto__', ''), fc.string({ maxLength: 12 }));
const change: fc.Arbitrary<Change> = fc.oneof(
  fc.tuple(fc.constant('set' as const), key, fc.integer()),
  fc.tuple(fc.constant('delete' as const), key),
);

const entriesOf = (map: ShardedMap<number>, keys: Iterable<string>) => [...new Set(keys)].sort().map((k) => [k, map.get(k), map.has(k)]);

describe('ShardedMap', () => {
  it('holds what a Map holds after the same changes, and every earlier version keeps its entries', () => {
    fc.assert(
      fc.property(fc.array(change, { maxLength: 60 }), (changes) => {
        let map = ShardedMap.empty<number>();
        const model = new Map<string, number>();
        const versions: [ShardedMap<number>, Map<string, number>][] = [];
        for (const c of changes) {
          if (c[0] === 'set') {
            map = map.set(c[1], c[2]);
            model.set(c[1], c[2]);
          } else {
            map = map.delete(c[1]);
            model.delete(c[1]);
          }
          versions.push([map, new Map(model)]);
        }
        const keys = changes.map((c) => c[1]);
        for (const [version, expected] of versions) {
          expect(version.size).toBe(expected.size);
          expect([...version.values()].sort((x, y) => x - y)).toEqual([...expected.values()].sort((x, y) => x - y));
          expect(entriesOf(version, keys)).toEqual([...new Set(keys)].sort().map((k) => [k, expected.get(k), expected.has(k)]));
        }
      }),
    );
  });

  it('built in one pass holds the same as built by sets', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.tuple(key, fc.integer()), { selector: ([k]) => k, maxLength: 200 }), (entries) => {
        const built = ShardedMap.from(entries);
        const bySets = entries.reduce((map, [k, v]) => map.set(k, v), ShardedMap.empty<number>());
        const keys = entries.map(([k]) => k);
        expect(built.size).toBe(entries.length);
        expect(entriesOf(built, keys)).toEqual(entriesOf(bySets, keys));
        expect([...built.values()]).toEqual([...bySets.values()]);
      }),
    );
  });

  it('under test, freezes what it stores, nested parts included, whether built by set or in one pass', () => {
    const stored = () => ({ name: 'a', auth: [{ provider: 'native', changeRequired: false }], tags: ['x'] });
    const bySet = stored();
    ShardedMap.empty<ReturnType<typeof stored>>().set('a', bySet);
    const inOnePass = stored();
    ShardedMap.from([['a', inOnePass]]);
    for (const value of [bySet, inOnePass]) {
      expect([Object.isFrozen(value), Object.isFrozen(value.auth), Object.isFrozen(value.auth[0]), Object.isFrozen(value.tags)]).toEqual([
        true,
        true,
        true,
        true,
      ]);
    }
  });

  it('for a library user, stores values as they are (freezing them was 10% of a statement)', () => {
    setFreezeStored(false);
    try {
      const value = { name: 'a', tags: ['x'] };
      ShardedMap.empty<typeof value>().set('a', value);
      ShardedMap.from([['a', value]]);
      expect(Object.isFrozen(value)).toBe(false);
    } finally {
      setFreezeStored(true);
    }
  });
});
